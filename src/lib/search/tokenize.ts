/**
 * The one tokenizer, used to index passages and to parse queries.
 *
 * It reads a search form (see `searchForm` in ../text/fold): Han runs become overlapping character
 * bigrams, every other word stays whole (`it`, `93.4`, `2013`, `oa`).
 *
 * Bigrams are written as private-use codes, in two kinds, because MiniSearch keeps a Map per
 * distinct term and a million characters of Chinese hold ~370 000 distinct bigrams:
 * - the most frequent bigrams of the corpus (its `Vocabulary`, stored with the index) each get an
 *   exact term: their long posting lists are exact, so a query for one needs no confirmation;
 * - every other bigram is hashed into one of 2^BIGRAM_BUCKET_BITS buckets. A bucket mixes a few
 *   rare bigrams, so its (short) postings are confirmed against the passage's search form.
 * Measured at 1M characters: exact bigrams alone load in 2.2 s with 400 MB of heap; this loads in
 * well under a second with a tenth of the heap.
 *
 * Codes are written with a 16-letter alphabet because MiniSearch's radix tree walks a node's
 * children one by one: small nodes keep `addAll` and `loadJSON` fast.
 */
import { FOLD_VERSION, isHanCode } from '../text/fold';

/** 2^14 buckets for the long tail of rare bigrams. */
export const BIGRAM_BUCKET_BITS = 14;
/** How many of the most frequent bigrams get exact terms (three 4-bit digits). */
export const EXACT_BIGRAMS = 4096;
/** A bigram in fewer passages than this is never worth an exact term. */
export const MIN_EXACT_DOCUMENT_FREQUENCY = 8;

/** Bump whenever the terms this produces change: stored indexes are rebuilt. */
export const TOKENIZER_VERSION = `bigram-vocab-${EXACT_BIGRAMS}-bucket-${BIGRAM_BUCKET_BITS}.3/fold-${FOLD_VERSION}`;

const BUCKET_BASE = 0xe000;
const EXACT_BASE = 0xe010;

let bucketTerms: string[] | null = null;

function bucketTerm(first: number, second: number): string {
	bucketTerms ??= Array.from({ length: 1 << BIGRAM_BUCKET_BITS }, (_, h) =>
		String.fromCharCode(
			BUCKET_BASE + ((h >>> 12) & 15),
			BUCKET_BASE + ((h >>> 8) & 15),
			BUCKET_BASE + ((h >>> 4) & 15),
			BUCKET_BASE + (h & 15)
		)
	);
	return bucketTerms[Math.imul((first << 16) ^ second, 0x9e3779b1) >>> (32 - BIGRAM_BUCKET_BITS)]!;
}

function exactTerm(index: number): string {
	return String.fromCharCode(
		EXACT_BASE + ((index >>> 8) & 15),
		EXACT_BASE + ((index >>> 4) & 15),
		EXACT_BASE + (index & 15)
	);
}

/** Whether an index term stands for a Chinese bigram (as opposed to a whole word). */
export function isBigramTerm(term: string): boolean {
	const c = term.charCodeAt(0);
	return c >= BUCKET_BASE && c < EXACT_BASE + 16;
}

const bigramKey = (first: number, second: number) => first * 0x10000 + second;

/** The corpus's most frequent bigrams, which get exact terms. Stored with the index. */
export class Vocabulary {
	readonly #codes = new Map<number, string>();

