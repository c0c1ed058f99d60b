/**
 * The one tokenizer, used to index passages and to parse queries.
 *
 * It reads a search form (see `searchForm` in ../text/fold): Han runs become overlapping character
 * bigrams, every other word stays whole (`it`, `93.4`, `2013`, `oa`). Bigrams are hashed into
 * 2^BIGRAM_BUCKET_BITS buckets, written as two private-use characters.
 *
 * Why buckets: MiniSearch keeps a Map per distinct term, and a million characters of Chinese hold
 * ~280 000 distinct bigrams. Measured on the 1M-character benchmark corpus, exact bigrams cost
 * 2.2 s to load and 400 MB of heap; 16 384 buckets load in 0.3 s with 1/20 of the heap. A bucket
 * mixes a few bigrams, so its postings are a superset — every candidate is confirmed against the
 * passage's search form afterwards, which makes the results exact.
 */
import { FOLD_VERSION, isHanChar } from '../text/fold';

/** 2^14 buckets: the measured optimum between load time (fewer) and query time (more). */
export const BIGRAM_BUCKET_BITS = 14;

/** Bump whenever the terms this produces change: stored indexes are rebuilt. */
export const TOKENIZER_VERSION = `bigram-bucket-${BIGRAM_BUCKET_BITS}.1/fold-${FOLD_VERSION}`;

const BUCKET_BASE = 0xe000;

/** The term a bigram is indexed under. Private-use characters never collide with real words. */
export function bigramTerm(first: number, second: number): string {
	const h = Math.imul((first << 16) ^ second, 0x9e3779b1) >>> (32 - BIGRAM_BUCKET_BITS);
	return String.fromCharCode(BUCKET_BASE + (h >>> 7), BUCKET_BASE + 0x80 + (h & 0x7f));
}

/** Whether an index term stands for a Chinese bigram (as opposed to a whole word). */
export function isBigramTerm(term: string): boolean {
	const c = term.charCodeAt(0);
	return c >= BUCKET_BASE && c < BUCKET_BASE + 0x100;
}

/**
 * The distinct index terms of a search form. Order does not matter to MiniSearch; distinct terms
 * keep postings small, since frequencies are recounted on the confirmed text anyway.
 */
export function indexTerms(form: string): string[] {
	const terms = new Set<string>();
	// A search form is made of space-separated runs, each either one word or a run of Han.
	for (const run of form.split(' ')) {
		if (run.length === 0) continue;
		if (!isHanRun(run)) {
			terms.add(run);
			continue;
		}
		for (let i = 1; i < run.length; i++)
			terms.add(bigramTerm(run.charCodeAt(i - 1), run.charCodeAt(i)));
	}
	return [...terms];
}

/** Astral ideographs arrive as surrogate pairs and are hashed as code units, alike on both sides. */
function isHanRun(run: string): boolean {
	const c = run.charCodeAt(0);
	return (c >= 0xd800 && c <= 0xdfff) || isHanChar(run[0]!);
}
