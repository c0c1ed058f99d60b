/**
 * What a reader types, turned into terms. Space-separated parts must all occur; each part is
 * matched as written — a phrase — after folding, with punctuation ignored, so a phrase pasted with
 * its commas finds its passage. Any string is a valid query: parts that fold to nothing
 * (punctuation, markup characters, emoji) are dropped.
 */
import { isHanChar, searchForm } from '../text/fold';
import { isHanRun } from './tokenize';

/**
 * Longer queries are cut: nobody means 10 000 characters, and each term costs a scan. The cut
 * drops a part it would split (`… oracle` must not become `… o`).
 */
export const MAX_QUERY_LENGTH = 200;
/**
 * Beyond this many parts a query is not a search any more. Set so that it is never what cuts a
 * real query: ten words of a pasted passage fit many times over.
 */
export const MAX_QUERY_TERMS = 32;
/** Latin words this long or longer also match words one edit away (`orcle` → `oracle`). */
export const MIN_FUZZY_LENGTH = 5;
/** From this length, two edits: a swapped pair of letters (`oracel`) is two edits. */
export const MIN_FUZZY_2_LENGTH = 6;

/**
 * The marks a Chinese reader lists keywords with (`南京，交换机`, `省、市、县`): the enumeration
 * comma, full-width commas and semicolons, and an ASCII comma or semicolon unless it sits inside a
 * number (`1,300`).
 */
const LIST_MARKS = /[、，；]+|(?<!\d)[,;]|[,;](?!\d)/u;

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
	/**
	 * The keywords the part lists, when it holds list marks (`南京，交换机` → `南京`, `交换机`): what
	 * search looks for instead when the part as a phrase is found nowhere. Null otherwise.
	 */
	listed: QueryTerm[] | null;
	/** The percentages in the part as written (`100%`, `93.4%`), which rank a text holding them. */
	percents: string[];
}

export function parseQuery(query: string): QueryTerm[] {
	const terms: QueryTerm[] = [];
	const seen = new Set<string>();
	const parts = cut(String(query)).split(/[\s\u3000]+/u);
	for (const text of parts) {
		const term = termOf(text);
		if (!term || seen.has(term.form)) continue;
		seen.add(term.form);
		const listed = LIST_MARKS.test(text)
			? text
					.split(LIST_MARKS)
					.map(termOf)
					.filter((t): t is QueryTerm => t !== null)
			: [];
		terms.push({ ...term, listed: listed.length > 1 ? listed : null });
		if (terms.length === MAX_QUERY_TERMS) break;
	}
	return terms;
}

/** A number with a percent or per-mille sign, as texts write it (full-width signs fold by NFKC). */
const PERCENT = /\d+(?:\.\d+)?[%‰]/gu;

/** The query within `MAX_QUERY_LENGTH`, without a part the cut would split. */
function cut(query: string): string {
	if (query.length <= MAX_QUERY_LENGTH) return query;
	const kept = query.slice(0, MAX_QUERY_LENGTH);
	if (/[\s\u3000]/u.test(query[MAX_QUERY_LENGTH]!)) return kept;
	const lastBreak = kept.search(/[\s\u3000][^\s\u3000]*$/u);
	return lastBreak > 0 ? kept.slice(0, lastBreak) : kept;
}

/** One part of a query as a term; null when it folds to nothing. */
function termOf(text: string): QueryTerm | null {
	const form = searchForm(text);
	if (form.trim().length === 0) return null;
	const single = /^ ([\p{L}]+) $/u.exec(form);
	const relaxed = form.replace(/^ /u, '').replace(/ $/u, '');
	const runs = relaxed.split(' ').filter(Boolean);
	// Words at the edges may be partial (`3.4%和6` cut from `93.4%和67.2%`): only inner ones count.
	const inner = runs.filter((run, k) => !isHanRun(run) && k > 0 && k < runs.length - 1);
	return {
		text,
		form,
		relaxed,
		hanRuns: runs.filter(isHanRun),
		innerWords: [...new Set(inner)],
		word: single && !isHanChar(single[1]!) ? single[1]! : null,
		listed: null,
		percents: text.normalize('NFKC').match(PERCENT) ?? []
	};
}
