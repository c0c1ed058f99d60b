/**
 * What a reader types, turned into terms. Space-separated parts must all occur; each part is
 * matched as written — a phrase — after folding, with punctuation ignored. Any string is a valid
 * query: parts that fold to nothing (punctuation, markup characters, emoji) are dropped.
 */
import { isHanChar, searchForm } from '../text/fold';
import { isHanRun } from './tokenize';

/** Longer queries are cut: nobody means 10 000 characters, and each term costs a scan. */
export const MAX_QUERY_LENGTH = 200;
/** Beyond this many parts a query is not a search any more. */
export const MAX_QUERY_TERMS = 12;
/** Latin words this long or longer also match words one edit away (`orcle` → `oracle`). */
export const MIN_FUZZY_LENGTH = 5;
/** From this length, two edits: a swapped pair of letters (`oracel`) is two edits. */
export const MIN_FUZZY_2_LENGTH = 6;

export interface QueryTerm {
	/** The part as typed. */
	text: string;
	/** Its search form, every word whole: a passage holding this is an exact match. */
	form: string;
	/**
	 * The form with its first and last word allowed to be part of a longer word: a passage holding
	 * this matches. A term cut out of a passage — `3.4%和6` from `93.4%和67.2%` — still finds it.
	 */
	relaxed: string;
	/** The runs of Chinese characters in the term: every bigram of each must be in a match. */
	hanRuns: string[];
	/** The words inside the term, which a match must hold whole (edge words may be partial). */
	innerWords: string[];
	/** A single Latin word, which may also match near spellings when it is long enough. */
	word: string | null;
}

export function parseQuery(query: string): QueryTerm[] {
	const terms: QueryTerm[] = [];
	const seen = new Set<string>();
	const parts = String(query)
		.slice(0, MAX_QUERY_LENGTH)
		.split(/[\s\u3000]+/u);
	for (const text of parts) {
		const form = searchForm(text);
		if (form.trim().length === 0 || seen.has(form)) continue;
		seen.add(form);
		const single = /^ ([\p{L}]+) $/u.exec(form);
		const relaxed = form.replace(/^ /u, '').replace(/ $/u, '');
		const runs = relaxed.split(' ').filter(Boolean);
		// Words at the edges may be partial (`3.4%和6` cut from `93.4%和67.2%`): only inner ones count.
		const inner = runs.filter((run, k) => !isHanRun(run) && k > 0 && k < runs.length - 1);
		terms.push({
			text,
			form,
			relaxed,
			hanRuns: runs.filter(isHanRun),
			innerWords: [...new Set(inner)],
			word: single && !isHanChar(single[1]!) ? single[1]! : null
		});
		if (terms.length === MAX_QUERY_TERMS) break;
	}
	return terms;
}
