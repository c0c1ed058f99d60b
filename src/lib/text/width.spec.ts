import { describe, expect, it } from 'vitest';
import { TrackedText } from './tracked-text';
import { normalizeWidth } from './width';

const norm = (s: string) => normalizeWidth(TrackedText.fromRaw(s, 0));

describe('normalizeWidth', () => {
	it('folds full-width letters, digits and marks to their NFKC forms', () => {
		const t = norm('我国民族ＩＴ产业覆盖率９３．４％，');
		expect(t.text).toBe('我国民族IT产业覆盖率93.4%,');
		expect(t.toRaw()).toBe('我国民族ＩＴ产业覆盖率９３．４％，');
		expect(t.edits().every((e) => e[3] === 'width')).toBe(true);
	});

	it('folds Kangxi radicals and compatibility ideographs from PDF extraction', () => {
		expect(norm('⼀⽹通 \uf900').text).toBe('一网通 \u8c48');
	});

	it('keeps forms whose meaning NFKC would change', () => {
		expect(norm('面积5m² 约½ ①').text).toBe('面积5m² 约½ ①');
	});

	it('changes nothing in the seed texts, which are already NFKC', () => {
		expect(norm('2013年,全国各省、自治区、直辖市(市)').edits()).toEqual([]);
	});
});
