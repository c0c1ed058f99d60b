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
import { Vocabulary } from './tokenize';

/**
 * A phrase index as stored: MiniSearch's own JSON, the vocabulary its tokenizer used and the length
 * of each text's search form. The forms themselves are not stored (they would add half again to
 * the index): a loaded index folds a text when a query first looks at it, so a load folds nothing.
 * Ranking needs every hit's length, including hits no query term had to confirm.
 */
export interface SerializedPhraseIndex {
	vocabulary: string;
	bucketBits: number;
	lengths: number[];
	index: AsPlainObject;
}

/**
 * Which texts contain a term: plain parallel arrays rather than a Map, because a common bigram
 * matches thousands of passages and every query allocates this anew.
 */
export interface TermMatches {
	/** Positions of the texts that contain the term, ascending. */
	positions: number[];
	/** Occurrences of the term (or of the words it expanded to) in each of those texts. */
	counts: number[];
	/**
	 * Texts matched only inside longer words (`97` in `1997`) or through near spellings (`oracel` →
	 * `oracle`, with the words found, for highlighting): they rank lower. Null when there are none.
	 */
	inexact: Map<number, string[]> | null;
}

export class PhraseIndex {
	/** Search forms by position, folded on first use when the index was loaded. */
	readonly #forms: (string | undefined)[];
	readonly #formOf: (position: number) => string;
	/** Every text before this position has its form (see `foldAhead`). */
	#foldedUpTo = 0;

	private constructor(
		readonly miniSearch: MiniSearch<IndexedForm>,
		readonly vocabulary: Vocabulary,
		/** Each text's search-form length, by position. */
		readonly lengths: Int32Array,
		forms: (string | undefined)[],
		formOf: (position: number) => string
	) {
		this.#forms = forms;
		this.#formOf = formOf;
	}

	static build(forms: readonly string[]): PhraseIndex {
		const vocabulary = Vocabulary.of(forms);
		const ms = new MiniSearch<IndexedForm>(miniSearchOptions(vocabulary));
		ms.addAll(forms.map((form, i) => ({ i, form })));
		const lengths = Int32Array.from(forms, (form) => form.length);
		return new PhraseIndex(ms, vocabulary, lengths, [...forms], (i) => forms[i]!);
	}

	/**
	 * Loads an index saved by `toJSON`; throws when it is not one. `formOf` folds the text at a
	 * position: the same function the forms were built with.
	 */
	static load(
		serialized: SerializedPhraseIndex,
		formOf: (position: number) => string
	): PhraseIndex {
		const { lengths } = serialized;
		if (!Array.isArray(lengths) || !lengths.every((n) => Number.isInteger(n) && n >= 0)) {
			throw new Error('stored index has no search-form lengths');
		}
		const vocabulary = Vocabulary.parse(serialized.vocabulary, serialized.bucketBits);
		const ms = MiniSearch.loadJS<IndexedForm>(serialized.index, miniSearchOptions(vocabulary));
		if (ms.documentCount !== lengths.length || !shortIdsArePositions(ms)) {
			throw new Error(`stored index holds ${ms.documentCount} texts and ${lengths.length} lengths`);
		}
		return new PhraseIndex(
			ms,
			vocabulary,
			Int32Array.from(lengths),
			new Array<string | undefined>(lengths.length),
			formOf
		);
	}

	toJSON(): SerializedPhraseIndex {
		return {
			vocabulary: this.vocabulary.bigrams,
			bucketBits: this.vocabulary.bucketBits,
			lengths: Array.from(this.lengths),
			index: this.miniSearch.toJSON()
		};
	}

	/** How many texts the index holds. */
	get size(): number {
		return this.lengths.length;
	}

