import { describe, expect, it } from 'vitest';
import { stripPinyinGlosses } from './pinyin-gloss';
import { TrackedText } from './tracked-text';

const strip = (s: string) => stripPinyinGlosses(TrackedText.fromRaw(s, 0));

describe('stripPinyinGlosses (real lines of 001)', () => {
	it('removes the reading after each character', () => {
		const line =
			'我國(guó)97%以上的地區(qū)和部門(mén)已建成機(jī)關(guān)內(nèi)部辦公業(yè)務(wù)網(wǎng)';
		expect(strip(line).text).toBe('我國97%以上的地區和部門已建成機關內部辦公業務網');
		expect(strip(line).toRaw()).toBe(line);
	});

	it('keeps real parentheses', () => {
		expect(strip('聯接所轄各廳、局和各地(市)、縣的計算機網(wǎng)絡(luò)系統(tǒng)').text).toBe(
			'聯接所轄各廳、局和各地(市)、縣的計算機網絡系統'
		);
		expect(strip('(電子政務(wù)信息安全要注意哪些關(guān)鍵環(huán)節(jié)?').text).toBe(
			'(電子政務信息安全要注意哪些關鍵環節?'
		);
	});

	it('leaves Latin in parentheses and glosses without a character before them alone', () => {
		expect(strip('互联网协议(ip)地址 (guó)').text).toBe('互联网协议(ip)地址 (guó)');
	});

	it('marks each removal as a gloss repair', () => {
		expect(strip('企業(yè)新聞').edits()).toEqual([[2, 2, '(yè)', 'gloss']]);
	});
});
