/**
 * Search over the corpus: the pure core the worker, the command line and the tests all use.
 *
 * A passage matches when every query term occurs in its text, its section headings or its
 * document's title, and at least one occurs in its text (so `河南 社会保障` finds the Henan
 * report's social-security passage, while `电子政务` alone does not return every passage of a
 * document whose title mentions it).
 */
import type { AsPlainObject } from 'minisearch';
import type { Corpus, CorpusDocument, Passage, PassageKind } from '../corpus/types';
import { searchForm } from '../text/fold';
import { checkFormat, currentFormat, IndexFormatMismatch, type IndexFormat } from './index-format';
import { highlightRanges, snippet, type Range, type Snippet } from './highlight';
import { PhraseIndex, type TermMatches } from './phrase-index';
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
	passages: AsPlainObject;
	headings: AsPlainObject;
	titles: AsPlainObject;
}

/** How one query term matched: in passage texts, in heading paths, in document titles. */
interface TermHits {
	term: QueryTerm;
	text: TermMatches;
	headings: TermMatches;
	titles: TermMatches;
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
	readonly #formLengths: Int32Array;
	/** 1 for title, front and heading passages: signposts rank below the text they announce. */
	readonly #signposts: Uint8Array;

	private constructor(
		readonly corpus: Corpus,
		readonly passageIndex: PhraseIndex,
		readonly headingIndex: PhraseIndex,
		readonly titleIndex: PhraseIndex,
		layout: CorpusLayout
	) {
		this.#passages = corpus.passages;
		this.#documents = corpus.documents;
		this.#docPosition = layout.docPosition;
		this.#passageHeading = layout.passageHeading;
		this.#passageDoc = layout.passageDoc;
		this.#headingMembers = layout.headingMembers;
		this.#docMembers = layout.docMembers;
		this.#headingPaths = layout.headingPaths;
		this.#formLengths = Int32Array.from(layout.passageForms, (f) => f.length);
		this.#signposts = Uint8Array.from(corpus.passages, (p) =>
			p.kind === 'text' || p.kind === 'byline' ? 0 : 1
		);
	}

	/** Builds the index for a corpus. */
	static build(corpus: Corpus): SearchIndex {
		const layout = layOut(corpus);
		return new SearchIndex(
			corpus,
			PhraseIndex.build(layout.passageForms),
			PhraseIndex.build(layout.headingForms),
			PhraseIndex.build(layout.titleForms),
			layout
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
			return new SearchIndex(
				corpus,
				PhraseIndex.load(data.passages, layout.passageForms),
				PhraseIndex.load(data.headings, layout.headingForms),
				PhraseIndex.load(data.titles, layout.titleForms),
				layout
			);
		} catch (e) {
			throw new IndexFormatMismatch(`the stored index cannot be read: ${(e as Error).message}`);
		}
	}

	toJSON(): SerializedSearchIndex {
		return {
			format: currentFormat(this.corpus.hash),
			passages: this.passageIndex.toJSON(),
			headings: this.headingIndex.toJSON(),
			titles: this.titleIndex.toJSON()
		};
	}

	get passageCount(): number {
		return this.#passages.length;
	}

	search(query: string, options: SearchOptions = {}): SearchResults {
		const hits = this.#termHits(query);
		if (hits.length === 0) return { query, terms: [], total: 0, byDocument: {}, results: [] };
		const ranked = this.#rank(hits);
		const byDocument: Record<string, number> = {};
		for (const position of ranked.positions) {
			const docId = this.#passages[position]!.docId;
			byDocument[docId] = (byDocument[docId] ?? 0) + 1;
		}
		let order = ranked.positions;
		if (options.docIds) {
			const wanted = new Set(options.docIds);
			order = order.filter((position) => wanted.has(this.#passages[position]!.docId));
		}
		const offset = Math.max(0, options.offset ?? 0);
		const limit = Math.max(0, options.limit ?? order.length);
		return {
			query,
			terms: hits.map((h) => h.term.text),
			total: order.length,
			byDocument,
			results: order
				.slice(offset, offset + limit)
				.map((position) => this.#hit(position, ranked.scores.get(position)!, hits))
		};
	}

	/** Positions of every matching passage, best first: what `search` pages through. */
	rankedPositions(query: string): number[] {
		return this.#rank(this.#termHits(query)).positions;
	}

	/**
	 * Highlight ranges of the query's terms in every passage of a document that holds one: what the
	 * reader marks when a result is opened in context. Passage id → ranges.
	 */
	highlightDocument(docId: string, query: string): Record<string, Range[]> {
		const needles = parseQuery(query).map((t) => t.relaxed);
		const doc = this.#docPosition.get(docId);
		const out: Record<string, Range[]> = {};
		if (doc === undefined || needles.length === 0) return out;
		for (const position of this.#docMembers[doc]!) {
			const p = this.#passages[position]!;
			const ranges = highlightRanges(p.text, needles);
			if (ranges.length > 0) out[p.id] = ranges;
		}
		return out;
	}

	/**
	 * For a query of several terms, how many passages each term leaves out: shown when nothing
	 * matches all of them ("without 「X」: 12 passages").
	 */
	suggestWithout(query: string): { without: string; total: number }[] {
		const terms = parseQuery(query);
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

	#termHits(query: string): TermHits[] {
		return parseQuery(query).map((term) => ({
			term,
			text: this.passageIndex.find(term),
			headings: this.headingIndex.find(term),
			titles: this.titleIndex.find(term)
		}));
	}

	/** Scores every passage that has each term in its text, headings or title, and one in its text. */
	#rank(hits: TermHits[]): { positions: number[]; scores: Map<number, number> } {
		const scores = new Map<number, number>();
		if (hits.length === 0) return { positions: [], scores };
		const phrase = hits
			.map((h) => h.term.form)
			.join('')
			.replace(/ {2,}/gu, ' ');
		const lengths = hits.map((h) => h.term.form.trim().length);
		const formLengths = this.#formLengths;
		const signposts = this.#signposts;
		const found: number[] = [];
		const foundScores: number[] = [];
		for (const position of this.#candidates(hits)) {
			const heading = this.#passageHeading[position]!;
			const doc = this.#passageDoc[position]!;
			let termsInText = 0;
			let termsInHeading = 0;
			let termsInTitle = 0;
			let matchedChars = 0;
			let inexactTerms = 0;
			let missing = false;
			for (let k = 0; k < hits.length; k++) {
				const h = hits[k]!;
				const count = h.text.counts.get(position);
				const inHeading =
					heading >= 0 && h.headings.counts.size > 0 && h.headings.counts.has(heading);
				const inTitle = h.titles.counts.size > 0 && h.titles.counts.has(doc);
				if (count === undefined && !inHeading && !inTitle) {
					missing = true;
					break;
				}
				if (count !== undefined) {
					termsInText++;
					matchedChars += count * lengths[k]!;
					if (h.text.inexact.size > 0 && h.text.inexact.has(position)) inexactTerms++;
				}
				if (inHeading) termsInHeading++;
				if (inTitle) termsInTitle++;
			}
			if (missing || termsInText === 0) continue;
			found.push(position);
			foundScores.push(
				rankScore({
					termsInText,
					termsInHeading,
					termsInTitle,
					exactPhrase: hits.length === 1 || this.passageIndex.forms[position]!.includes(phrase),
					matchedChars,
					formLength: formLengths[position]!,
					inexactTerms,
					signpost: signposts[position] === 1
				})
			);
		}
		// One numeric key per result — higher score first, then corpus order — so the sort is a native
		// typed-array sort instead of a comparator call per comparison. Scores are kept to 1e-6.
		const keys = new Float64Array(found.length);
		for (let k = 0; k < found.length; k++) {
			keys[k] = -Math.round(foundScores[k]! * SCORE_PRECISION) * POSITION_SPAN + found[k]!;
		}
		keys.sort();
		const positions = Array.from(
			keys,
			(key) => ((key % POSITION_SPAN) + POSITION_SPAN) % POSITION_SPAN
		);
		for (let k = 0; k < found.length; k++) scores.set(found[k]!, foundScores[k]!);
		return { positions, scores };
	}

	/** The passages of the most selective term; every other term then filters them. */
	#candidates(hits: TermHits[]): Iterable<number> {
		let best: TermHits | null = null;
		let bestSize = Infinity;
		for (const h of hits) {
			let size = h.text.counts.size;
			for (const k of h.headings.counts.keys()) size += this.#headingMembers[k]!.length;
			for (const d of h.titles.counts.keys()) size += this.#docMembers[d]!.length;
			if (size < bestSize) {
				bestSize = size;
				best = h;
			}
		}
		if (!best) return [];
		if (best.headings.counts.size === 0 && best.titles.counts.size === 0) {
			return best.text.counts.keys();
		}
		const set = new Set<number>(best.text.counts.keys());
		for (const k of best.headings.counts.keys())
			for (const p of this.#headingMembers[k]!) set.add(p);
		for (const d of best.titles.counts.keys()) for (const p of this.#docMembers[d]!) set.add(p);
		return set;
	}

	#hit(position: number, score: number, hits: TermHits[]): SearchHit {
		const p = this.#passages[position]!;
		const doc = this.#documents[this.#docPosition.get(p.docId)!]!;
		const heading = this.#passageHeading[position]!;
		const needles: string[] = [];
		const matched: SearchHit['matched'] = { text: [], headings: [], title: [] };
		for (const h of hits) {
			if (h.text.counts.has(position)) {
				matched.text.push(h.term.text);
				const words = h.text.inexact.get(position);
				if (words && words.length > 0) for (const w of words) needles.push(` ${w} `);
				else needles.push(h.term.relaxed);
			}
			if (heading >= 0 && h.headings.counts.has(heading)) matched.headings.push(h.term.text);
			if (h.titles.counts.has(this.#passageDoc[position]!)) matched.title.push(h.term.text);
		}
		const highlights = highlightRanges(p.text, needles);
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

/** Scores are compared to six decimals when ordering results. */
const SCORE_PRECISION = 1e6;
/** Room for 2^22 passages (4 million) in a sort key; scores stay far below 2^53 / 2^22 / 1e6. */
const POSITION_SPAN = 2 ** 22;

interface CorpusLayout {
	passageForms: string[];
	headingForms: string[];
	titleForms: string[];
	docPosition: Map<string, number>;
	passageHeading: Int32Array;
	passageDoc: Int32Array;
	headingMembers: number[][];
	docMembers: number[][];
	headingPaths: string[][];
}

/** Everything derived from the corpus alone: the same for a built and a loaded index. */
function layOut(corpus: Corpus): CorpusLayout {
	const docPosition = new Map(corpus.documents.map((d, i) => [d.id, i]));
	const headingKey = new Map<string, number>();
	const headingForms: string[] = [];
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
			h = headingForms.length;
			headingKey.set(key, h);
			const path = sectionPath(p.section).map((id) => sectionTitles.get(`${p.docId}#${id}`) ?? '');
			headingPaths.push(path.filter(Boolean));
			// Titles are joined with a space so a term never matches across two headings.
			headingForms.push(path.map((t) => searchForm(t)).join(' '));
			headingMembers.push([]);
		}
		passageHeading[i] = h;
		headingMembers[h]!.push(i);
	});
	return {
		passageForms: corpus.passages.map((p) => searchForm(p.text)),
		headingForms,
		titleForms: corpus.documents.map((d) => searchForm(d.title)),
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
