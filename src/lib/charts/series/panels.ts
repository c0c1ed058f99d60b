/**
 * Indicators → what a chart draws: panels, one per unit, so a share and a count never share an
 * axis; categories along the axis; datasets of points. Pure and DOM-free: the chart wrapper only
 * styles what comes out of here.
 */
import type { AdminLevel, Indicator } from '../../corpus/indicators/indicator';
import { isPercent } from '../../corpus/indicators/number-parsing';
import { displayPunctuation } from '../../text/segments';
import { numberOffset, quoteExcerpt, spansOrdersOfMagnitude } from './text';
import {
	boundOf,
	compareLevels,
	LEVEL_ORDER,
	scaled,
	withoutDoubleCounts,
	writtenValue,
	type Bound
} from './values';

export type ReadyView = 'levels' | 'network' | 'henan' | 'scale';
export type ViewId = ReadyView | 'selection' | 'search';
export const READY_VIEWS: readonly ReadyView[] = ['levels', 'network', 'henan', 'scale'];

export interface ChartPoint {
	indicator: Indicator;
	/** On the panel's axis: 万 and 亿 multiplied out. */
	value: number;
	/** As the text states it: `近90%`, `1500万条`. */
	written: string;
	bound: Bound | null;
	/** The sentence around the number, punctuated as the reader shows it, for a tooltip. */
	excerpt: string;
}

export interface Category {
	key: string;
	/** What is measured. */
	title: string;
	/** Where and when: `河南省 · 2013年`; may be empty. */
	context: string;
}

export interface Dataset {
	key: string;
	/** Set when the dataset holds one level (the level comparison); null when points vary. */
	level: AdminLevel | null;
	/** One per category; null where the category has no figure for this dataset. */
	points: (ChartPoint | null)[];
}

/** Which kind of count a panel holds, when a view sorts its counts (the scale view). */
export type PanelGroup = 'departments' | 'data' | null;

export interface Panel {
	key: string;
	/** The shared unit of the axis after scaling: `%`, `个`, `条`, or `` for a bare 万. */
	unit: string;
	percent: boolean;
	/** Logarithmic when the values span orders of magnitude. */
	log: boolean;
	group: PanelGroup;
	/** Datasets are levels (a legend of levels); otherwise one dataset coloured point by point. */
	byLevel: boolean;
	categories: Category[];
	datasets: Dataset[];
}

export interface ChartSeries {
	view: ViewId;
	panels: Panel[];
	/** Every record drawn, once. */
	charted: Indicator[];
	/** Records of the view left out because they restate a charted one. */
	repeatsLeftOut: number;
}

export interface SeriesInput {
	/** Ids picked in the table, for `selection`. */
	ids?: readonly string[];
	/** Ids of the passages that match the search, for `search`. */
	passages?: readonly string[];
}

/** The series of a view. `all` is every indicator of the corpus, in corpus order. */
export function chartSeries(
	view: ViewId,
	all: readonly Indicator[],
	input: SeriesInput = {}
): ChartSeries {
	const chosen = viewIndicators(view, all, input);
	const charted = withoutDoubleCounts(chosen);
	const sameSentence = sentenceIndex(all);
	const point = (i: Indicator) => toPoint(i, sameSentence(i));
	const panels =
		view === 'levels'
			? levelPanels(charted, point)
			: unitPanels(charted, point, view === 'scale' ? scaleGroup : () => null);
	return {
		view,
		panels,
		charted: drawnOrder(panels),
		repeatsLeftOut: chosen.length - charted.length
	};
}

/** A panel's points as a reader meets them: category by category, level by level. */
export function drawnPoints(panel: Panel): ChartPoint[] {
	const out: ChartPoint[] = [];
	panel.categories.forEach((_, n) => {
		for (const dataset of panel.datasets) {
			const point = dataset.points[n];
			if (point) out.push(point);
		}
	});
	return out;
}

/** The records as a reader meets them: panel by panel, category by category, level by level. */
export function drawnOrder(panels: readonly Panel[]): Indicator[] {
	return panels.flatMap((panel) => drawnPoints(panel).map((p) => p.indicator));
}

/** The records a view is about, before restatements are taken out. */
export function viewIndicators(
	view: ViewId,
	all: readonly Indicator[],
	input: SeriesInput = {}
): Indicator[] {
	switch (view) {
		case 'levels':
			return all.filter((i) => i.repeatOf === null && i.level !== null && scaled(i).percent);
		case 'network':
			return all.filter((i) => i.repeatOf === null && isNetworkReach(i));
		case 'henan':
			return all.filter((i) => i.repeatOf === null && /^河南/u.test(i.region ?? ''));
		case 'scale':
			return all.filter((i) => i.repeatOf === null && scaleGroup(i) !== null);
		case 'selection': {
			const wanted = new Set(input.ids ?? []);
			return all.filter((i) => wanted.has(i.id));
		}
		case 'search': {
			const passages = new Set(input.passages ?? []);
			return all.filter((i) => passages.has(i.passageId));
		}
	}
}

