import { describe, expect, it } from 'vitest';
import { citation } from './citation';

describe('citation', () => {
	const parts = {
		quote: '推进政务应用,电子政务(2013)迈上新台阶',
		title: '全國政府系統政務信息化工作會議:各地各部門的經驗',
		source: '001_a2fe0118f480fe0c.txt',
		url: 'https://example.org/doc/001#p-1'
	};

	it('quotes the text as the page shows it, with Chinese separators', () => {
		expect(citation(parts, 'zh-Hans')).toBe(
			'「推进政务应用，电子政务（2013）迈上新台阶」——《全國政府系統政務信息化工作會議：各地各部門的經驗》，' +
				'001_a2fe0118f480fe0c.txt，https://example.org/doc/001#p-1'
		);
	});

	it('keeps the English citation’s own punctuation ASCII, and Latin text as it is', () => {
		expect(citation(parts, 'en')).toBe(
			'“推进政务应用，电子政务（2013）迈上新台阶” — 全國政府系統政務信息化工作會議：各地各部門的經驗 ' +
				'(001_a2fe0118f480fe0c.txt), https://example.org/doc/001#p-1'
		);
		expect(citation({ ...parts, quote: 'GDP (2013): 3.5%, up' }, 'en')).toMatch(
			/^“GDP \(2013\): 3\.5%, up” — /u
		);
	});
});
