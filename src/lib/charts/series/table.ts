/** The indicators table: which rows a filter keeps and in what order they stand. */
import type { AdminLevel, Indicator } from '../../corpus/indicators/indicator';
import { compareLevels, scaled, writtenValue } from './values';

export type SortKey = 'corpus' | 'label' | 'value' | 'level' | 'region' | 'date' | 'document';
export const SORT_KEYS: readonly SortKey[] = [
	'corpus',
	'label',
	'value',
	'level',
	'region',
	'date',
	'document'
];
export type SortDirection = 'asc' | 'desc';

export interface TableFilter {
	/** Words to find in the label, quote, region, date, figure or document title. */
	text: string;
	/** A level, `none` for figures of no stated level, or `` for all. */
	level: AdminLevel | 'none' | '';
	/** `percent` for shares, `count` for everything else, `` for both. */
	kind: '' | 'percent' | 'count';
	/** A document id, or `` for all. */
	doc: string;
	/** Whether restatements are listed. */
	repeats: boolean;
}

export const NO_FILTER: TableFilter = { text: '', level: '', kind: '', doc: '', repeats: true };

export function filterIndicators(
	list: readonly Indicator[],
	filter: TableFilter,
	docTitle: (docId: string) => string
): Indicator[] {
	const words = filter.text
		.toLowerCase()
		.split(/[\s\u3000]+/u)
		.filter(Boolean);
	return list.filter((i) => {
		if (!filter.repeats && i.repeatOf !== null) return false;
		if (filter.level === 'none' ? i.level !== null : filter.level && i.level !== filter.level)
			return false;
		if (filter.kind && (filter.kind === 'percent') !== scaled(i).percent) return false;
		if (filter.doc && i.docId !== filter.doc) return false;
		if (words.length === 0) return true;
		const haystack = [
			i.label,
			i.quote,
			i.region ?? '',
			i.date?.text ?? '',
			writtenValue(i),
			docTitle(i.docId),
			i.source
		]
			.join('\n')
			.toLowerCase();
		return words.every((w) => haystack.includes(w));
	});
}

// Made on the first sort by a text column: ICU builds its Chinese collation tables then, which
// took 13 ms (52 ms on Lighthouse's phone CPU) when it ran as the module loaded, before the page
// could hydrate, though the page opens in corpus order.
let zhCollator: Intl.Collator | undefined;
function collate(a: string, b: string): number {
	zhCollator ??= new Intl.Collator('zh', { numeric: true });
	return zhCollator.compare(a, b);
}

/** Sorted by `key`; ties and `corpus` keep the corpus order, so every order is reproducible. */
export function sortIndicators(
	list: readonly Indicator[],
	key: SortKey,
	direction: SortDirection,
	docTitle: (docId: string) => string
): Indicator[] {
	const position = new Map(list.map((i, n) => [i.id, n]));
	const sign = direction === 'asc' ? 1 : -1;
	const compare = comparator(key, docTitle);
	const lacks = (i: Indicator) => Number(lacksKey(i, key));
	// What a row does not state (no region, no year) goes last whichever way the column is sorted.
	return [...list].sort(
		(a, b) =>
			lacks(a) - lacks(b) || sign * compare(a, b) || position.get(a.id)! - position.get(b.id)!
	);
}

function lacksKey(i: Indicator, key: SortKey): boolean {
	if (key === 'level') return i.level === null;
	if (key === 'region') return i.region === null;
	if (key === 'date') return i.date?.year == null;
	return false;
}

function comparator(
	key: SortKey,
	docTitle: (docId: string) => string
): (a: Indicator, b: Indicator) => number {
	switch (key) {
		case 'corpus':
			return () => 0;
		case 'label':
			return (a, b) => collate(a.label, b.label);
		case 'value':
			// Shares and counts are not comparable: shares first, then each by its scaled size.
			return (a, b) => {
				const x = scaled(a);
				const y = scaled(b);
				return Number(y.percent) - Number(x.percent) || x.value - y.value;
			};
		case 'level':
			return (a, b) => compareLevels(a.level, b.level);
		case 'region':
			return (a, b) => collate(a.region ?? '', b.region ?? '');
		case 'date':
			return (a, b) =>
				(a.date?.year ?? 0) - (b.date?.year ?? 0) || (a.date?.month ?? 0) - (b.date?.month ?? 0);
		case 'document':
			return (a, b) => collate(docTitle(a.docId), docTitle(b.docId));
	}
}