	/** The search form of the text at `position`. */
	form(position: number): string {
		return (this.#forms[position] ??= this.#formOf(position));
	}

	/**
	 * Folds, in order, the forms no query has needed yet, until `stop()` says so (it is asked every
	 * 64 texts); true once every form is there. For idle time after a load: a query that scans every
	 * text (a single character) would otherwise fold them all itself, ≈ 0.3 s at 5M characters.
	 */
	foldAhead(stop: () => boolean): boolean {
		while (this.#foldedUpTo < this.size) {
			this.form(this.#foldedUpTo++);
			if (this.#foldedUpTo % 64 === 0 && stop()) break;
		}
		return this.#foldedUpTo >= this.size;
	}

	/** The index terms every text holding `term` must have: its bigrams and its inner words. */
	termsOf(term: QueryTerm): string[] {
		const terms = new Set<string>(term.innerWords);
		for (const run of term.hanRuns) {
			for (let i = 1; i < run.length; i++) {
				terms.add(this.vocabulary.term(run.charCodeAt(i - 1), run.charCodeAt(i)));
			}
		}
		return [...terms];
	}

	/** The texts that contain `term`, with their number of occurrences. */
	find(term: QueryTerm): TermMatches {
		const positions: number[] = [];
		const counts: number[] = [];
		const matches: TermMatches = { positions, counts, inexact: null };
		const exact = this.#exactBigram(term);
		if (exact) {
			// One frequent bigram: its postings are exact and carry the count. Nothing to confirm.
			for (const [i, count] of exact) {
				positions.push(i);
				counts.push(count);
			}
			return matches;
		}
		const partialWords = term.relaxed !== term.form;
		const confirm = (i: number) => {
			const form = this.form(i);
			const count = occurrences(form, term.relaxed);
			if (count === 0) return;
			positions.push(i);
			counts.push(count);
			// Found only inside longer words (`97` in `1997`): ranked below whole-word matches.
			if (partialWords && !form.includes(term.form)) (matches.inexact ??= new Map()).set(i, []);
		};
		const terms = this.termsOf(term);
		if (terms.length === 0) {
			// A single Chinese character or a single word, which may be part of a longer one, has
			// nothing to look up: scanning the forms is exact and, even at 5M characters, takes a
			// few milliseconds — cheaper than indexing every character and every word fragment.
			for (let i = 0; i < this.size; i++) confirm(i);
		} else {
			// MiniSearch adds documents in order, so postings come out in ascending position.
			for (const i of this.#candidates(terms)) confirm(i);
		}
		if (term.word && term.word.length >= MIN_FUZZY_LENGTH) this.#nearSpellings(term.word, matches);
		return matches;
	}

	/** The postings of a term that is exactly one frequent bigram, or null. */
	#exactBigram(term: QueryTerm): ReadonlyMap<number, number> | null {
		if (term.innerWords.length > 0 || term.hanRuns.length !== 1 || term.relaxed !== term.form)
			return null;
		const run = term.hanRuns[0]!;
		if (run.length !== 2 || run !== term.form) return null;
		const a = run.charCodeAt(0);
		const b = run.charCodeAt(1);
		if (!this.vocabulary.isExact(a, b)) return null;
		return postings(this.miniSearch, this.vocabulary.term(a, b)) ?? new Map();
	}

	/** Texts holding every index term: intersection of MiniSearch postings, smallest first. */
	#candidates(terms: readonly string[]): Iterable<number> {
		const lists: ReadonlyMap<number, number>[] = [];
		for (const t of terms) {
			const list = postings(this.miniSearch, t);
			if (!list) return [];
			lists.push(list);
		}
		lists.sort((a, b) => a.size - b.size);
		const [first, ...rest] = lists;
		if (rest.length === 0) return first!.keys();
		const out: number[] = [];
		outer: for (const i of first!.keys()) {
			for (const list of rest) if (!list.has(i)) continue outer;
			out.push(i);
		}
		return out;
	}

	/** Latin words also match near spellings (`oracel` → `oracle`), ranked lower. */
	#nearSpellings(word: string, matches: TermMatches): void {
		const fuzzy = word.length >= MIN_FUZZY_2_LENGTH ? 2 : 1;
		const found = new Set(matches.positions);
		let added = false;
		for (const r of this.miniSearch.search(word, { fuzzy })) {
			const i = r.id as number;
			if (found.has(i)) continue;
			const form = this.form(i);
			const words = r.terms.filter((t) => form.includes(` ${t} `));
			const count = words.reduce((n, w) => n + occurrences(form, ` ${w} `), 0);
			if (count === 0) continue;
			matches.positions.push(i);
			matches.counts.push(count);
			(matches.inexact ??= new Map()).set(i, words);
			added = true;
		}
		if (added) {
			// Keep positions ascending, as every consumer expects.
			const order = matches.positions
				.map((_, k) => k)
				.sort((a, b) => matches.positions[a]! - matches.positions[b]!);
			matches.positions = order.map((k) => matches.positions[k]!);
			matches.counts = order.map((k) => matches.counts[k]!);
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