	private constructor(
		/** The bigrams, two UTF-16 units each, most frequent first. */
		readonly bigrams: string
	) {
		for (let i = 0; i * 2 < bigrams.length; i++) {
			this.#codes.set(
				bigramKey(bigrams.charCodeAt(2 * i), bigrams.charCodeAt(2 * i + 1)),
				exactTerm(i)
			);
		}
	}

	static readonly empty = new Vocabulary('');

	/** The most frequent bigrams of these search forms (by the number of forms holding them). */
	static of(forms: readonly string[]): Vocabulary {
		// Characters get dense ids so a bigram's key stays a small integer: Map keys beyond V8's
		// small-integer range are heap numbers, and counting a million bigrams with them took ~1 s.
		const ids = new Int32Array(0x10000).fill(-1);
		const chars: number[] = [];
		const id = (c: number) =>
			ids[c]! >= 0 ? ids[c]! : ((ids[c] = chars.length), chars.push(c) - 1);
		const df = new Map<number, number>();
		const lastForm = new Map<number, number>();
		forms.forEach((form, f) => {
			forEachBigram(form, (a, b) => {
				const key = id(a) * 0x10000 + id(b);
				if (lastForm.get(key) === f) return;
				lastForm.set(key, f);
				df.set(key, (df.get(key) ?? 0) + 1);
			});
		});
		const frequent: [number, number][] = [];
		for (const [key, n] of df) if (n >= MIN_EXACT_DOCUMENT_FREQUENCY) frequent.push([key, n]);
		const bigram = (key: number) =>
			String.fromCharCode(chars[Math.floor(key / 0x10000)]!, chars[key % 0x10000]!);
		// Most frequent first; ties in character order, so the vocabulary is deterministic.
		frequent.sort((x, y) => y[1] - x[1] || (bigram(x[0]) < bigram(y[0]) ? -1 : 1));
		return new Vocabulary(
			frequent
				.slice(0, EXACT_BIGRAMS)
				.map(([key]) => bigram(key))
				.join('')
		);
	}

	static parse(bigrams: string): Vocabulary {
		if (
			typeof bigrams !== 'string' ||
			bigrams.length % 2 !== 0 ||
			bigrams.length > 2 * EXACT_BIGRAMS
		) {
			throw new Error('not a bigram vocabulary');
		}
		return new Vocabulary(bigrams);
	}

	/** The term a bigram is indexed under: exact when frequent, its bucket otherwise. */
	term(first: number, second: number): string {
		return this.#codes.get(bigramKey(first, second)) ?? bucketTerm(first, second);
	}

	/** Whether a bigram has an exact term (so its postings need no confirmation). */
	isExact(first: number, second: number): boolean {
		return this.#codes.has(bigramKey(first, second));
	}
}

/**
 * The index terms of a search form. Exact bigram terms repeat once per occurrence, so MiniSearch's
 * term frequency is the bigram's count in the passage; other terms appear once (a bucket's count
 * would mix bigrams anyway, and every match is recounted on the confirmed text).
 */
export function indexTerms(form: string, vocabulary: Vocabulary): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	for (const run of form.split(' ')) {
		if (run.length === 0) continue;
		if (!isHanRun(run)) {
			if (!seen.has(run)) {
				out.push(run);
				seen.add(run);
			}
			continue;
		}
		for (let i = 1; i < run.length; i++) {
			const a = run.charCodeAt(i - 1);
			const b = run.charCodeAt(i);
			const term = vocabulary.term(a, b);
			if (vocabulary.isExact(a, b)) {
				out.push(term);
			} else if (!seen.has(term)) {
				out.push(term);
				seen.add(term);
			}
		}
	}
	return out;
}

/** Calls `fn` with the two code units of every bigram of a search form's Han runs. */
function forEachBigram(form: string, fn: (a: number, b: number) => void): void {
	for (const run of form.split(' ')) {
		if (run.length < 2 || !isHanRun(run)) continue;
		for (let i = 1; i < run.length; i++) fn(run.charCodeAt(i - 1), run.charCodeAt(i));
	}
}

/**
 * Whether a run of a search form is Chinese (its bigrams are indexed) or a word (kept whole).
 * Decided by the first code point, as the folding decided it; astral ideographs then take part
 * in bigrams as code units, alike on both sides.
 */
export function isHanRun(run: string): boolean {
	return isHanCode(run.codePointAt(0) ?? 0);
}