const NETWORK = /网络|外网|内网|联网|业务网|網絡|網路|外網|內網|聯網|業務網/u;
const REACH = /连接|接入|延伸|覆盖|联接|建成|建立|建设|連接|聯接|覆蓋|建設/u;
const EQUIPMENT = /交换机|交換機/u;

/**
 * A figure of how far the e-government network reaches: what it connects, covers or was built
 * out to (`政务外网连接的县`, `建成業務網絡的國務院部門`, `地市级覆盖率` in a sentence about the
 * network). The network's own equipment (`汇聚交换机`) is not reach.
 */
export function isNetworkReach(i: Indicator): boolean {
	if (EQUIPMENT.test(i.label) || !REACH.test(i.label)) return false;
	return NETWORK.test(i.label) || NETWORK.test(i.quote);
}

/** `…部门`, `…单位`, and `…部门及直属二级机构`; not `金融机构` nor `跨部门…工作`. */
const DEPARTMENTS = /(部门|部門|单位|單位)(及[^、，,]*)?$/u;
const DATA_UNITS = new Set(['条', 'T', 'TB', 'G', 'GB', 'PB']);

/**
 * Counts of connected departments and units (`政务外网连接的市级部门`), and volumes of data (`交换
 * 数据量`, in 条 or terabytes): the figures that span orders of magnitude.
 */
export function scaleGroup(i: Indicator): PanelGroup {
	const s = scaled(i);
	if (s.percent) return null;
	if (DEPARTMENTS.test(i.label)) return 'departments';
	if (DATA_UNITS.has(s.unit) || (s.unit === '' && /数据|數據/u.test(i.label))) return 'data';
	return null;
}

function toPoint(i: Indicator, sameQuote: readonly Indicator[]): ChartPoint {
	return {
		indicator: i,
		value: scaled(i).value,
		written: writtenValue(i),
		bound: boundOf(i.qualifier),
		excerpt: displayPunctuation(quoteExcerpt(i, sameQuote))
	};
}

function quoteKey(i: Indicator): string {
	return `${i.passageId}\u0000${i.quote}`;
}

/** The records stated in the same sentence as a record (itself included), from an index of `all`. */
export function sentenceIndex(all: readonly Indicator[]): (i: Indicator) => readonly Indicator[] {
	const out = new Map<string, Indicator[]>();
	for (const i of all) {
		const list = out.get(quoteKey(i));
		if (list) list.push(i);
		else out.set(quoteKey(i), [i]);
	}
	return (i) => out.get(quoteKey(i)) ?? [i];
}

/** `河南省 · 2013年`: where and when, as the text says. */
export function contextOf(i: Indicator): string {
	return [i.region, i.date?.text].filter(Boolean).join(' · ');
}

const GROUP_ORDER: PanelGroup[] = ['departments', 'data', null];

/**
 * One panel per unit (and per group, when the view sorts its counts), shares first. Within a
 * panel the records keep corpus order, so a sentence's 省, 市 and 县 figures stay together.
 */
export function unitPanels(
	list: readonly Indicator[],
	point: (i: Indicator) => ChartPoint,
	groupOf: (i: Indicator) => PanelGroup
): Panel[] {
	const panels = new Map<string, { unit: string; group: PanelGroup; items: Indicator[] }>();
	for (const i of list) {
		const { unit } = scaled(i);
		const group = groupOf(i);
		const key = `${group ?? ''}:${unit}`;
		const panel = panels.get(key);
		if (panel) panel.items.push(i);
		else panels.set(key, { unit, group, items: [i] });
	}
	const ordered = [...panels.entries()].sort(([, a], [, b]) => {
		const shares = Number(isPercent(b.unit)) - Number(isPercent(a.unit));
		return shares || GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group);
	});
	return ordered.map(([key, { unit, group, items }]) => {
		const points = items.map(point);
		const percent = isPercent(unit);
		return {
			key,
			unit,
			percent,
			log: !percent && spansOrdersOfMagnitude(points.map((p) => p.value)),
			group,
			byLevel: false,
			categories: items.map((i) => ({ key: i.id, title: i.label, context: contextOf(i) })),
			datasets: [{ key: 'all', level: null, points }]
		};
	});
}

