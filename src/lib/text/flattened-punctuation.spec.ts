import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../testing/property-runs';
import { looksFlattened, restoreFlattenedPunctuation } from './flattened-punctuation';
import { stripPinyinGlosses } from './pinyin-gloss';
import { rawFromEdits, TrackedText } from './tracked-text';
import { normalizeWidth } from './width';

const sources = path.resolve(import.meta.dirname, '../../../corpus/sources');
const raw = (name: string) => fs.readFileSync(path.join(sources, name), 'utf8');
const restore = (s: string, heading = false) =>
	restoreFlattenedPunctuation(TrackedText.fromRaw(s, 0), { heading });

/** The repaired text of a real stretch of a flattened file. */
function repairedAround(file: string, rawSnippet: string): string {
	const line = raw(file).split('\n')[1]!;
	const at = line.indexOf(rawSnippet);
	expect(at, `"${rawSnippet}" is in ${file}`).toBeGreaterThanOrEqual(0);
	// Restore the whole line, as the build does, then find where the snippet went.
	const t = restore(line);
	const edits = t.edits();
	let shift = 0;
	for (const [s, e, r] of edits) if (s < at + shift) shift += e - s - r.length;
	return t.text.slice(at + shift, at + shift + rawSnippet.length + 6);
}

describe('looksFlattened', () => {
	it('recognises the two flattened files and only them', () => {
		const flat = ['000_d56171d339cd50a1.txt', '003_30526620e0ce8fc0.txt'];
		for (const f of fs.readdirSync(sources).filter((n) => n.endsWith('.txt'))) {
			expect(looksFlattened(raw(f)), f).toBe(flat.includes(f));
		}
	});
});

describe('restoreFlattenedPunctuation on the real lines', () => {
	it('restores % after paired rates and keeps their decimals', () => {
		expect(repairedAround('000_d56171d339cd50a1.txt', '分别达到93.4.和67.2.')).toMatch(
			/^分别达到93\.4%和67\.2%,成为/u
		);
	});

	it('restores % before 以上 and 的', () => {
		expect(repairedAround('000_d56171d339cd50a1.txt', '直辖市.90.以上的市和80.以上的县')).toMatch(
			/^直辖市、90%以上的市和80%以上的县/u
		);
		expect(repairedAround('003_30526620e0ce8fc0.txt', '26.的省级政府')).toMatch(/^26%的省级政府/u);
		expect(repairedAround('000_d56171d339cd50a1.txt', '覆盖率近90.部分部委')).toMatch(
			/^覆盖率近90%,部分部委/u
		);
	});

	it('keeps real decimals and what cannot be proven', () => {
		expect(repairedAround('000_d56171d339cd50a1.txt', '已接近2.3亿')).toMatch(
			/^已接近2\.3亿,达到/u
		);
		expect(repairedAround('000_d56171d339cd50a1.txt', '近1.3的地方')).toMatch(/^近1\.3的地方/u);
	});

	it('splits a dot that cannot be a decimal because a count or a year follows', () => {
		expect(repairedAround('000_d56171d339cd50a1.txt', '覆盖率达79.34个省级区')).toMatch(
			/^覆盖率达79%,34个省级区/u
		);
		expect(restore('区县一级达到40.2013年电子政务').text).toBe('区县一级达到40%,2013年电子政务');
	});

	it('restores lists with 、, sentence ends with 。 and the rest with commas', () => {
		expect(repairedAround('000_d56171d339cd50a1.txt', '北京.上海.江西.广东.贵州等省市')).toMatch(
			/^北京、上海、江西、广东、贵州等省市/u
		);
		expect(repairedAround('000_d56171d339cd50a1.txt', '如公安部.科技部.人民银行.审计署等')).toMatch(
			/^如公安部、科技部、人民银行、审计署等/u
		);
		expect(repairedAround('000_d56171d339cd50a1.txt', '接入终端50多万台.随着政务外网')).toMatch(
			/^接入终端50多万台。随着政务外网/u
		);
		expect(repairedAround('000_d56171d339cd50a1.txt', '年鉴显示.近十年来.中央')).toMatch(
			/^年鉴显示,近十年来,中央/u
		);
	});

	it('ends a paragraph with 。 but a title or heading with nothing', () => {
		expect(restore('国务院部门主要业务信息化覆盖率已达80.', true).text).toBe(
			'国务院部门主要业务信息化覆盖率已达80%'
		);
		expect(restore('90.数据库市场被国外占领 我国信息安全存潜在威胁', true).text).toBe(
			'90%数据库市场被国外占领 我国信息安全存潜在威胁'
		);
		expect(restore('行政许可项目网络化处理率已经接近100.').text).toBe(
			'行政许可项目网络化处理率已经接近100%。'
		);
	});

	it('records every change with the dot it replaced', () => {
		const t = restore('达到93.4.和67.2.成为');
		expect(t.toRaw()).toBe('达到93.4.和67.2.成为');
		expect(t.edits().map((e) => e[3])).toEqual(['percent', 'percent', 'punctuation']);
	});
});

describe('properties of the repairs', () => {
	const text = fc.string({ unit: 'grapheme', maxLength: 80 });
	const damaged = fc
		.array(
			fc.constantFrom(
				'政务',
				'网络',
				'90',
				'93.4',
				'.',
				'.',
				'(yè)',
				'(市)',
				'以上',
				'的',
				'ｉｔ',
				' '
			),
			{
				maxLength: 40
			}
		)
		.map((parts) => parts.join(''));
	const options = { numRuns: propertyRuns(), seed: 20261122 };

	it('never throw and always keep the raw text recoverable, on any input', () => {
		fc.assert(
			fc.property(fc.oneof(text, damaged), fc.boolean(), (input, heading) => {
				let t = TrackedText.fromRaw(input, 3);
				t = normalizeWidth(t);
				t = stripPinyinGlosses(t);
				t = restoreFlattenedPunctuation(t, { heading });
				expect(t.toRaw()).toBe(input);
				expect(rawFromEdits(t.text, t.edits())).toBe(input);
				for (const [a, b] of t.edits()) {
					expect(0 <= a && a <= b && b <= t.text.length).toBe(true);
				}
			}),
			options
		);
	});

	it('never change letters, digits or Chinese characters, only marks around them', () => {
		fc.assert(
			fc.property(damaged, (input) => {
				const t = restoreFlattenedPunctuation(TrackedText.fromRaw(input, 0));
				const keep = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
				expect(keep(t.text)).toBe(keep(input));
			}),
			options
		);
	});
});
