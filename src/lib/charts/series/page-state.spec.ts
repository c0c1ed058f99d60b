import { describe, expect, it } from 'vitest';
import { pageStateQuery, parsePageState } from './page-state';

const parse = (query: string) => parsePageState(new URLSearchParams(query));

describe('page state in the URL', () => {
	it('defaults to the level comparison, or the search when there is a query', () => {
		expect(parse('').view).toBe('levels');
		expect(parse('q=河南').view).toBe('search');
		expect(parse('chart=search').view).toBe('search');
		expect(parse('chart=nonsense').view).toBe('levels');
		expect(pageStateQuery(parse(''))).toBe('');
	});

	it('round-trips a shared chart with readable ids', () => {
		const query =
			'?chart=selection&ids=p8mjmx20c@220,p8mjmx20c@226&sort=value&dir=desc&level=县&repeats=0';
		const state = parse(query.slice(1));
		expect(state.ids).toEqual(['p8mjmx20c@220', 'p8mjmx20c@226']);
		expect(state.filter).toMatchObject({ level: '县', repeats: false });
		expect(decodeURIComponent(pageStateQuery(state))).toBe(query);
		expect(parse(pageStateQuery(state).slice(1))).toEqual(state);
	});

	it('ignores what is not an id and keeps the query', () => {
		const state = parse('q=%E6%B2%B3%E5%8D%97&ids=a@1,<script>,a@1,b@2');
		expect(state.ids).toEqual(['a@1', 'b@2']);
		expect(pageStateQuery(state)).toBe('?q=%E6%B2%B3%E5%8D%97&ids=a@1,b@2');
	});
});
