import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import { propertyRuns } from '../testing/property-runs';
import { searchForm } from '../text/fold';
import { cutsInSentences, IndexFormatMismatch, SearchIndex } from './search-index';

const corpus = JSON.parse(
	fs.readFileSync(path.resolve(import.meta.dirname, '../../../corpus/corpus.json'), 'utf8')
) as Corpus;
const index = SearchIndex.build(corpus);
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const passageIds = (q: string) => new Set(index.search(q).results.map((r) => r.id));
const texts = (q: string) => index.search(q).results.map((r) => r.text);

describe('search semantics', () => {
	it('finds Traditional text with a Simplified query and the other way round', () => {
		expect(texts('办公业务网').some((t) => t.includes('辦公業務網'))).toBe(true);
		expect(texts('國務院部門').some((t) => t.includes('國務院部門'))).toBe(true);
		expect(texts('信息安全意識').some((t) => t.includes('全社會的信息安全意識'))).toBe(true);
	});

	it('shows each passage in its own script', () => {
		const hit = index.search('办公业务网').results[0]!;
		expect(hit.source).toBe('001_a2fe0118f480fe0c.txt');
		expect(hit.text).toContain('辦公業務網');
	});

	it('requires every space-separated term, counting title and headings as part of a passage', () => {
		const hits = index.search('河南 社会保障').results;
		expect(hits.length).toBeGreaterThan(0);
		expect(hits[0]!.text).toContain('社会保障');
		expect(hits[0]!.source).toMatch(/^004/u);
		expect(hits.every((h) => h.source.startsWith('004'))).toBe(true);
		expect(index.search('河南 不存在的词').total).toBe(0);
	});

	it('reads keywords listed with commas as terms, unless the part is found as a phrase', () => {
		const listed = index.search('南京，交换机');
		expect(listed.terms).toEqual(['南京', '交换机']);
		expect(listed.results.map((h) => h.text)).toEqual(texts('南京 交换机'));
		expect(listed.total).toBeGreaterThan(0);
		// Side by side in a passage, the part stays one phrase, marked as one stretch.
		const phrase = index.search('各地(市)、縣');
		expect(phrase.terms).toEqual(['各地(市)、縣']);
		for (const hit of phrase.results) {
			expect(hit.highlights).toHaveLength(1);
			const [a, b] = hit.highlights[0]!;
			expect(searchForm(hit.text.slice(a, b))).toBe(searchForm('各地市县'));
		}
		expect(phrase.total).toBeGreaterThan(0);
	});

	it('finds a phrase that a cut inside a long sentence splits between two passages', () => {
		const cuts = cutsInSentences(corpus.passages);
		expect(cuts.length).toBeGreaterThan(0);
		const hits = index.search('以人为本服务民生').results;
		expect(hits.length).toBeGreaterThan(0);
		const first = hits[0]!;
		expect(cuts).toContain(corpus.passages.findIndex((p) => p.id === first.id));
		// Marked where the phrase starts, to the end of the passage, and nowhere else.
		expect(first.highlights).toHaveLength(1);
		const [a, b] = first.highlights[0]!;
		expect(searchForm(first.text.slice(a, b))).toBe(searchForm('以人为本'));
		expect(b).toBe(first.text.trimEnd().length - (/[,，、]$/u.test(first.text.trimEnd()) ? 1 : 0));
		// In the reader, the rest is marked at the start of the next passage.
		const next = corpus.passages[corpus.passages.findIndex((p) => p.id === first.id) + 1]!;
		const marks = index.highlightDocument(first.docId, '以人为本服务民生');
		expect(marks[first.id]).toEqual(first.highlights);
		const [c, d] = marks[next.id]![0]!;
		expect(c).toBe(0);
		expect(searchForm(next.text.slice(c, d))).toBe(searchForm('服务民生'));
	});

	it('ranks a percentage written with its sign above the same number without it', () => {
		for (const q of ['100%', '１００％', '40%']) {
			const written = new RegExp(`(?<![\\d.])${q.normalize('NFKC')}`, 'u');
			const hits = index.search(q).results;
			const withSign = hits.filter((h) => written.test(h.text));
			expect(withSign.length, q).toBeGreaterThan(0);
			expect(hits.slice(0, withSign.length), q).toEqual(withSign);
		}
	});

	it('gives a heading or title no credit for a term found only inside a longer number', () => {
		const hits = index.search('3%').results;
		expect(hits[0]!.text).toContain('3%的省级政府');
		for (const h of hits) {
			if (!/(?<![\d.])3%/u.test(h.text)) expect(h.matched.headings).toEqual([]);
		}
	});

	it('does not return every passage of a document only because its title matches', () => {
		expect(index.search('河南').results.every((h) => h.matched.text.length > 0)).toBe(true);
	});

	it('confirms n-gram candidates against the text: no passage without the phrase', () => {
		for (const q of ['政务信息化', '信息资源共享', '电子政务网络']) {
			const form = searchForm(q);
			for (const h of index.search(q).results) expect(searchForm(h.text)).toContain(form);
		}
	});

	it('keeps Latin words and numbers whole for ranking but finds partial ones', () => {
		expect(texts('ＩＴ产业')[0]).toContain('民族it产业');
		expect(texts('oracle').length).toBe(2);
		expect(index.search('97%').results[0]!.text).toContain('97%以上');
		expect(texts('CA电子认证')[0]).toContain('CA电子认证');
		expect(texts('7×24小时').length).toBe(2);
	});

	it('ranks the text above the heading that announces it', () => {
		const hits = index.search('就业服务').results;
		expect(hits[0]!.kind).toBe('text');
	});

	it('pages, filters by document and counts per document', () => {
		const all = index.search('电子政务');
		const page = index.search('电子政务', { offset: 5, limit: 5 });
		expect(page.results.map((r) => r.id)).toEqual(all.results.slice(5, 10).map((r) => r.id));
		const only = index.search('电子政务', { docIds: ['004_d5c1c3bf905c2393'] });
		expect(only.total).toBe(all.byDocument['004_d5c1c3bf905c2393']);
		expect(only.byDocument).toEqual(all.byDocument);
		expect(Object.values(all.byDocument).reduce((a, b) => a + b, 0)).toBe(all.total);
	});

	it('treats any string as a query without throwing', () => {
		for (const q of [
			'',
			'   ',
			'(((',
			'。，、',
			'<script>alert(1)</script>',
			'😀😀',
			'\u0000',
			'a'.repeat(10_000),
			'电'.repeat(10_000)
		]) {
			expect(() => index.search(q)).not.toThrow();
		}
		expect(index.search('').total).toBe(0);
		expect(index.search('(((').total).toBe(0);
		expect(index.search('不存在的词语组合甲乙丙').total).toBe(0);
		expect(index.search('企業新聞').total).toBe(0);
	});
});

