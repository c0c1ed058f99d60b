import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../text/fold';
import type { Corpus } from '../types';
import { findNumbers, scaledValue } from './number-parsing';

const corpus = JSON.parse(
	fs.readFileSync(path.resolve(import.meta.dirname, '../../../../corpus/corpus.json'), 'utf8')
) as Corpus;

/** A stretch of a real passage: the test fails if the corpus no longer says it. */
function line(fragment: string): string {
	const found = corpus.passages.some((p) => p.text.includes(fragment));
	if (!found) throw new Error(`not in the corpus: ${fragment}`);
	return fragment;
}

function read(fragment: string) {
	const text = line(fragment);
	const { mentions, skipped } = findNumbers(text, fold(text));
	return {
		figures: mentions.map((m) => ({
			shown: text.slice(m.start, m.end),
			value: m.value,
			unit: m.unit,
			qualifier: m.qualifier
		})),
		skipped: skipped.map((s) => [s.text, s.reason])
	};
}

describe('findNumbers', () => {
	it('reads paired percentages and decimals', () => {
		expect(read('地市级和区县级覆盖率分别达到93.4%和67.2%').figures).toEqual([
			{ shown: '93.4%', value: 93.4, unit: '%', qualifier: null },
			{ shown: '67.2%', value: 67.2, unit: '%', qualifier: null }
		]);
	});

	it('reads every count of a list', () => {
		const { figures } = read('政务外网纵向已连接31个省和新疆生产建设兵团,311个市和1918个县');
		expect(figures.map((f) => [f.value, f.unit])).toEqual([
			[31, '个'],
			[311, '个'],
			[1918, '个']
		]);
	});

	it('keeps 万 and 亿 in the unit, with the hedges around them', () => {
		expect(read('交换数据量累计超过40亿条').figures).toEqual([
			{ shown: '40亿条', value: 40, unit: '亿条', qualifier: '超过' }
		]);
		expect(read('接入终端50多万台').figures).toEqual([
			{ shown: '50多万台', value: 50, unit: '万台', qualifier: '多' }
		]);
		expect(read('日平均交换数据量达1500万条').figures[0]).toMatchObject({ value: 1500, unit: '万条' });
		expect(read('我国流动人口总量已接近2.3亿').figures[0]).toMatchObject({
			value: 2.3,
			unit: '亿',
			qualifier: '接近'
		});
	});

	it('multiplies the scale out on request', () => {
		expect(scaledValue(1500, '万条')).toEqual({ value: 15_000_000, unit: '条' });
		expect(scaledValue(2.3, '亿')).toEqual({ value: 230_000_000, unit: '' });
		expect(scaledValue(93.4, '%')).toEqual({ value: 93.4, unit: '%' });
	});

	it('reads a rounded 万 after a hedge, but no other Chinese numeral', () => {
		expect(read('市州、县市区部门接入近万家').figures).toEqual([
			{ shown: '万家', value: 1, unit: '万家', qualifier: '近' }
		]);
		const { figures } = read(
			'初步实现了公安、人社、民政、计生、工商等五部门13类人口信息和144个信息项近100万数据的交换与共享'
		);
		expect(figures.map((f) => `${f.qualifier ?? ''}${f.value}${f.unit}`)).toEqual([
			'13类',
			'144个',
			'近100万'
		]);
		expect(read('人口、法人、宏观经济、自然资源和空间地理基础数据库四大基础数据库').figures).toEqual([]);
		expect(read('集约型资源池、共享平台、创新服务三个云计算服务平台').figures).toEqual([]);
	});

	it('does not take 万兆 for a number', () => {
		expect(read('实现政务内网4个万兆核心交换机').figures.map((f) => f.shown)).toEqual(['4个']);
	});

	it('reads storage units and a place noun used as a measure word', () => {
		expect(read('数据总量达到17亿条、48T').figures.map((f) => [f.value, f.unit])).toEqual([
			[17, '亿条'],
			[48, 'T']
		]);
		expect(read('其中15市正式上线运行').figures.map((f) => [f.value, f.unit])).toEqual([[15, '市']]);
	});

	it('reads hedges on both sides', () => {
		expect(read('全部中央部委主要业务信息化覆盖率约为50%左右').figures[0]!.qualifier).toBe('约…左右');
		expect(read('农村户籍流动人口约占80%').figures[0]!.qualifier).toBe('约');
		expect(read('市区街居四级联网接入点数近2000个').figures[0]).toMatchObject({
			value: 2000,
			unit: '个',
			qualifier: '近'
		});
	});

	it('reads Traditional text through its folding', () => {
		expect(read('我國97%以上的地區和部門已建成機關內部辦公業務網').figures).toEqual([
			{ shown: '97%', value: 97, unit: '%', qualifier: '以上' }
		]);
	});

	it('skips dates, list numbers, schedules and a flattened fraction', () => {
		expect(read('截至2012年4月,我国海关').skipped).toEqual([
			['2012', 'date'],
			['4', 'date']
		]);
		expect(read('北京6月5日电').skipped).toEqual([
			['6', 'date'],
			['5', 'date']
		]);
		expect(read('中国电子政务年鉴(2013)').skipped).toEqual([['2013', 'date']]);
		expect(read('(1)社会治安方面').skipped).toEqual([['1', 'list-number']]);
		expect(read('对重要网络应用系统、政府网站进行7×24小时在线信息安全监测').skipped).toEqual([
			['7', 'schedule'],
			['24', 'schedule']
		]);
		// 1/3 with its slash flattened to `.`: we do not make 1.3 places, nor invent 1/3.
		const fraction = read('近1.3的地方实现了省级六大系统一网络平台建设');
		expect(fraction.figures).toEqual([]);
		expect(fraction.skipped).toEqual([['1.3', 'no-unit']]);
	});

	it('finds no number in ordinals and Chinese-numeral names', () => {
		for (const fragment of [
			'第四篇 地方政府电子政务发展概况',
			'十八届三中全会',
			'实现了中央、省、市、县四级联网',
			'电子政务实现八大转变',
			'开发了社会保险“五保合一”应用软件',
			'省教育厅以“三通、两平台”建设为重点',
			'《国家电子政务“十二五”规划》'
		]) {
			const { figures, skipped } = read(fragment);
			expect([...figures, ...skipped], fragment).toEqual([]);
		}
	});
});