/**
 * Shares by administrative level, side by side: each statement that gives the same measure for
 * two levels or more (`省级…75%以上，地市级…60%，区县一级…40%`) is a cluster, each level a
 * dataset, in the order 省 → 市 → 县 → 乡.
 */
export function levelPanels(
	list: readonly Indicator[],
	point: (i: Indicator) => ChartPoint
): Panel[] {
	const clusters = levelClusters(list);
	if (clusters.length === 0) return [];
	const levels = LEVEL_ORDER.filter((l) => clusters.some((c) => c.some((i) => i.level === l)));
	return [
		{
			key: 'levels:%',
			unit: '%',
			percent: true,
			log: false,
			group: null,
			byLevel: true,
			categories: clusters.map((c) => ({
				key: c.map((i) => i.id).join('+'),
				title: clusterTitle(c),
				context: contextOf(c[0]!)
			})),
			datasets: levels.map((level) => ({
				key: level,
				level,
				points: clusters.map((c) => {
					const hit = c.find((i) => i.level === level);
					return hit ? point(hit) : null;
				})
			}))
		}
	];
}

/** Statements (same sentence, same unit) naming two levels or more; a level stated twice starts a new one. */
export function levelClusters(list: readonly Indicator[]): Indicator[][] {
	const bySentence = new Map<string, Indicator[]>();
	for (const i of list) {
		if (i.level === null) continue;
		const key = `${quoteKey(i)}\u0000${scaled(i).unit}`;
		const group = bySentence.get(key);
		if (group) group.push(i);
		else bySentence.set(key, [i]);
	}
	const clusters: Indicator[][] = [];
	for (const group of bySentence.values()) {
		let current: Indicator[] = [];
		for (const i of [...group].sort((a, b) => a.at[0] - b.at[0])) {
			if (current.some((c) => c.level === i.level)) {
				clusters.push(current);
				current = [];
			}
			current.push(i);
		}
		clusters.push(current);
	}
	return clusters
		.filter((c) => new Set(c.map((i) => i.level)).size >= 2)
		.map((c) => [...c].sort((a, b) => compareLevels(a.level, b.level)));
}

/** Networks a bare measure (`地市级覆盖率`) may be about, named earlier in its sentence. */
const NETWORK_SUBJECTS = [
	'电子政务外网',
	'电子政务内网',
	'电子政务网络',
	'政务外网',
	'政务内网',
	'政府外网',
	'政府内网',
	'政務外網',
	'政務內網',
	'電子政務網絡'
];

/**
 * A cluster's name: the measure its labels share, and when that is bare (`覆盖率`) the network the
 * sentence named before the figures (`政务外网覆盖率`), so two clusters never read alike.
 */
function clusterTitle(cluster: readonly Indicator[]): string {
	const measure = sharedMeasure(cluster.map((i) => i.label));
	if (measure.length >= 4) return measure;
	const first = cluster[0]!;
	const before = first.quote.slice(0, Math.max(0, numberOffset(first, cluster)));
	let subject = '';
	let at = -1;
	for (const s of NETWORK_SUBJECTS) {
		const found = before.lastIndexOf(s);
		if (found > at || (found === at && found >= 0 && s.length > subject.length)) {
			subject = s;
			at = found;
		}
	}
	return subject && !measure.startsWith(subject) ? `${subject}${measure}` : measure;
}

/** Level words, longest first, taken out of labels to find the measure they share. */
const LEVEL_WORDS = [
	'县(市、区)',
	'区县一级',
	'省辖市',
	'地级市',
	'地市级',
	'区县级',
	'县市区',
	'区县',
	'地市',
	'省级',
	'省直',
	'市级',
	'县级',
	'乡镇',
	'乡级',
	'省',
	'市',
	'县',
	'乡'
];

/**
 * The measure a cluster's labels share once their level words are gone: `电子政务网络覆盖的市` and
 * `…的县` → `电子政务网络覆盖`; labels that differ further share their common beginning.
 */
export function sharedMeasure(labels: readonly string[]): string {
	const stripped = labels.map((label) => {
		let out = label;
		for (const word of LEVEL_WORDS) out = out.split(word).join('');
		return out.replace(/^[的之]+|[的之]+$/gu, '');
	});
	const first = stripped[0] ?? '';
	if (stripped.every((s) => s === first) && first) return first;
	let prefix = first;
	for (const s of stripped) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
	prefix = prefix.replace(/[的之]+$/u, '');
	return prefix.length >= 2 ? prefix : (labels[0] ?? '');
}
