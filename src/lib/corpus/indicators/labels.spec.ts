import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../text/fold';
import type { Corpus } from '../types';
import { findDates } from './dates';
import { labelSentence } from './labels';
import { findNumbers } from './number-parsing';
import { findRegions } from './regions';
import { statementSpans } from './sentences';

const corpus = JSON.parse(
	fs.readFileSync(path.resolve(import.meta.dirname, '../../../../corpus/corpus.json'), 'utf8')
) as Corpus;

/** The labels of the figures in a stretch of a real passage, in order. */
function labels(fragment: string): string[] {
	if (!corpus.passages.some((p) => p.text.includes(fragment))) {
		throw new Error(`not in the corpus: ${fragment}`);
	}
	const text = fragment;
	const form = fold(text);
	const { mentions } = findNumbers(text, form);
	const regions = findRegions(text, form);
	const dates = findDates(text, form);
	return statementSpans(text).flatMap((sentence) => {
		const figures = mentions.filter((m) => m.start >= sentence.start && m.start < sentence.end);
		return labelSentence({ text, form, sentence, figures, regions, dates }).map((l) => l.label);
	});
}

describe('labelSentence', () => {
	it('splits a paired statement and carries the verb through a list', () => {
		expect(
			labels(
				'到目前为止,政务外网纵向已连接31个省和新疆生产建设兵团,311个市和1918个县,地市级和区县级覆盖率分别达到93.4%和67.2%'
			)
		).toEqual([
			'政务外网连接的省',
			'政务外网连接的市',
			'政务外网连接的县',
			'地市级覆盖率',
			'区县级覆盖率'
		]);
	});

	it('turns a counted noun and its predicate into a noun phrase, in the text’s own script', () => {
		expect(
			labels(
				'我國97%以上的地區和部門已建成機關內部辦公業務網;全國75%的地區建立了聯接所轄各廳、局和各地(市)、縣的計算機網絡系統,43%的國務院部門建成了覆蓋本系統的業務網絡;85%以上的地區和部門建設了外網網站;'
			)
		).toEqual([
			'建成機關內部辦公業務網的地區和部門',
			'建立計算機網絡系統的地區',
			'建成業務網絡的國務院部門',
			'建設外網網站的地區和部門'
		]);
	});

	it('shares one predicate among coordinated figures', () => {
		expect(labels('100%的省辖市政府、99%的省直部门和100%的县级政府开通了门户网站')).toEqual([
			'开通门户网站的省辖市政府',
			'开通门户网站的省直部门',
			'开通门户网站的县级政府'
		]);
	});

	it('keeps a negation and drops the alternative', () => {
		expect(
			labels('超过10%的省级政府没有设立专门的电子政务管理部门或明确电子政务管理职能')
		).toEqual(['没有设立电子政务管理部门的省级政府']);
	});

	it('names a rate by the words before it, and lets a level take it over', () => {
		expect(
			labels(
				'此外,省级政务部门主要业务信息化覆盖率普遍在75%以上,地市级已达60%,区县一级达到40%。'
			)
		).toEqual([
			'省级政务部门主要业务信息化覆盖率',
			'地市级政务部门主要业务信息化覆盖率',
			'区县一级政务部门主要业务信息化覆盖率'
		]);
	});

	it('takes the category before an example list', () => {
		expect(
			labels(
				'海关、税务、金融监管等重点领域业务信息化覆盖率近90%,部分部委,如公安部、科技部、人民银行、审计署等已达100%'
			)
		).toEqual(['重点领域业务信息化覆盖率', '部分部委业务信息化覆盖率']);
	});

	it('keeps one label through a list of amounts', () => {
		expect(labels('数据总量达到17亿条、48T')).toEqual(['数据总量', '数据总量']);
	});

	it('lets a general verb’s object narrow the counted noun, and carries it on', () => {
		expect(labels('实现政务内网4个万兆核心交换机,14个汇聚交换机')).toEqual([
			'政务内网万兆核心交换机',
			'政务内网汇聚交换机'
		]);
	});

	it('reads the counted noun of `N个Y中有M个`', () => {
		expect(labels('全国36个大城市中有30个已经完成或正在开展数字化城市管理工作')).toEqual([
			'大城市',
			'完成或正在开展数字化城市管理工作的大城市'
		]);
	});

	it('gives the subject when a count follows its noun', () => {
		expect(
			labels('此外,政府外网还连接了中央政务部门和相关单位78家,省及以下政务部门24400多家,接入终端50多万台。')
		).toEqual(['政府外网连接的中央政务部门和相关单位', '政府外网连接的省及以下政务部门', '政府外网接入的终端']);
	});
});