/** The corpus with a counter on every read of a passage's text. */
function countingTextReads(): { watched: typeof corpus; reads: () => number } {
	let reads = 0;
	const watched = {
		...corpus,
		passages: corpus.passages.map((p) => ({
			...p,
			get text() {
				reads++;
				return p.text;
			}
		}))
	};
	return { watched, reads: () => reads };
}

describe('serialization', () => {
	it('loads a saved index that answers exactly like the one that was built', () => {
		const loaded = SearchIndex.load(JSON.stringify(index.toJSON()), corpus);
		for (const q of ['电子政务', '辦公業務網', '河南 就业', 'oa', '90%', '云']) {
			expect(loaded.search(q)).toEqual(index.search(q));
		}
	});

	it('refuses an index made for another corpus, tokenizer or a damaged one', () => {
		const saved = index.toJSON();
		expect(() =>
			SearchIndex.load({ ...saved, format: { ...saved.format, corpus: 'other' } }, corpus)
		).toThrow(IndexFormatMismatch);
		expect(() =>
			SearchIndex.load({ ...saved, format: { ...saved.format, tokenizer: 'old' } }, corpus)
		).toThrow(/tokenizer/u);
		expect(() => SearchIndex.load(JSON.stringify(saved).slice(0, 5000), corpus)).toThrow(
			IndexFormatMismatch
		);
		expect(() =>
			SearchIndex.load({ ...saved, passages: { bogus: true } } as never, corpus)
		).toThrow(IndexFormatMismatch);
		const fewer = { ...corpus, passages: corpus.passages.slice(1) };
		expect(() => SearchIndex.load(saved, fewer)).toThrow(IndexFormatMismatch);
	});

	it("stores each search form's length, not the forms, and a load reads no passage text", () => {
		const saved = index.toJSON();
		expect(saved.passages.lengths).toEqual(corpus.passages.map((p) => searchForm(p.text).length));
		expect(saved.titles.lengths).toEqual(corpus.documents.map((d) => searchForm(d.title).length));
		expect('forms' in saved.passages).toBe(false);
		const { watched, reads } = countingTextReads();
		const loaded = SearchIndex.load(JSON.stringify(saved), watched);
		expect(reads()).toBe(0);
		expect(loaded.search('办公业务网')).toEqual(index.search('办公业务网'));
		expect(reads()).toBeGreaterThan(0);
	});

	it('folds the forms of a loaded index ahead of queries, a slice at a time', () => {
		const { watched, reads } = countingTextReads();
		const loaded = SearchIndex.load(JSON.stringify(index.toJSON()), watched);
		expect(loaded.foldAhead(() => true)).toBe(false);
		expect(reads()).toBe(64);
		for (let done = false; !done;) {
			const before = reads();
			done = loaded.foldAhead(() => true);
			expect(reads() - before).toBeLessThanOrEqual(64);
		}
		expect(reads()).toBe(corpus.passages.length);
		expect(loaded.foldAhead(() => false)).toBe(true);
		// Every form is there: a single character, which scans them all, folds none again; it reads
		// only the texts its snippets show, the same the second time.
		const before = reads();
		expect(loaded.search('网')).toEqual(index.search('网'));
		const first = reads() - before;
		loaded.search('网');
		expect(reads() - before - first).toBe(first);
	});

	it('refuses stored lengths that do not fit the corpus', () => {
		const saved = index.toJSON();
		const without = structuredClone(saved) as { passages: { lengths?: number[] } };
		delete without.passages.lengths;
		expect(() => SearchIndex.load(without as never, corpus)).toThrow(/lengths/u);
		const short = structuredClone(saved);
		short.headings.lengths.pop();
		expect(() => SearchIndex.load(short, corpus)).toThrow(IndexFormatMismatch);
		const notCounts = structuredClone(saved) as unknown as { titles: { lengths: unknown[] } };
		notCounts.titles.lengths[0] = 'seven';
		expect(() => SearchIndex.load(notCounts as never, corpus)).toThrow(IndexFormatMismatch);
	});
});

