import { describe, expect, it } from 'vitest';
import { isBoilerplateLine } from './boilerplate';

describe('isBoilerplateLine', () => {
	it('drops the breadcrumbs of 001 and the reading-app line of 002', () => {
		expect(isBoilerplateLine('- 新聞中心', true)).toBe(true);
		expect(isBoilerplateLine('- 企業(yè)新聞', true)).toBe(true);
		expect(isBoilerplateLine('上QQ阅读APP看书,第一时间看更新', false)).toBe(true);
	});

	it('keeps text lines, headings and a dash inside the text', () => {
		expect(isBoilerplateLine('中国电子政务年鉴(2013)', true)).toBe(false);
		expect(isBoilerplateLine('一 信息基础设施建设有了新成效', false)).toBe(false);
		expect(isBoilerplateLine('- 新聞中心', false)).toBe(false);
		expect(isBoilerplateLine('领导重视、组织有力是政务信息化健康发展的关键。', true)).toBe(false);
	});
});
