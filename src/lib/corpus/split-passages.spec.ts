import { describe, expect, it } from 'vitest';
import { TrackedText } from '../text/tracked-text';
import { endsSentence, MAX_PASSAGE, splitPassages } from './split-passages';

describe('splitPassages', () => {
	it('keeps a short paragraph whole', () => {
		expect(splitPassages(TrackedText.fromRaw('一句话。又一句话。', 0)).map((p) => p.text)).toEqual([
			'一句话。又一句话。'
		]);
	});

	it('cuts a long paragraph between sentences into balanced passages', () => {
		const sentence = '各地积极利用信息技术创新政府社会管理方式在优化公共服务方面取得了较大成效。';
		const text = sentence.repeat(12);
		const parts = splitPassages(TrackedText.fromRaw(text, 0));
		expect(parts.length).toBe(Math.ceil(text.length / MAX_PASSAGE));
		for (const p of parts) {
			expect(p.length).toBeLessThanOrEqual(MAX_PASSAGE);
			expect(p.text.endsWith('。')).toBe(true);
		}
		expect(parts.map((p) => p.text).join('')).toBe(text);
	});

	it('cuts an over-long sentence at clause breaks, never inside a number', () => {
		const clause = '省及以下政务部门24,400多家,接入终端50多万台';
		const text = Array.from({ length: 20 }, () => clause).join(',') + '。';
		const parts = splitPassages(TrackedText.fromRaw(text, 0));
		for (const p of parts) {
			expect(p.length).toBeLessThanOrEqual(MAX_PASSAGE);
			expect(p.text).not.toMatch(/^400/u);
		}
		expect(parts.map((p) => p.text).join('')).toBe(text);
	});
});

describe('endsSentence', () => {
	it('tells a passage cut at a sentence end from one cut at a clause break', () => {
		expect(endsSentence('政务网络已经覆盖全省。')).toBe(true);
		expect(endsSentence('他说：“已经覆盖全省。”')).toBe(true);
		expect(endsSentence('政务网络已经覆盖全省，')).toBe(false);
		expect(endsSentence('省、市、县三级；')).toBe(false);
	});
});
