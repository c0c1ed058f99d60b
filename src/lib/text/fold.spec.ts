import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../testing/property-runs';
import { fold, mappedSearchForm, searchForm } from './fold';

describe('fold', () => {
	it('makes Traditional and Simplified one script, character by character', () => {
		expect(fold('國務院部門')).toBe('国务院部门');
		expect(fold('辦公業務網')).toBe(fold('办公业务网'));
		expect(fold('為爲裡裏眾衆')).toBe('为为里里众众');
	});

	it('applies NFKC and lower case', () => {
		expect(fold('ＩＴ產業 Oracle')).toBe('it产业 oracle');
	});

	it('folds a substring to a substring of the folded text (what phrase rules would break)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.nat(), fc.nat(), (s, a, b) => {
				const chars = [...s];
				const i = a % (chars.length + 1);
				const j = i + (b % (chars.length - i + 1));
				expect(fold(s).includes(fold(chars.slice(i, j).join('')))).toBe(true);
			}),
			{ numRuns: propertyRuns(), seed: 20261122 }
		);
	});
});

describe('searchForm', () => {
	it('drops punctuation and sets words apart', () => {
		expect(searchForm('我国民族it产业,93.4%和67.2%')).toBe('我国民族 it 产业 93.4 和 67.2 ');
		expect(searchForm('「公共資源交易」')).toBe('公共资源交易');
		expect(searchForm('7×24小时')).toBe(' 7 24 小时');
	});

	it('keeps numbers whole, so 97 is not found inside 1997', () => {
		expect(searchForm('1997年').includes(searchForm('97'))).toBe(false);
		expect(searchForm('我国97%以上').includes(searchForm('97%'))).toBe(true);
	});

	it('maps every character back into the original text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
				const m = mappedSearchForm(s);
				expect(m.form).toBe(searchForm(s));
				for (let k = 0; k < m.form.length; k++) {
					expect(m.starts[k]).toBeGreaterThanOrEqual(0);
					expect(m.ends[k]).toBeLessThanOrEqual(s.length);
					expect(m.starts[k]).toBeLessThanOrEqual(m.ends[k]!);
				}
			}),
			{ numRuns: propertyRuns(), seed: 20261122 }
		);
	});
});
