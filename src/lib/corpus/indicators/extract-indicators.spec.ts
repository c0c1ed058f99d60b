import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../types';
import { extractIndicators, skippedNumbers } from './extract-indicators';
import { formatIndicators } from './indicators-json';

const root = path.resolve(import.meta.dirname, '../../../..');
const corpus = JSON.parse(fs.readFileSync(path.join(root, 'corpus/corpus.json'), 'utf8')) as Corpus;
const records = extractIndicators(corpus);
const passages = new Map(corpus.passages.map((p) => [p.id, p]));
const docs = new Map(corpus.documents.map((d) => [d.id, d]));

/** The records whose quote holds `fragment` and whose figure reads `shown`. */
function find(fragment: string, shown: string) {
	return records.filter(
		(r) => r.quote.includes(fragment) && passages.get(r.passageId)!.text.slice(...r.at) === shown
	);
}

describe('extractIndicators on the corpus', () => {
	it('is exactly the committed corpus/indicators.json', () => {
		const committed = fs.readFileSync(path.join(root, 'corpus/indicators.json'), 'utf8');
		expect(formatIndicators(corpus, records)).toBe(committed);
	});

	it('points every record at its number and unit, in the passage and in the raw file', () => {
		for (const r of records) {
			const passage = passages.get(r.passageId)!;
			const shown = passage.text.slice(...r.at);
			expect(shown, r.id).toMatch(/^(\d+(\.\d+)?(多|余)?|)/u);
			expect(shown.endsWith(r.unit.slice(-1)) || r.unit === '%', r.id).toBe(true);
			expect(passage.text.includes(r.quote), r.id).toBe(true);
			expect(r.quote.includes(shown), r.id).toBe(true);
			const raw = fs.readFileSync(path.join(root, 'corpus/sources', r.source), 'utf8');
			const rawShown = raw.slice(...r.rawRange);
			// Only a restored `%` (flattened to `.`) may differ from the raw text.
			const restored = docs.get(r.docId)!.restoredPunctuation;
			expect(restored ? rawShown.replace(/\.$/u, '%') : rawShown, r.id).toBe(shown);
			expect(r.source).toBe(docs.get(r.docId)!.source);
		}
		expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
	});

	it('takes no year, date, ordinal, list number or Chinese-numeral name for a statistic', () => {
		for (const r of records) {
			const text = passages.get(r.passageId)!.text;
			const after = text.slice(r.at[1]);
			const before = text.slice(0, r.at[0]);
			expect(after, r.id).not.toMatch(/^[年月日号]/u);
			expect(before, r.id).not.toMatch(/(第|[(（])$/u);
			expect(before.slice(-1) + after.slice(0, 1), r.id).not.toMatch(/×/u);
			// Arabic digits, or the rounded `近万家`.
			expect(text.slice(...r.at), r.id).toMatch(/^(\d|万)/u);
		}
		expect(records.some((r) => r.value >= 1900 && r.value <= 2100 && r.unit === '')).toBe(false);
	});

	it('accounts for every Arabic number of the corpus: taken, or skipped with a reason', () => {
		const read = corpus.passages.filter((p) => ['title', 'heading', 'text'].includes(p.kind));
		const numbers = read.reduce((n, p) => n + (p.text.match(/\d+(\.\d+)?/gu)?.length ?? 0), 0);
		const taken = records.filter((r) => /^\d/u.test(passages.get(r.passageId)!.text.slice(...r.at)));
		expect(taken.length + skippedNumbers(corpus).length).toBe(numbers);
		const fractions = skippedNumbers(corpus).filter((s) => s.text === '1.3');
		expect(fractions.map((s) => s.reason)).toEqual(['no-unit', 'no-unit', 'no-unit']);
	});

	it('reads a paired statement as two records', () => {
		const [high] = find('地市级和区县级覆盖率分别达到93.4%和67.2%', '93.4%');
		const [low] = find('地市级和区县级覆盖率分别达到93.4%和67.2%', '67.2%');
		expect(high).toMatchObject({ value: 93.4, unit: '%', label: '地市级覆盖率', level: '市' });
		expect(low).toMatchObject({ value: 67.2, unit: '%', label: '区县级覆盖率', level: '县' });
		expect(high!.source).toBe('000_d56171d339cd50a1.txt');
	});

	it('reads Traditional text and keeps its script', () => {
		const [r] = find('我國97%以上的地區和部門已建成機關內部辦公業務網', '97%');
		expect(r).toMatchObject({ value: 97, unit: '%', qualifier: '以上', region: '全國' });
		expect(r!.label).toContain('辦公業務網');
	});

	it('dates a figure by its sentence, its paragraph or its document', () => {
		const [coverage] = find('截至2012年4月,我国海关', '90%');
		expect(coverage!.date).toEqual({ text: '截至2012年4月', year: 2012, month: 4, scope: 'sentence' });
		const [lastYear] = find('截止去年底,国务院部门主要业务信息化覆盖率80%', '80%');
		expect(lastYear!.date).toEqual({ text: '截止去年底', year: null, month: null, scope: 'sentence' });
		const [henan] = find('党务内网横向连接至158个单位', '158个');
		expect(henan!.date).toMatchObject({ year: 2013, scope: 'document' });
		expect(henan!.region).toBe('河南省');
		const [dateline] = find('北京6月5日电', '90%');
		expect(dateline!.date).toBeNull();
	});

	it('places a figure by its sentence or the place its paragraph opens with', () => {
		expect(find('共接入63个市级政务部门', '63个')[0]!.region).toBe('北京市');
		expect(find('北京、上海、江苏、广东、浙江、江西、四川、广西等省份', '100%')[0]!.region).toBe(
			'北京、上海、江苏、广东、浙江、江西、四川、广西'
		);
		// `北京6月5日电` is a dateline: the lede's figures are national by `我国`.
		expect(find('北京6月5日电', '90%').map((r) => r.region)).toEqual(['全国', '全国']);
	});

	it('keeps one record per statement standing and marks the repeats', () => {
		const doc = '000_d56171d339cd50a1';
		const cities = records.filter((r) => r.docId === doc && r.label === '电子政务网络覆盖的市');
		// Headline, lede and body.
		expect(cities.length).toBe(3);
		expect(cities.filter((r) => r.repeatOf === null).length).toBe(1);
		const lead = cities.find((r) => r.repeatOf === null)!;
		expect(cities.every((r) => r.repeatOf === null || r.repeatOf === lead.id)).toBe(true);
		expect(passages.get(lead.passageId)!.kind).toBe('text');
		// The dated mention stands for `覆盖率达79%`, said twice.
		const migrants = records.filter((r) => r.docId === doc && r.value === 79);
		expect(migrants.filter((r) => r.repeatOf === null).map((r) => r.date?.text)).toEqual([
			'截至2012年7月'
		]);
		// The sub-heading `90%数据库市场被国外占领` repeats the market-share figure, not the cities.
		const [heading] = find('90%数据库市场被国外占领', '90%');
		const target = records.find((r) => r.id === heading!.repeatOf)!;
		expect(target.label).toContain('市场份额');
	});

	it('records a multiplier with its unit', () => {
		expect(find('日平均交换数据量达1500万条', '1500万条')[0]).toMatchObject({
			value: 1500,
			unit: '万条',
			label: '日平均交换数据量'
		});
		expect(find('交换数据量累计超过40亿条', '40亿条')[0]).toMatchObject({
			value: 40,
			unit: '亿条',
			qualifier: '超过'
		});
	});
});
