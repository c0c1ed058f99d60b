import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorsFile } from '../../corpus/indicators/indicators-json';
import { indicator } from './indicator-fixture';
import {
	chartSeries,
	isNetworkReach,
	levelClusters,
	scaleGroup,
	sharedMeasure,
	READY_VIEWS,
	type Panel
} from './panels';

const file = JSON.parse(
	fs.readFileSync(path.resolve(import.meta.dirname, '../../../../corpus/indicators.json'), 'utf8')
) as IndicatorsFile;
const all = file.indicators;

const ids = (panel: Panel) =>
	panel.datasets.flatMap((d) => d.points.flatMap((p) => (p ? [p.indicator.id] : [])));

describe('series', () => {
	it('keeps units apart: one panel per unit, shares first', () => {
		const list = [
			indicator({ id: 'a@0', value: 78, unit: '家' }),
			indicator({ id: 'a@5', value: 90, unit: '%' }),
			indicator({ id: 'a@9', value: 1500, unit: '万条' }),
			indicator({ id: 'a@20', value: 40, unit: '亿条' }),
			indicator({ id: 'a@30', value: 31, unit: '个' })
		];
		const series = chartSeries('selection', list, { ids: list.map((i) => i.id) });
		expect(series.panels.map((p) => p.unit)).toEqual(['%', '家', '条', '个']);
		const records = series.panels.find((p) => p.unit === '条')!;
		// Scaled for one axis, written as the text wrote it.
		expect(records.datasets[0]!.points.map((p) => [p!.value, p!.written])).toEqual([
			[15_000_000, '1500万条'],
			[4_000_000_000, '40亿条']
		]);
		expect(records.log).toBe(true);
		expect(series.panels[0]!.log).toBe(false);
	});

	it('marks qualified figures so they are never drawn as exact', () => {
		const list = [
			indicator({ id: 'a@0', value: 90, unit: '%', qualifier: '近' }),
			indicator({ id: 'a@5', value: 80, unit: '%' })
		];
		const [panel] = chartSeries('selection', list, { ids: ['a@0', 'a@5'] }).panels;
		expect(panel!.datasets[0]!.points.map((p) => [p!.written, p!.bound])).toEqual([
			['近90%', 'nearly'],
			['80%', null]
		]);
	});

	it('groups a statement across levels, 省 → 市 → 县', () => {
		const quote = '省级达75%以上,地市级已达60%,区县一级达到40%';
		const list = [
			indicator({
				id: 'p@20',
				value: 40,
				unit: '%',
				level: '县',
				label: '区县一级政务部门覆盖率',
				quote,
				at: [20, 23]
			}),
			indicator({
				id: 'p@3',
				value: 75,
				unit: '%',
				level: '省',
				label: '省级政务部门覆盖率',
				quote,
				qualifier: '以上',
				at: [3, 6]
			}),
			indicator({
				id: 'p@12',
				value: 60,
				unit: '%',
				level: '市',
				label: '地市级政务部门覆盖率',
				quote,
				at: [12, 15]
			}),
			// One level alone compares nothing.
			indicator({
				id: 'q@0',
				value: 26,
				unit: '%',
				level: '省',
				label: '省级政府',
				quote: '26%的省级政府'
			})
		];
		const series = chartSeries('levels', list);
		const [panel] = series.panels;
		expect(panel!.byLevel).toBe(true);
		expect(panel!.datasets.map((d) => d.level)).toEqual(['省', '市', '县']);
		expect(panel!.categories.map((c) => c.title)).toEqual(['政务部门覆盖率']);
		expect(panel!.datasets.map((d) => d.points[0]?.written)).toEqual(['75%以上', '60%', '40%']);
		expect(series.charted.map((i) => i.id)).toEqual(['p@3', 'p@12', 'p@20']);
	});

	it('names the measure a cluster shares', () => {
		expect(sharedMeasure(['电子政务网络覆盖的市', '电子政务网络覆盖的县'])).toBe(
			'电子政务网络覆盖'
		);
		expect(
			sharedMeasure([
				'开通门户网站的省辖市政府',
				'开通门户网站的省直部门',
				'开通门户网站的县级政府'
			])
		).toBe('开通门户网站');
		expect(sharedMeasure(['地市级覆盖率', '区县级覆盖率'])).toBe('覆盖率');
	});

	it('starts a new cluster when a sentence states a level twice', () => {
		const quote = 'x';
		const list = [
			indicator({ id: 'p@0', unit: '%', level: '市', quote, at: [0, 1] }),
			indicator({ id: 'p@5', unit: '%', level: '县', quote, at: [5, 6] }),
			indicator({ id: 'p@9', unit: '%', level: '市', quote, at: [9, 10] })
		];
		expect(levelClusters(list).map((c) => c.map((i) => i.id))).toEqual([['p@0', 'p@5']]);
	});

	it('does not chart a restated figure twice', () => {
		const list = [
			indicator({ id: 'h@0', value: 90, unit: '%', repeatOf: 'b@4' }),
			indicator({ id: 'b@4', value: 90, unit: '%', qualifier: '以上' })
		];
		const series = chartSeries('search', list, { passages: ['h', 'b'] });
		expect(series.charted.map((i) => i.id)).toEqual(['b@4']);
		expect(series.repeatsLeftOut).toBe(1);
	});

	it('charts the indicators of the passages a search found', () => {
		const list = [indicator({ id: 'a@0' }), indicator({ id: 'b@0' }), indicator({ id: 'b@9' })];
		const series = chartSeries('search', list, { passages: ['b'] });
		expect(series.charted.map((i) => i.id)).toEqual(['b@0', 'b@9']);
	});
});

