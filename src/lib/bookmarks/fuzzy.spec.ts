import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../testing/property-runs';
import { approximateMatch, commonPrefixLength, commonSuffixLength } from './fuzzy';

describe('approximateMatch', () => {
	it('finds an exact occurrence at distance 0', () => {
		expect(approximateMatch('政务', '中国电子政务网络')).toEqual({ start: 4, end: 6, distance: 0 });
	});

	it('finds a text with a character changed, added or removed', () => {
		const text = '各地建立社保卡系统,普遍建立OA办公平台。';
		expect(approximateMatch('建立社保卡体系', text)).toMatchObject({ start: 2, distance: 1 });
		expect(approximateMatch('建立社保系统', text)).toMatchObject({ start: 2, end: 9, distance: 1 });
		expect(approximateMatch('建立了社保卡系统', text)).toMatchObject({
			start: 2,
			end: 9,
			distance: 1
		});
	});

	it('answers null for empty input', () => {
		expect(approximateMatch('', 'abc')).toBeNull();
		expect(approximateMatch('abc', '')).toBeNull();
	});

	it('always reports the edit distance of the slice it returns', () => {
		const distance = (a: string, b: string) => {
			const d = Array.from({ length: a.length + 1 }, (_, i) => [
				i,
				...Array<number>(b.length).fill(0)
			]);
			for (let j = 1; j <= b.length; j++) d[0]![j] = j;
			for (let i = 1; i <= a.length; i++)
				for (let j = 1; j <= b.length; j++)
					d[i]![j] = Math.min(
						d[i - 1]![j]! + 1,
						d[i]![j - 1]! + 1,
						d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
					);
			return d[a.length]![b.length]!;
		};
		const small = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '政', '务'), maxLength: 12 });
		fc.assert(
			fc.property(
				small.filter((s) => s.length > 0),
				small,
				(pattern, text) => {
					const m = approximateMatch(pattern, text);
					if (!m) return;
					expect(distance(pattern, text.slice(m.start, m.end))).toBe(m.distance);
					// No slice does better.
					for (let i = 0; i <= text.length; i++)
						for (let j = i + 1; j <= text.length; j++)
							expect(distance(pattern, text.slice(i, j))).toBeGreaterThanOrEqual(m.distance);
				}
			),
			{ numRuns: propertyRuns(), seed: 20261122 }
		);
	});
});

describe('common prefix and suffix', () => {
	it('counts shared characters at either end', () => {
		expect(commonPrefixLength('电子政务', '电子商务')).toBe(2);
		expect(commonSuffixLength('电子政务', '电子商务')).toBe(1);
		expect(commonSuffixLength('', 'x')).toBe(0);
	});
});
