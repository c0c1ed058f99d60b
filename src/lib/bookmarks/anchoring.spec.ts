import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Corpus, Passage } from '../corpus/types';
import { propertyRuns } from '../testing/property-runs';
import { buildAnchorIndex, reanchor, type AnchorPassage } from './anchoring';
import { createBookmark, type Bookmark } from './model';

const corpus = JSON.parse(
	fs.readFileSync(path.resolve(import.meta.dirname, '../../../corpus/corpus.json'), 'utf8')
) as Corpus;
const passages: AnchorPassage[] = corpus.passages.map((p) => ({
	id: p.id,
	docId: p.docId,
	text: p.text
}));
const longText = corpus.passages.filter((p) => p.kind === 'text' && p.text.length > 150);
const target = longText[3]!;
const other = longText.find((p) => p.docId !== target.docId)!;

function bookmark(p: Pick<Passage, 'id' | 'docId' | 'text'>, span?: [number, number]): Bookmark {
	return createBookmark(
		{ passageId: p.id, docId: p.docId, source: 's', title: 't', text: p.text, span },
		{ id: 'b', now: 0, corpusHash: corpus.hash }
	);
}

/** The corpus with `target` replaced by `replacement` (none: deleted), other passages as they are. */
function revised(replacement: AnchorPassage[], at = target.id): AnchorPassage[] {
	return passages.flatMap((p) => (p.id === at ? replacement : [p]));
}

describe('re-anchoring against an unchanged corpus', () => {
	const index = buildAnchorIndex(passages);

	it('finds every whole passage and every span where it was', () => {
		fc.assert(
			fc.property(fc.nat({ max: passages.length - 1 }), fc.nat(), fc.nat(), (k, x, y) => {
				const p = passages[k]!;
				if (p.text.length === 0) return;
				const start = x % p.text.length;
				const end = start + 1 + (y % (p.text.length - start));
				for (const b of [bookmark(p), bookmark(p, [start, end])]) {
					const found = reanchor(b, index);
					expect(found).toMatchObject({
						status: 'anchored',
						passageId: p.id,
						docId: p.docId,
						range: b.range,
						similarity: 1
					});
				}
			}),
			{ numRuns: propertyRuns(), seed: 20261122 }
		);
	});
});

describe('re-anchoring after the corpus changes', () => {
	const span: [number, number] = [60, 100];
	const quote = target.text.slice(...span);

	it('follows a passage edited before the quote (same id, shifted range)', () => {
		const edited = { ...target, text: '新增的一句话。' + target.text };
		const found = reanchor(bookmark(target, span), buildAnchorIndex(revised([edited])));
		expect(found).toMatchObject({
			status: 'relocated',
			passageId: target.id,
			range: [span[0] + 7, span[1] + 7]
		});
	});

	it('finds a passage whose id changed with its text, by the exact quote', () => {
		const renamed = { ...target, id: 'pnewid001', text: target.text.replace(/。$/u, '') + '!' };
		const found = reanchor(bookmark(target, span), buildAnchorIndex(revised([renamed])));
		expect(found).toMatchObject({ status: 'relocated', passageId: 'pnewid001', range: span });
	});

	it('finds an edited quote approximately, with its context', () => {
		const chars = [...target.text];
		chars[span[0] + 10] = '〇';
		chars[span[0] + 25] = '〇';
		const edited = { ...target, id: 'pedited01', text: chars.join('') };
		const found = reanchor(bookmark(target, span), buildAnchorIndex(revised([edited])));
		expect(found.status).toBe('fuzzy');
		if (found.status !== 'fuzzy') return;
		expect(found.passageId).toBe('pedited01');
		expect(found.range).toEqual(span);
		expect(found.similarity).toBeCloseTo(1 - 2 / quote.length);
	});

	it('finds a passage moved to another document', () => {
		const moved = passages
			.filter((p) => p.id !== target.id)
			.flatMap((p) =>
				p.id === other.id ? [p, { ...target, id: 'pmoved001', docId: other.docId }] : [p]
			);
		const found = reanchor(bookmark(target, span), buildAnchorIndex(moved));
		expect(found).toMatchObject({
			status: 'relocated',
			docId: other.docId,
			passageId: 'pmoved001',
			range: span
		});
	});

	it('follows a split passage: a span into its half, the whole passage across both', () => {
		const cut = 80;
		const halves = [
			{ ...target, id: 'psplit001', text: target.text.slice(0, cut) },
			{ ...target, id: 'psplit002', text: target.text.slice(cut) }
		];
		const index = buildAnchorIndex(revised(halves));
		expect(reanchor(bookmark(target, [100, 120]), index)).toMatchObject({
			status: 'relocated',
			passageId: 'psplit002',
			range: [20, 40],
			passageIds: ['psplit002']
		});
		expect(reanchor(bookmark(target), index)).toMatchObject({
			status: 'relocated',
			passageId: 'psplit001',
			range: [0, cut],
			passageIds: ['psplit001', 'psplit002']
		});
		// A span across the cut starts in the first half and runs into the second.
		expect(reanchor(bookmark(target, [70, 90]), index)).toMatchObject({
			status: 'relocated',
			passageId: 'psplit001',
			range: [70, cut],
			passageIds: ['psplit001', 'psplit002']
		});
	});

	it('follows a split passage that was also edited, approximately', () => {
		const cut = 80;
		const halves = [
			{ ...target, id: 'psplit001', text: target.text.slice(0, cut) + '。' },
			{ ...target, id: 'psplit002', text: target.text.slice(cut) }
		];
		const found = reanchor(bookmark(target), buildAnchorIndex(revised(halves)));
		expect(found.status).toBe('fuzzy');
		if (found.status !== 'fuzzy') return;
		expect(found.passageIds).toEqual(['psplit001', 'psplit002']);
		expect(found.similarity).toBeGreaterThan(0.99);
	});

	it('reports a deleted passage as unanchored, never somewhere else', () => {
		const index = buildAnchorIndex(revised([]));
		expect(reanchor(bookmark(target, span), index)).toEqual({ status: 'unanchored' });
		expect(reanchor(bookmark(target), index)).toEqual({ status: 'unanchored' });
	});

	it('does not move a short quote to a look-alike elsewhere', () => {
		// Two characters that occur all over the corpus.
		const at = target.text.indexOf('政务');
		if (at === -1) return;
		const b = bookmark(target, [at, at + 2]);
		expect(reanchor(b, buildAnchorIndex(revised([])))).toEqual({ status: 'unanchored' });
	});

	it('lets the saved context choose between several occurrences of a quote', () => {
		const text = '甲地建设电子政务平台。乙地建设电子政务平台。丙地建设电子政务平台。';
		const p = { id: 'prepeat01', docId: 'dx', text };
		const b = bookmark(p, [15, 21]); // 乙地's 电子政务平台
		const shifted = { id: 'prepeat02', docId: 'dx', text: '前言。' + text };
		const found = reanchor(b, buildAnchorIndex([shifted]));
		expect(found).toMatchObject({ status: 'relocated', passageId: 'prepeat02', range: [18, 24] });
	});

	it('stays exact when the corpus grows elsewhere', () => {
		const grown = [...passages, { id: 'pextra001', docId: 'new-doc', text: target.text }];
		expect(reanchor(bookmark(target, span), buildAnchorIndex(grown))).toMatchObject({
			status: 'anchored',
			passageId: target.id
		});
	});
});
