import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import { propertyRuns } from '../testing/property-runs';
import { searchForm } from '../text/fold';
import { highlightRanges, mergeRanges, snippet, SNIPPET_LENGTH, WHOLE_HIT_MAX } from './highlight';

const options = { numRuns: propertyRuns(), seed: 20261122 };

describe('highlightRanges', () => {
	it('maps matches on the folded text back to the characters shown', () => {
		const text = '我國97%以上的地區和部門已建成機關內部辦公業務網';
		const [[a, b]] = highlightRanges(text, [searchForm('办公业务网')]) as [[number, number]];
		expect(text.slice(a, b)).toBe('辦公業務網');
	});

	it('returns merged, sorted ranges inside the text that cover matching characters', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 50 }),
				fc.array(fc.string({ unit: 'grapheme', maxLength: 4 }), { maxLength: 3 }),
				(text, raw) => {
					const needles = raw.map(searchForm).filter((n) => n.trim());
					const ranges = highlightRanges(text, needles);
					let last = -1;
					for (const [a, b] of ranges) {
						expect(a).toBeGreaterThan(last);
						expect(a).toBeLessThan(b);
						expect(b).toBeLessThanOrEqual(text.length);
						last = b;
						const marked = searchForm(text.slice(a, b)).replace(/ /gu, '');
						expect(needles.some((n) => marked.includes(n.replace(/ /gu, '')))).toBe(true);
					}
				}
			),
			options
		);
	});
});

describe('snippet', () => {
	/** Highlights as a search would give them, from generated (start, length) pairs. */
	const rangesIn = (text: string, raw: [number, number][]) =>
		mergeRanges(
			raw
				.map(([a, n]): [number, number] => {
					const start = a % (text.length + 1);
					return [start, Math.min(text.length, start + n)];
				})
				.filter(([a, b]) => a < b)
		);

	it('keeps its highlights inside its own text and never splits a surrogate pair', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 400 }),
				fc.array(fc.tuple(fc.nat(), fc.nat(6)), { maxLength: 4 }),
				(text, raw) => {
					const ranges = rangesIn(text, raw);
					const s = snippet(text, ranges);
					expect(s.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2 * WHOLE_HIT_MAX + 2);
					expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
					expect(/^[\udc00-\udfff]/u.test(s.text)).toBe(false);
					for (const [a, b] of s.highlights)
						expect(0 <= a && a < b && b <= s.text.length).toBe(true);
				}
			),
			options
		);
	});

	it('shows a hit whole or not at all, unless the hit is longer than WHOLE_HIT_MAX', () => {
		fc.assert(
			fc.property(
				fc.string({
					unit: fc.constantFrom('信', '息', '安', '全', '。'),
					minLength: 150,
					maxLength: 500
				}),
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: WHOLE_HIT_MAX + 8 })), {
					minLength: 1,
					maxLength: 12
				}),
				(text, raw) => {
					const ranges = rangesIn(text, raw);
					const s = snippet(text, ranges);
					const end = s.start + s.text.length;
					for (const [a, b] of ranges) {
						if (b - a > WHOLE_HIT_MAX || b <= s.start || a >= end) continue;
						expect([a, b], `cut by [${s.start}, ${end})`).toEqual([
							Math.max(a, s.start),
							Math.min(b, end)
						]);
					}
				}
			),
			options
		);
	});

	it('does not cut 信息安全 in two where hits crowd a seed passage', () => {
		const corpus = JSON.parse(
			fs.readFileSync(path.resolve(import.meta.dirname, '../../../corpus/corpus.json'), 'utf8')
		) as Corpus;
		const text = corpus.passages.find((p) => p.text.includes('互聯網信息內容的安全管理'))!.text;
		const s = snippet(text, highlightRanges(text, ['信息安全']));
		expect(s.highlights.length).toBeGreaterThan(2);
		for (const [a, b] of s.highlights) expect(s.text.slice(a, b)).toBe('信息安全');
	});
});