describe('properties', () => {
	const withText = corpus.passages.filter((p) => searchForm(p.text).trim().length > 0);
	const passage = fc.constantFrom(...withText);
	const substring = passage.chain((p) =>
		fc
			.tuple(fc.nat(p.text.length - 1), fc.integer({ min: 2, max: 8 }))
			.map(([start, len]) => ({ p, q: p.text.slice(start, start + len) }))
	);
	const options = { numRuns: propertyRuns(), seed: 20261122 };

	it('finds the passage of any 2–8 character substring, in either script', () => {
		fc.assert(
			fc.property(substring, fc.boolean(), ({ p, q }, convert) => {
				fc.pre(searchForm(q).trim().length > 0);
				const script = corpus.documents.find((d) => d.id === p.docId)!.script;
				const query = !convert ? q : script === 'Simplified' ? toTraditional(q) : toSimplified(q);
				expect(passageIds(query).has(p.id), `${query} → ${p.id}`).toBe(true);
			}),
			options
		);
	});

	it('puts highlights inside the text, over characters of the query', () => {
		fc.assert(
			fc.property(substring, ({ q }) => {
				const terms = q
					.split(/\s+/u)
					.map(searchForm)
					.filter((t) => t.trim());
				for (const hit of index.search(q).results) {
					for (const [a, b] of hit.highlights) {
						expect(a).toBeGreaterThanOrEqual(0);
						expect(b).toBeLessThanOrEqual(hit.text.length);
						expect(a).toBeLessThan(b);
						const marked = searchForm(hit.text.slice(a, b)).replace(/ /gu, '');
						expect(
							terms.some((t) => t.replace(/ /gu, '').includes(marked) || marked.includes(t.trim()))
						).toBe(true);
					}
				}
			}),
			options
		);
	});

	it('never throws, whatever the input', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (q) => {
				const r = index.search(q, { limit: 5 });
				expect(r.total).toBeGreaterThanOrEqual(r.results.length);
			}),
			options
		);
	});

	it('has recall 1 and no extra hits against a brute-force scan, for single terms', () => {
		const forms = corpus.passages.map((p) => searchForm(p.text));
		const cuts = new Set(cutsInSentences(corpus.passages));
		// A term that starts in a passage and ends in the next, across a cut inside a sentence.
		const straddles = (i: number, needle: string) => {
			if (!cuts.has(i)) return false;
			const joined = (forms[i]! + forms[i + 1]!).replace(/ {2,}/gu, ' ');
			const boundary = forms[i]!.length;
			for (let at = joined.indexOf(needle); at >= 0; at = joined.indexOf(needle, at + 1)) {
				if (at < boundary && at + needle.length > boundary) return true;
			}
			return false;
		};
		fc.assert(
			fc.property(substring, ({ q }) => {
				const term = q.split(/\s+/u).find((t) => searchForm(t).trim());
				fc.pre(term !== undefined);
				const needle = searchForm(term!).trim();
				const truth = corpus.passages
					.filter((_, i) => forms[i]!.includes(needle) || straddles(i, needle))
					.map((p) => p.id);
				const got = index
					.search(term!)
					.results.filter((r) => r.matched.text.length > 0)
					.map((r) => r.id);
				expect(new Set(got)).toEqual(new Set(truth));
			}),
			options
		);
	});
});
