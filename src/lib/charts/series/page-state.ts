/**
 * The indicators page's state as URL parameters, so a link restores the chart and the table:
 * `?chart=selection&ids=p8mjmx20c@220,p8mjmx20c@226`, `?q=河南`, `?sort=value&dir=desc&level=县`.
 * Defaults are left out, so the plain page has a plain URL.
 */
import type { AdminLevel } from '../../corpus/indicators/indicator';
import type { ViewId } from './panels';
import { NO_FILTER, SORT_KEYS, type SortDirection, type SortKey, type TableFilter } from './table';
import { LEVEL_ORDER } from './values';

export interface PageState {
	view: ViewId;
	/** Rows picked in the table, charted by the `selection` view. */
	ids: string[];
	/** A search whose passages' indicators the `search` view charts. */
	q: string;
	sort: SortKey;
	dir: SortDirection;
	filter: TableFilter;
}

const VIEWS: readonly ViewId[] = ['levels', 'network', 'henan', 'scale', 'selection', 'search'];
/** More ids than this in a link is not a selection any more; the rest are ignored. */
export const MAX_SELECTED = 200;
const ID = /^[\w-]+@\d+$/u;

export function parsePageState(params: URLSearchParams): PageState {
	const q = (params.get('q') ?? '').trim();
	const chart = params.get('chart') ?? '';
	// `chart=search` without a query shows the search form.
	const view: ViewId = (VIEWS as readonly string[]).includes(chart)
		? (chart as ViewId)
		: q
			? 'search'
			: 'levels';
	const ids = [
		...new Set(
			(params.get('ids') ?? '')
				.split(',')
				.map((s) => s.trim())
				.filter((s) => ID.test(s))
		)
	].slice(0, MAX_SELECTED);
	const sort = params.get('sort') ?? '';
	const level = params.get('level') ?? '';
	const kind = params.get('kind') ?? '';
	return {
		view,
		ids,
		q,
		sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : 'corpus',
		dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
		filter: {
			text: params.get('f') ?? '',
			level:
				level === 'none' || (LEVEL_ORDER as readonly string[]).includes(level)
					? (level as AdminLevel | 'none')
					: '',
			kind: kind === 'percent' || kind === 'count' ? kind : '',
			doc: params.get('doc') ?? '',
			repeats: params.get('repeats') !== '0'
		}
	};
}

/** The parameters of a state, defaults left out, in a fixed order. */
export function pageStateParams(state: PageState): URLSearchParams {
	const params = new URLSearchParams();
	const set = (key: string, value: string, fallback = '') => {
		if (value !== fallback) params.set(key, value);
	};
	set('q', state.q.trim());
	set('chart', state.view, state.q.trim() ? 'search' : 'levels');
	set('ids', state.ids.join(','));
	set('sort', state.sort, 'corpus');
	if (state.sort !== 'corpus') set('dir', state.dir, 'asc');
	set('f', state.filter.text.trim());
	set('level', state.filter.level);
	set('kind', state.filter.kind);
	set('doc', state.filter.doc);
	set('repeats', state.filter.repeats ? '1' : '0', String(Number(NO_FILTER.repeats)));
	return params;
}

/** `?…` for a state, or `` for the default one. Ids stay readable: `@` and `,` are left as they are. */
export function pageStateQuery(state: PageState): string {
	const parts = [...pageStateParams(state)].map(
		([key, value]) =>
			`${key}=${encodeURIComponent(value).replace(/%40/gu, '@').replace(/%2C/gu, ',')}`
	);
	return parts.length > 0 ? `?${parts.join('&')}` : '';
}
