import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../testing/property-runs';
import { searchForm } from '../text/fold';
import { highlightRanges, mergeRanges, snippet, SNIPPET_LENGTH } from './highlight';

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
	it('keeps its highlights inside its own text and never splits a surrogate pair', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 400 }),
				fc.array(fc.tuple(fc.nat(), fc.nat(6)), { maxLength: 4 }),
				(text, raw) => {
					const ranges = mergeRanges(
						raw
							.map(([a, n]): [number, number] => [
								a % (text.length + 1),
								Math.min(text.length, (a % (text.length + 1)) + n)
							])
							.filter(([a, b]) => a < b)
					);
					const s = snippet(text, ranges);
					expect(s.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 30);
					expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
					expect(/^[\udc00-\udfff]/u.test(s.text)).toBe(false);
					for (const [a, b] of s.highlights)
						expect(0 <= a && a < b && b <= s.text.length).toBe(true);
				}
			),
			options
		);
	});
});
