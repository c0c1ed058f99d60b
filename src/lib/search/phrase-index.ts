/**
 * Finds which of a list of texts contain a query term as written.
 *
 * Candidates come from MiniSearch (every index term of the query term must be present); each
 * candidate is then confirmed on its search form, and its occurrences are counted for ranking.
 * Without the confirmation, `政务信息化` would also return passages that hold all its bigrams
 * in other places.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { miniSearchOptions, type IndexedForm } from './minisearch-options';
import { postings, shortIdsArePositions } from './postings';
import { MIN_FUZZY_2_LENGTH, MIN_FUZZY_LENGTH, type QueryTerm } from './query';

/** Which texts contain a term. */
export interface TermMatches {
	/** Position → occurrences of the term (or of the words it expanded to) in that text. */
	counts: Map<number, number>;
	/**
	 * Texts matched only inside longer words (`97` in `1997`) or through near spellings (`oracel` →
	 * `oracle`, with the words found, for highlighting): they rank lower.
	 */
	inexact: Map<number, string[]>;
}

export class PhraseIndex {
	private constructor(
		readonly miniSearch: MiniSearch<IndexedForm>,
		/** Search forms, by position. */
		readonly forms: readonly string[]
	) {}

	static build(forms: readonly string[]): PhraseIndex {
		const ms = new MiniSearch<IndexedForm>(miniSearchOptions());
		ms.addAll(forms.map((form, i) => ({ i, form })));
		return new PhraseIndex(ms, forms);
	}

	/** Loads an index saved by `toJSON`; `forms` must be the forms it was built from. */
	static load(serialized: string | AsPlainObject, forms: readonly string[]): PhraseIndex {
		const ms =
			typeof serialized === 'string'
				? MiniSearch.loadJSON<IndexedForm>(serialized, miniSearchOptions())
				: MiniSearch.loadJS<IndexedForm>(serialized, miniSearchOptions());
		if (ms.documentCount !== forms.length || !shortIdsArePositions(ms)) {
			throw new Error(
				`stored index holds ${ms.documentCount} texts, the corpus ${forms.length}: rebuild needed`
			);
		}
		return new PhraseIndex(ms, forms);
	}

	toJSON(): AsPlainObject {
		return this.miniSearch.toJSON();
	}

	/** The texts that contain `term`, with their number of occurrences. */
	find(term: QueryTerm): TermMatches {
		const counts = new Map<number, number>();
		const inexact = new Map<number, string[]>();
		const confirm = (i: number) => {
			const form = this.forms[i]!;
			const count = occurrences(form, term.relaxed);
			if (count === 0) return;
			counts.set(i, count);
			// Found only inside longer words (`97` in `1997`): ranked below whole-word matches.
			if (term.relaxed !== term.form && !form.includes(term.form)) inexact.set(i, []);
		};
		if (term.indexTerms.length === 0) {
			// A single Chinese character or a single word, which may be part of a longer one, has
			// nothing to look up: scanning the forms is exact and, even at 5M characters, takes a
			// few milliseconds — cheaper than indexing every character and every word fragment.
			for (let i = 0; i < this.forms.length; i++) confirm(i);
		} else {
			for (const i of this.#candidates(term.indexTerms).keys()) confirm(i);
		}
		if (term.word && term.word.length >= MIN_FUZZY_LENGTH)
			this.#nearSpellings(term.word, counts, inexact);
		return { counts, inexact };
	}

	/** Texts holding every index term: intersection of MiniSearch postings, smallest first. */
	#candidates(terms: readonly string[]): ReadonlyMap<number, number> {
		const lists: ReadonlyMap<number, number>[] = [];
		for (const t of terms) {
			const list = postings(this.miniSearch, t);
			if (!list) return new Map();
			lists.push(list);
		}
		lists.sort((a, b) => a.size - b.size);
		const [first, ...rest] = lists;
		if (rest.length === 0) return first!;
		const out = new Map<number, number>();
		outer: for (const [i, n] of first!) {
			for (const list of rest) if (!list.has(i)) continue outer;
			out.set(i, n);
		}
		return out;
	}

	/** Latin words also match near spellings (`oracel` → `oracle`), ranked lower. */
	#nearSpellings(word: string, counts: Map<number, number>, inexact: Map<number, string[]>): void {
		const fuzzy = word.length >= MIN_FUZZY_2_LENGTH ? 2 : 1;
		for (const r of this.miniSearch.search(word, { fuzzy })) {
			const i = r.id as number;
			if (counts.has(i)) continue;
			const form = this.forms[i]!;
			const words = r.terms.filter((t) => form.includes(` ${t} `));
			const count = words.reduce((n, w) => n + occurrences(form, ` ${w} `), 0);
			if (count === 0) continue;
			counts.set(i, count);
			inexact.set(i, words);
		}
	}
}

/** Non-overlapping occurrences of `needle` in `haystack`. */
export function occurrences(haystack: string, needle: string): number {
	let count = 0;
	// Word needles start and end with the space that separates them; step past the word only,
	// so two words in a row (` a b `) both count.
	const step = Math.max(1, needle.trimEnd().length);
	for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + step))
		count++;
	return count;
}
