import { describe, expect, it } from 'vitest';
import { indicator } from './indicator-fixture';
import { filterIndicators, NO_FILTER, sortIndicators } from './table';

const title = (id: string) => (id === 'a' ? '河南' : '北京');
const list = [
	indicator({ id: 'x@0', value: 311, unit: '个', level: '市', region: '全国', docId: 'a' }),
	indicator({
		id: 'x@5',
		value: 93.4,
		unit: '%',
		level: '县',
		docId: 'a',
		date: { text: '2012年', year: 2012, month: null, scope: 'sentence' }
	}),
	indicator({
		id: 'y@0',
		value: 2,
		unit: '万家',
		level: null,
		region: '湖南省',
		docId: 'b',
		repeatOf: 'x@0'
	}),
	indicator({
		id: 'y@9',
		value: 31,
		unit: '个',
		level: '省',
		docId: 'b',
		date: { text: '2010年', year: 2010, month: null, scope: 'sentence' }
	})
];
const order = (l: typeof list) => l.map((i) => i.id);

describe('table', () => {
	it('sorts levels 省 → 市 → 县, unstated last either way', () => {
		expect(order(sortIndicators(list, 'level', 'asc', title))).toEqual([
			'y@9',
			'x@0',
			'x@5',
			'y@0'
		]);
		expect(order(sortIndicators(list, 'level', 'desc', title))).toEqual([
			'x@5',
			'x@0',
			'y@9',
			'y@0'
		]);
	});

	it('sorts shares apart from counts, counts by their scaled size', () => {
		expect(order(sortIndicators(list, 'value', 'asc', title))).toEqual([
			'x@5',
			'y@9',
			'x@0',
			'y@0'
		]);
	});

	it('sorts by year with undated rows last', () => {
		expect(order(sortIndicators(list, 'date', 'desc', title))).toEqual([
			'x@5',
			'y@9',
			'x@0',
			'y@0'
		]);
	});

	it('filters by level, kind, document, words and restatements', () => {
		expect(order(filterIndicators(list, { ...NO_FILTER, level: 'none' }, title))).toEqual(['y@0']);
		expect(order(filterIndicators(list, { ...NO_FILTER, kind: 'percent' }, title))).toEqual([
			'x@5'
		]);
		expect(order(filterIndicators(list, { ...NO_FILTER, doc: 'b' }, title))).toEqual([
			'y@0',
			'y@9'
		]);
		expect(order(filterIndicators(list, { ...NO_FILTER, text: '湖南' }, title))).toEqual(['y@0']);
		expect(order(filterIndicators(list, { ...NO_FILTER, text: '河南 93.4%' }, title))).toEqual([
			'x@5'
		]);
		expect(order(filterIndicators(list, { ...NO_FILTER, repeats: false }, title))).toEqual([
			'x@0',
			'x@5',
			'y@9'
		]);
	});
});
