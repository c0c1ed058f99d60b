import { describe, expect, it } from 'vitest';
import { indicator } from './indicator-fixture';
import {
	formatAxisNumber,
	numberOffset,
	quoteExcerpt,
	spansOrdersOfMagnitude,
	textWidth,
	wrapText
} from './text';

describe('chart text', () => {
	it('wraps Chinese anywhere and keeps Latin words and numbers whole', () => {
		expect(textWidth('政务外网')).toBe(4);
		expect(wrapText('政务部门主要业务信息化覆盖率', 6)).toEqual([
			'政务部门主要',
			'业务信息化覆',
			'盖率'
		]);
		expect(wrapText('被oracle等国际巨头占领', 5)).toEqual(['被oracle', '等国际巨头', '占领']);
		expect(wrapText('政务部门主要业务信息化覆盖率', 6, 2)).toEqual(['政务部门主要', '业务信息化…']);
	});

	it('finds the right one of repeated digits in a sentence', () => {
		const quote = '覆盖90%以上的市和80%以上的县,数据库市场超过90%的市场份额被占领';
		const a = indicator({ id: 'p@10', value: 90, unit: '%', quote, at: [10, 13] });
		const b = indicator({ id: 'p@17', value: 80, unit: '%', quote, at: [17, 20] });
		const c = indicator({ id: 'p@40', value: 90, unit: '%', quote, at: [40, 43] });
		expect(numberOffset(a, [a, b, c])).toBe(2);
		expect(numberOffset(c, [a, b, c])).toBe(quote.lastIndexOf('90%'));
		expect(numberOffset(b, [a, b, c])).toBe(quote.indexOf('80%'));
	});

	it('does not take digits inside a longer number', () => {
		const quote = '2013年,共有13个部门';
		const i = indicator({ id: 'p@9', value: 13, quote });
		expect(numberOffset(i, [i])).toBe(quote.indexOf('13个'));
	});

	it('cuts a long sentence around the number', () => {
		const quote = `${'前'.repeat(100)}93.4%${'后'.repeat(100)}`;
		const i = indicator({ id: 'p@100', value: 93.4, unit: '%', quote });
		const excerpt = quoteExcerpt(i, [i], 10);
		expect(excerpt).toContain('93.4%');
		expect(excerpt.startsWith('…')).toBe(true);
		expect(excerpt.endsWith('…')).toBe(true);
		expect(quoteExcerpt(indicator({ id: 'p@0', quote: '短句' }), [], 10)).toBe('短句');
	});

	it('writes axis numbers in the reader language', () => {
		expect(formatAxisNumber(400_000_000, 'zh-Hans')).toBe('4亿');
		expect(formatAxisNumber(15_000_000, 'zh-Hans')).toBe('1500万');
		expect(formatAxisNumber(15_000_000, 'en')).toBe('15M');
		expect(formatAxisNumber(24400, 'en')).toBe('24.4k');
		expect(formatAxisNumber(78, 'en')).toBe('78');
	});

	it('asks for a log scale only across orders of magnitude', () => {
		expect(spansOrdersOfMagnitude([78, 24400])).toBe(true);
		expect(spansOrdersOfMagnitude([15, 208])).toBe(false);
		expect(spansOrdersOfMagnitude([5])).toBe(false);
	});
});