describe('ready-made views on the corpus', () => {
	it('draws something in every view, and no restatement', () => {
		for (const view of READY_VIEWS) {
			const series = chartSeries(view, all);
			expect(series.panels.length, view).toBeGreaterThan(0);
			expect(
				series.charted.every((i) => i.repeatOf === null),
				view
			).toBe(true);
			for (const panel of series.panels) {
				// Never a share and a count on one axis.
				const units = new Set(
					panel.datasets.flatMap((d) => d.points.map((p) => p?.indicator.unit))
				);
				units.delete(undefined);
				expect(
					[...units].every((u) => (u === '%') === panel.percent),
					view
				).toBe(true);
			}
		}
	});

	it('compares coverage by level across the documents', () => {
		const [panel] = chartSeries('levels', all).panels;
		expect(panel!.datasets.map((d) => d.level)).toEqual(['省', '市', '县']);
		const titles = panel!.categories.map((c) => c.title);
		expect(titles).toContain('电子政务网络覆盖');
		expect(titles).toContain('政务部门主要业务信息化覆盖率');
		expect(titles).toContain('开通门户网站');
		// A bare measure takes the network its sentence names.
		expect(titles).toContain('政务外网覆盖率');
		const docs = new Set(ids(panel!).map((id) => all.find((i) => i.id === id)!.docId));
		expect(docs.size).toBeGreaterThanOrEqual(3);
	});

	it('finds the network reach, without the network equipment', () => {
		const series = chartSeries('network', all);
		const labels = series.charted.map((i) => i.label);
		expect(labels).toContain('政务外网连接的县');
		expect(labels).toContain('地市级覆盖率');
		expect(labels).toContain('建成業務網絡的國務院部門');
		expect(labels.some((l) => l.includes('交换机'))).toBe(false);
		expect(isNetworkReach(all.find((i) => i.label === '接入的系统')!)).toBe(false);
	});

	it("keeps Henan's figures, by unit", () => {
		const series = chartSeries('henan', all);
		expect(series.charted.every((i) => i.region?.startsWith('河南'))).toBe(true);
		expect(series.panels[0]!.unit).toBe('%');
		expect(series.charted.length).toBe(all.filter((i) => i.region === '河南省').length);
	});

	it('puts departments and data volumes on log scales where they span orders of magnitude', () => {
		const series = chartSeries('scale', all);
		expect(series.panels.map((p) => `${p.group}:${p.unit}`)).toEqual([
			'departments:家',
			'departments:个',
			'data:条',
			'data:',
			'data:T'
		]);
		expect(series.panels[0]!.log).toBe(true);
		expect(series.panels.find((p) => p.unit === '条')!.log).toBe(true);
		expect(scaleGroup(all.find((i) => i.label === '跨部门、跨层级信息交换工作')!)).toBeNull();
		expect(scaleGroup(all.find((i) => i.label === '签订一卡通合作协议的金融机构')!)).toBeNull();
		expect(
			scaleGroup(all.find((i) => i.label === '电子政务外网接入的省直部门及直属二级机构')!)
		).toBe('departments');
	});
});
