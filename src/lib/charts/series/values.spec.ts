import { describe, expect, it } from 'vitest';
import { indicator } from './indicator-fixture';
import {
	boundOf,
	compareLevels,
	formatNumber,
	repeatsByLead,
	scaled,
	withoutDoubleCounts,
	writtenValue
} from './values';

describe('values', () => {
	it('orders levels from the province down, unstated last', () => {
		const levels = [null, '乡', '县', '省', '市'] as const;
		expect([...levels].sort(compareLevels)).toEqual(['省', '市', '县', '乡', null]);
	});

	it('writes the figure as the text does, hedge in its place', () => {
		expect(writtenValue({ value: 90, unit: '%', qualifier: '近' })).toBe('近90%');
		expect(writtenValue({ value: 80, unit: '%', qualifier: '以上' })).toBe('80%以上');
		expect(writtenValue({ value: 24400, unit: '家', qualifier: '多' })).toBe('24400多家');
		expect(writtenValue({ value: 50, unit: '万台', qualifier: '多' })).toBe('50多万台');
		expect(writtenValue({ value: 50, unit: '%', qualifier: '约…左右' })).toBe('约50%左右');
		expect(writtenValue({ value: 93.4, unit: '%', qualifier: null })).toBe('93.4%');
		expect(writtenValue({ value: 2.3, unit: '亿', qualifier: '接近' })).toBe('接近2.3亿');
	});

	it('reads what a hedge says about the true figure', () => {
		expect(boundOf(null)).toBeNull();
		expect(boundOf('以上')).toBe('at-least');
		expect(boundOf('超过')).toBe('at-least');
		expect(boundOf('多')).toBe('at-least');
		expect(boundOf('近')).toBe('nearly');
		expect(boundOf('接近')).toBe('nearly');
		expect(boundOf('约…左右')).toBe('about');
		// Never exact: an unknown hedge is still approximate.
		expect(boundOf('差不多')).toBe('about');
	});

	it('multiplies out 万 and 亿 but keeps the unit apart', () => {
		expect(scaled({ value: 1500, unit: '万条' })).toEqual({
			value: 15_000_000,
			unit: '条',
			percent: false
		});
		expect(scaled({ value: 2.3, unit: '亿' })).toEqual({
			value: 230_000_000,
			unit: '',
			percent: false
		});
		expect(scaled({ value: 93.4, unit: '%' }).percent).toBe(true);
		expect(formatNumber(230_000_000)).toBe('230000000');
		expect(formatNumber(0.1 + 0.2)).toBe('0.3');
	});

	it('counts a restated figure once', () => {
		const lead = indicator({ id: 'body@5' });
		const headline = indicator({ id: 'head@0', repeatOf: 'body@5' });
		const lede = indicator({ id: 'lede@3', repeatOf: 'body@5' });
		const other = indicator({ id: 'body@9' });
		expect(withoutDoubleCounts([headline, lead, lede, other]).map((i) => i.id)).toEqual([
			'body@5',
			'body@9'
		]);
		// Without the body record, the first restatement stands for the figure.
		expect(withoutDoubleCounts([headline, lede, other]).map((i) => i.id)).toEqual([
			'head@0',
			'body@9'
		]);
		expect(
			repeatsByLead([headline, lead, lede])
				.get('body@5')
				?.map((i) => i.id)
		).toEqual(['head@0', 'lede@3']);
	});
});
