/**
 * Search over the corpus: the pure core the worker, the command line and the tests all use.
 *
 * A passage matches when every query term occurs in its text, its section headings or its
 * document's title, and at least one occurs in its text (so `河南 社会保障` finds the Henan
 * report's social-security passage, while `电子政务` alone does not return every passage of a
 * document whose title mentions it).
 */
import { continuesParagraph } from '../corpus/paragraphs';
import { endsSentence } from '../corpus/split-passages';
import type { Corpus, CorpusDocument, Passage, PassageKind } from '../corpus/types';
import { searchForm } from '../text/fold';
import { checkFormat, currentFormat, IndexFormatMismatch, type IndexFormat } from './index-format';
import {
	formEdgeRange,
	highlightRanges,
	mergeRanges,
	snippet,
	type Range,
	type Snippet
} from './highlight';
import { PhraseIndex, type SerializedPhraseIndex, type TermMatches } from './phrase-index';
import { parseQuery, type QueryTerm } from './query';
import { rankScore } from './rank';

export { IndexFormatMismatch };

export interface SearchOptions {
	/** How many results to return (after `offset`); all when absent. */
	limit?: number;
	offset?: number;
	/** Only passages of these documents; counts per document are still given for all. */
	docIds?: readonly string[];
}

export interface SearchHit {
	id: string;
	docId: string;
	/** The raw file name the passage comes from. */
	source: string;
	/** The document's title. */
	title: string;
	section: string;
	/** The section headings above the passage, outermost first. */
	headings: string[];
	kind: PassageKind;
	/** The passage as a reader sees it, in its own script. */
	text: string;
	score: number;
	/** Matches in `text`, merged, as [start, end) offsets. */
	highlights: Range[];
	snippet: Snippet;
	/** Query terms (as typed) found in the text, the headings and the title. */
	matched: { text: string[]; headings: string[]; title: string[] };
}

export interface SearchResults {
	query: string;
	/** The query parts that were searched for, as typed; empty for a query with nothing to find. */
	terms: string[];
	/** Matching passages in all the selected documents. */
	total: number;
	/** Matching passages per document, before the document filter. */
	byDocument: Record<string, number>;
	results: SearchHit[];
}

export interface SerializedSearchIndex {
	format: IndexFormat;
	passages: SerializedPhraseIndex;
	headings: SerializedPhraseIndex;
	titles: SerializedPhraseIndex;
	/** `#cutsInSentences`: found from the texts when building, so a load reads none. */
	cuts: number[];
}

/** How one query term matched: in passage texts, in heading paths, in document titles. */
interface TermHits {
	term: QueryTerm;
	text: TermMatches;
	/** For each heading entry, 1 when the term is in it as written (not inside a longer word). */
	inHeading: Uint8Array;
	/** For each document, 1 when the term is in its title as written. */
	inTitle: Uint8Array;
	/** Passages the term starts in and runs out of, across a cut inside a sentence. */
	acrossCuts: Map<number, AcrossCut> | null;
}

/**
 * A term across a cut inside a sentence (see `#cutsInSentences`): how many characters of its search
 * form end the passage, and how many begin the next one.
 */
interface AcrossCut {
	inPassage: number;
	inNext: number;
}

/** Ranked matches: positions best first; each score is kept in its sort key. */
interface Ranked {
	positions: Int32Array;
	keys: Float64Array;
}

export class SearchIndex {
	readonly #passages: readonly Passage[];
	readonly #documents: readonly CorpusDocument[];
	readonly #docPosition: Map<string, number>;
	/** For each passage, its entry in the heading index (-1 before the first heading). */
	readonly #passageHeading: Int32Array;
	readonly #passageDoc: Int32Array;
	readonly #headingMembers: number[][];
	readonly #docMembers: number[][];
	readonly #headingPaths: string[][];
	/** 1 for title, front and heading passages: signposts rank below the text they announce. */
	readonly #signposts: Uint8Array;
	/**
	 * Passages whose sentence carries on into the next passage: a sentence longer than a passage
	 * is cut at a comma (`MAX_PASSAGE`), and a phrase may straddle the cut.
	 */
	readonly #cutsInSentences: Int32Array;

	private constructor(
		readonly corpus: Corpus,
		readonly passageIndex: PhraseIndex,
		readonly headingIndex: PhraseIndex,
		readonly titleIndex: PhraseIndex,
		layout: CorpusLayout,
		cutsInSentences: Int32Array
	) {
		this.#passages = corpus.passages;
		this.#documents = corpus.documents;
		this.#docPosition = layout.docPosition;
		this.#passageHeading = layout.passageHeading;
		this.#passageDoc = layout.passageDoc;
		this.#headingMembers = layout.headingMembers;
		this.#docMembers = layout.docMembers;
		this.#headingPaths = layout.headingPaths;
		this.#signposts = Uint8Array.from(corpus.passages, (p) =>
			p.kind === 'text' || p.kind === 'byline' ? 0 : 1
		);
		this.#cutsInSentences = cutsInSentences;
	}

	/** Builds the index for a corpus. */
	static build(corpus: Corpus): SearchIndex {
		const layout = layOut(corpus);
		const formOf = formsOf(corpus, layout);
		const all = (count: number, form: (i: number) => string) =>
			Array.from({ length: count }, (_, i) => form(i));
		return new SearchIndex(
			corpus,
			PhraseIndex.build(all(corpus.passages.length, formOf.passage)),
			PhraseIndex.build(all(layout.headingPaths.length, formOf.heading)),
			PhraseIndex.build(all(corpus.documents.length, formOf.title)),
			layout,
			Int32Array.from(cutsInSentences(corpus.passages))
		);
	}

	/**
	 * Loads a stored index. Throws `IndexFormatMismatch` when it was made for another corpus,
	 * tokenizer or MiniSearch version, or is damaged: the caller rebuilds, never searches an index
	 * that would silently answer nothing.
	 */
	static load(stored: SerializedSearchIndex | string, corpus: Corpus): SearchIndex {
		let data: SerializedSearchIndex;
		try {
			data = typeof stored === 'string' ? (JSON.parse(stored) as SerializedSearchIndex) : stored;
		} catch {
			throw new IndexFormatMismatch('the stored index is not valid JSON (truncated?)');
		}
		checkFormat(data?.format, corpus.hash);
		const layout = layOut(corpus);
		try {
			const formOf = formsOf(corpus, layout);
			const passages = PhraseIndex.load(data.passages, formOf.passage);
			const headings = PhraseIndex.load(data.headings, formOf.heading);
			const titles = PhraseIndex.load(data.titles, formOf.title);
			const expected = [
				['passages', passages, corpus.passages.length],
				['headings', headings, layout.headingPaths.length],
				['titles', titles, corpus.documents.length]
			] as const;
			for (const [what, index, count] of expected) {
				if (index.size !== count) {
					throw new Error(`it holds ${index.size} ${what}, the corpus ${count}`);
				}
			}
			const cuts = data.cuts;
			if (
				!Array.isArray(cuts) ||
				!cuts.every((k) => Number.isInteger(k) && k >= 0 && k < corpus.passages.length - 1)
			) {
				throw new Error('its cuts inside sentences are not passage positions');
			}
			return new SearchIndex(corpus, passages, headings, titles, layout, Int32Array.from(cuts));
		} catch (e) {
			throw new IndexFormatMismatch(`the stored index cannot be read: ${(e as Error).message}`);
		}
	}

	/** `PhraseIndex.foldAhead` for the passages, then the heading paths, then the titles. */
	foldAhead(stop: () => boolean): boolean {
		return (
			this.passageIndex.foldAhead(stop) &&
			this.headingIndex.foldAhead(stop) &&
			this.titleIndex.foldAhead(stop)
		);
	}

	toJSON(): SerializedSearchIndex {
		return {
			format: currentFormat(this.corpus.hash),
			passages: this.passageIndex.toJSON(),
			headings: this.headingIndex.toJSON(),
			titles: this.titleIndex.toJSON(),
			cuts: [...this.#cutsInSentences]
		};
	}

	get passageCount(): number {
		return this.#passages.length;
	}

	search(query: string, options: SearchOptions = {}): SearchResults {
		const hits = this.#termHits(query);
		if (hits.length === 0) return { query, terms: [], total: 0, byDocument: {}, results: [] };
		const ranked = this.#rank(hits);
		const perDoc = new Int32Array(this.#documents.length);
		for (const position of ranked.positions) perDoc[this.#passageDoc[position]!]!++;
		const byDocument: Record<string, number> = {};
		this.#documents.forEach((d, k) => {
			if (perDoc[k]! > 0) byDocument[d.id] = perDoc[k]!;
		});
		let kept: number[] | null = null;
		if (options.docIds) {
			const wanted = new Set(options.docIds);
			kept = [];
			ranked.positions.forEach((position, k) => {
				if (wanted.has(this.#passages[position]!.docId)) kept!.push(k);
			});
		}
		const total = kept ? kept.length : ranked.positions.length;
		const offset = Math.max(0, options.offset ?? 0);
		const end = Math.min(total, offset + Math.max(0, options.limit ?? total));
		const results: SearchHit[] = [];
		for (let r = offset; r < end; r++) {
			const k = kept ? kept[r]! : r;
			results.push(this.#hit(ranked.positions[k]!, scoreOfKey(ranked.keys[k]!), hits));
		}
		return { query, terms: hits.map((h) => h.term.text), total, byDocument, results };
	}

	/** Positions of every matching passage, best first: what `search` pages through. */
	rankedPositions(query: string): Int32Array {
		return this.#rank(this.#termHits(query)).positions;
	}

	/** Ids of every matching passage, best first (for charting what a search found). */
	passageIds(query: string): string[] {
		return Array.from(this.rankedPositions(query), (position) => this.#passages[position]!.id);
	}

	/**
	 * Highlight ranges of the query's terms in every passage of a document that holds one: what the
	 * reader marks when a result is opened in context. Passage id → ranges.
	 */
	highlightDocument(docId: string, query: string): Record<string, Range[]> {
		const terms = this.#terms(query);
		const needles = terms.map((t) => t.relaxed);
		const doc = this.#docPosition.get(docId);
		const out: Record<string, Range[]> = {};
		if (doc === undefined || needles.length === 0) return out;
		// A phrase across a cut: its beginning ends one passage, its rest starts the next.
		const edges = new Map<number, Range[]>();
		const addEdge = (position: number, range: Range | null) => {
			if (range) edges.set(position, [...(edges.get(position) ?? []), range]);
		};
		for (const term of terms) {
			const { acrossCuts } = this.#findAcrossCuts(term, NO_MATCHES);
			for (const [position, { inPassage, inNext }] of acrossCuts ?? []) {
				if (this.#passageDoc[position] !== doc) continue;
				addEdge(position, formEdgeRange(this.#passages[position]!.text, inPassage, 'end'));
				addEdge(position + 1, formEdgeRange(this.#passages[position + 1]!.text, inNext, 'start'));
			}
		}
		for (const position of this.#docMembers[doc]!) {
			const p = this.#passages[position]!;
			const ranges = mergeRanges([
				...highlightRanges(p.text, needles),
				...(edges.get(position) ?? [])
			]);
			if (ranges.length > 0) out[p.id] = ranges;
		}
		return out;
	}

	/**
	 * For a query of several terms, how many passages each term leaves out: shown when nothing
	 * matches all of them ("without 「X」: 12 passages").
	 */
	suggestWithout(query: string): { without: string; total: number }[] {
		const terms = this.#terms(query);
		if (terms.length < 2) return [];
		return terms
			.map((t) => ({
				without: t.text,
				total: this.rankedPositions(
					terms
						.filter((other) => other !== t)
						.map((other) => other.text)
						.join(' ')
				).length
			}))
			.filter((s) => s.total > 0);
	}

	/**
	 * The query's terms, where a part that lists keywords (`南京，交换机`) and is found nowhere as a
	 * phrase stands for its keywords: the reader meant both words, not the two side by side.
	 */
	#terms(query: string): QueryTerm[] {
		return parseQuery(query).flatMap((term) =>
			term.listed && !this.#foundAnywhere(term) ? term.listed : [term]
		);
	}

	#foundAnywhere(term: QueryTerm): boolean {
		return (
			this.passageIndex.find(term).positions.length > 0 ||
			this.headingIndex.find(term).positions.length > 0 ||
			this.titleIndex.find(term).positions.length > 0
		);
	}

	#termHits(query: string): TermHits[] {
		return this.#terms(query).map((term) => {
			// A heading or title counts only where it holds the term as written: `3` inside `1.3` in
			// a heading would otherwise outrank the passage that says `3%`.
			const headings = this.headingIndex.find(term);
			const inHeading = new Uint8Array(this.#headingMembers.length);
			for (const h of headings.positions) if (!headings.inexact?.has(h)) inHeading[h] = 1;
			const titles = this.titleIndex.find(term);
			const inTitle = new Uint8Array(this.#documents.length);
			for (const d of titles.positions) if (!titles.inexact?.has(d)) inTitle[d] = 1;
			const { text, acrossCuts } = this.#findAcrossCuts(term, this.passageIndex.find(term));
			return { term, text, inHeading, inTitle, acrossCuts };
		});
	}

	/**
	 * Scores every passage that has each term in its text, headings or title, and one in its text.
	 * This is the hot path of every query: typed arrays, nothing allocated per match.
	 */
	#rank(hits: TermHits[]): Ranked {
		if (hits.length === 0) return { positions: new Int32Array(0), keys: new Float64Array(0) };
		const formLengths = this.passageIndex.lengths;
		const signposts = this.#signposts;
		const passageHeading = this.#passageHeading;
		const passageDoc = this.#passageDoc;
		const single = hits.length === 1;
		const lengths = hits.map((h) => h.term.form.trim().length);
		// With several terms, each is looked up by position in a count array filled from its matches.
		const countAt = single ? [] : hits.map((h) => countsByPosition(h.text, formLengths.length));
		const phrase = hits
			.map((h) => h.term.form)
			.join('')
			.replace(/ {2,}/gu, ' ');
		const candidates = this.#candidates(hits);
		const keys = new Float64Array(candidates.positions.length);
		let found = 0;
		if (single) {
			found = this.#rankSingleTerm(hits[0]!, lengths[0]!, candidates, keys);
		}
		for (let c = 0; !single && c < candidates.positions.length; c++) {
			const position = candidates.positions[c]!;
			const heading = passageHeading[position]!;
			const doc = passageDoc[position]!;
			let termsInText = 0;
			let termsInHeading = 0;
			let termsInTitle = 0;
			let matchedChars = 0;
			let inexactTerms = 0;
			let percentTerms = 0;
			let missing = false;
			for (let k = 0; k < hits.length; k++) {
				const h = hits[k]!;
				const count = single ? candidates.counts[c]! : countAt[k]![position]!;
				const inHeading = heading >= 0 && h.inHeading[heading] === 1;
				const inTitle = h.inTitle[doc] === 1;
				if (count === 0 && !inHeading && !inTitle) {
					missing = true;
					break;
				}
				if (count > 0) {
					termsInText++;
					matchedChars += count * lengths[k]!;
					if (h.text.inexact?.has(position)) inexactTerms++;
					if (this.#holdsPercents(position, h.term)) percentTerms++;
				}
				if (inHeading) termsInHeading++;
				if (inTitle) termsInTitle++;
			}
			if (missing || termsInText === 0) continue;
			const score = rankScore(
				termsInText,
				termsInHeading,
				termsInTitle,
				this.passageIndex.form(position).includes(phrase),
				matchedChars,
				formLengths[position]!,
				inexactTerms,
				signposts[position] === 1,
				percentTerms
			);
			keys[found++] = sortKey(score, position);
		}
		const sorted = keys.subarray(0, found).sort();
		const positions = new Int32Array(found);
		for (let k = 0; k < found; k++) positions[k] = sorted[k]! % POSITION_SPAN;
		return { positions, keys: sorted };
	}

	/**
	 * The common case, one term, in one tight loop: every candidate that holds the term in its text
	 * is a result, and its score needs only its count, its length and a few flags.
	 */
	#rankSingleTerm(
		h: TermHits,
		length: number,
		candidates: { positions: ArrayLike<number>; counts: ArrayLike<number> },
		keys: Float64Array
	): number {
		const formLengths = this.passageIndex.lengths;
		const signposts = this.#signposts;
		const passageHeading = this.#passageHeading;
		const passageDoc = this.#passageDoc;
		let found = 0;
		for (let c = 0; c < candidates.positions.length; c++) {
			const count = candidates.counts[c]!;
			if (count === 0) continue;
			const position = candidates.positions[c]!;
			const heading = passageHeading[position]!;
			const score = rankScore(
				1,
				heading >= 0 && h.inHeading[heading] === 1 ? 1 : 0,
				h.inTitle[passageDoc[position]!]!,
				true,
				count * length,
				formLengths[position]!,
				h.text.inexact?.has(position) ? 1 : 0,
				signposts[position] === 1,
				this.#holdsPercents(position, h.term) ? 1 : 0
			);
			keys[found++] = sortKey(score, position);
		}
		return found;
	}

	/**
	 * Adds to a term's matches the passages it starts in and finishes in the next one, across a cut
	 * inside a sentence, counted once in the passage where it starts (the one a reader would open).
	 */
	#findAcrossCuts(
		term: QueryTerm,
		found: TermMatches
	): { text: TermMatches; acrossCuts: Map<number, AcrossCut> | null } {
		const needle = term.relaxed;
		let acrossCuts: Map<number, AcrossCut> | null = null;
		// One character cannot straddle a cut.
		if (needle.length < 2) return { text: found, acrossCuts };
		for (const position of this.#cutsInSentences) {
			const tail = this.passageIndex.form(position).slice(-(needle.length - 1));
			let head = this.passageIndex.form(position + 1).slice(0, needle.length - 1);
			if (tail.endsWith(' ') && head.startsWith(' ')) head = head.slice(1);
			const at = (tail + head).indexOf(needle);
			if (at < 0 || at >= tail.length || at + needle.length <= tail.length) continue;
			const split = tail.length - at;
			acrossCuts ??= new Map();
			acrossCuts.set(position, {
				inPassage: needle.slice(0, split).trim().length,
				inNext: needle.slice(split).trim().length
			});
		}
		if (!acrossCuts) return { text: found, acrossCuts };
		const counts = new Map(found.positions.map((p, k) => [p, found.counts[k]!]));
		for (const position of acrossCuts.keys()) {
			counts.set(position, (counts.get(position) ?? 0) + 1);
		}
		const positions = [...counts.keys()].sort((a, b) => a - b);
		return {
			text: { positions, counts: positions.map((p) => counts.get(p)!), inexact: found.inexact },
			acrossCuts
		};
	}

	/** Whether the passage's text holds each percentage of the term as written, as a whole number. */
	#holdsPercents(position: number, term: QueryTerm): boolean {
		if (term.percents.length === 0) return false;
		const text = this.#passages[position]!.text;
		return term.percents.every((percent) => holdsWholeNumber(text, percent));
	}

	/**
	 * The passages of the most selective term, with that term's count in each text (0 for a
	 * passage that has it only in a heading or title); every other term then filters them.
	 */
	#candidates(hits: TermHits[]): { positions: ArrayLike<number>; counts: ArrayLike<number> } {
		let best = hits[0]!;
		let bestSize = Infinity;
		let bestHasContext = false;
		for (const h of hits) {
			let size = h.text.positions.length;
			let context = false;
			h.inHeading.forEach((on, k) => {
				if (!on) return;
				size += this.#headingMembers[k]!.length;
				context = true;
			});
			h.inTitle.forEach((on, d) => {
				if (!on) return;
				size += this.#docMembers[d]!.length;
				context = true;
			});
			if (size < bestSize) {
				bestSize = size;
				best = h;
				bestHasContext = context;
			}
		}
		if (!bestHasContext) return best.text;
		const counts = countsByPosition(best.text, this.passageIndex.lengths.length);
		const all = new Set<number>(best.text.positions);
		best.inHeading.forEach((on, k) => {
			if (on) for (const p of this.#headingMembers[k]!) all.add(p);
		});
		best.inTitle.forEach((on, d) => {
			if (on) for (const p of this.#docMembers[d]!) all.add(p);
		});
		const positions = [...all];
		return { positions, counts: positions.map((p) => counts[p]!) };
	}

	#hit(position: number, score: number, hits: TermHits[]): SearchHit {
		const p = this.#passages[position]!;
		const doc = this.#documents[this.#passageDoc[position]!]!;
		const heading = this.#passageHeading[position]!;
		const needles: string[] = [];
		const edges: Range[] = [];
		const matched: SearchHit['matched'] = { text: [], headings: [], title: [] };
		for (const h of hits) {
			if (includesSorted(h.text.positions, position)) {
				matched.text.push(h.term.text);
				const words = h.text.inexact?.get(position);
				const across = h.acrossCuts?.get(position);
				if (words && words.length > 0) for (const w of words) needles.push(` ${w} `);
				else needles.push(h.term.relaxed);
				const edge = across && formEdgeRange(p.text, across.inPassage, 'end');
				if (edge) edges.push(edge);
			}
			if (heading >= 0 && h.inHeading[heading] === 1) matched.headings.push(h.term.text);
			if (h.inTitle[this.#passageDoc[position]!] === 1) matched.title.push(h.term.text);
		}
		const highlights = mergeRanges([...highlightRanges(p.text, needles), ...edges]);
		return {
			id: p.id,
			docId: p.docId,
			source: doc.source,
			title: doc.title,
			section: p.section,
			headings: heading >= 0 ? this.#headingPaths[heading]! : [],
			kind: p.kind,
			text: p.text,
			score: Math.round(score * 1000) / 1000,
			highlights,
			snippet: snippet(p.text, highlights),
			matched
		};
	}
}

/** Occurrences of a term by passage position (0 where it does not occur). */
function countsByPosition(matches: TermMatches, passages: number): Int32Array {
	const counts = new Int32Array(passages);
	for (let k = 0; k < matches.positions.length; k++)
		counts[matches.positions[k]!] = matches.counts[k]!;
	return counts;
}

function includesSorted(sorted: readonly number[], value: number): boolean {
	let lo = 0;
	let hi = sorted.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >>> 1;
		const v = sorted[mid]!;
		if (v === value) return true;
		if (v < value) lo = mid + 1;
		else hi = mid - 1;
	}
	return false;
}

/** Scores are ordered to 1/1000, and all stay below SCORE_CEILING. */
const SCORE_PRECISION = 1000;
const SCORE_CEILING = 10_000;
/** Room for 2^22 passages (4 million) in a sort key; keys stay below 2^53. */
const POSITION_SPAN = 2 ** 22;

/**
 * One non-negative number per result — higher score first, then corpus order — so ranking is a
 * native typed-array sort and the position comes back with one `%`.
 */
function sortKey(score: number, position: number): number {
	const rank = Math.round(Math.min(Math.max(score, 0), SCORE_CEILING) * SCORE_PRECISION);
	return (SCORE_CEILING * SCORE_PRECISION - rank) * POSITION_SPAN + position;
}

function scoreOfKey(key: number): number {
	return (SCORE_CEILING * SCORE_PRECISION - Math.floor(key / POSITION_SPAN)) / SCORE_PRECISION;
}

interface CorpusLayout {
	docPosition: Map<string, number>;
	passageHeading: Int32Array;
	passageDoc: Int32Array;
	headingMembers: number[][];
	docMembers: number[][];
	headingPaths: string[][];
}

/**
 * The search form of each text the three phrase indexes hold, by position: folded all at once to
 * build, one at a time as queries reach them after a load.
 */
function formsOf(corpus: Corpus, layout: CorpusLayout) {
	return {
		passage: (i: number) => searchForm(corpus.passages[i]!.text),
		// Titles are joined with a space so a term never matches across two headings.
		heading: (h: number) => layout.headingPaths[h]!.map((t) => searchForm(t)).join(' '),
		title: (d: number) => searchForm(corpus.documents[d]!.title)
	};
}

/** Where each passage sits: the same for a built and a loaded index. Nothing here folds text. */
function layOut(corpus: Corpus): CorpusLayout {
	const docPosition = new Map(corpus.documents.map((d, i) => [d.id, i]));
	const headingKey = new Map<string, number>();
	const headingPaths: string[][] = [];
	const headingMembers: number[][] = [];
	const docMembers: number[][] = corpus.documents.map(() => []);
	const passageHeading = new Int32Array(corpus.passages.length);
	const passageDoc = new Int32Array(corpus.passages.length);
	const sectionTitles = new Map<string, string>();
	for (const d of corpus.documents) {
		for (const s of d.outline) sectionTitles.set(`${d.id}#${s.id}`, s.title);
	}
	corpus.passages.forEach((p, i) => {
		const doc = docPosition.get(p.docId);
		if (doc === undefined) throw new Error(`passage ${p.id} names unknown document ${p.docId}`);
		passageDoc[i] = doc;
		docMembers[doc]!.push(i);
		if (!p.section) {
			passageHeading[i] = -1;
			return;
		}
		const key = `${p.docId}#${p.section}`;
		let h = headingKey.get(key);
		if (h === undefined) {
			h = headingPaths.length;
			headingKey.set(key, h);
			const path = sectionPath(p.section).map((id) => sectionTitles.get(`${p.docId}#${id}`) ?? '');
			headingPaths.push(path.filter(Boolean));
			headingMembers.push([]);
		}
		passageHeading[i] = h;
		headingMembers[h]!.push(i);
	});
	return {
		docPosition,
		passageHeading,
		passageDoc,
		headingMembers,
		docMembers,
		headingPaths
	};
}

/** `s2.1.3` → [`s2`, `s2.1`, `s2.1.3`]. */
function sectionPath(section: string): string[] {
	const parts = section.slice(1).split('.');
	return parts.map((_, i) => 's' + parts.slice(0, i + 1).join('.'));
}

/** Whether `text` holds `number` (`3%`) not as the end of a longer one (`93%`, `1.3%`). */
function holdsWholeNumber(text: string, number: string): boolean {
	for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
		if (at === 0 || !/[\d.]/u.test(text[at - 1]!)) return true;
	}
	return false;
}

/** Passages whose sentence carries on into the next passage of the same paragraph. */
export function cutsInSentences(passages: readonly Passage[]): number[] {
	const cuts: number[] = [];
	passages.forEach((p, k) => {
		const next = passages[k + 1];
		if (next && continuesParagraph(p, next) && !endsSentence(p.text)) cuts.push(k);
	});
	return cuts;
}

/** No passage matches: what a term's matches across cuts start from when only those count. */
const NO_MATCHES: TermMatches = { positions: [], counts: [], inexact: null };
