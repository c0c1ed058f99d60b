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
 * - every other bigram is hashed into one of 2^8…2^14 buckets (by corpus size). A bucket mixes a few
 *   rare bigrams, so its (short) postings are confirmed against the passage's search form.
 * Measured at 1M characters: exact bigrams alone load in 2.2 s with 400 MB of heap; this loads in
 * well under a second with a tenth of the heap.
 *
 * Codes are written with a 16-letter alphabet because MiniSearch's radix tree walks a node's
 * children one by one: small nodes keep `addAll` and `loadJSON` fast.
 */
import { FOLD_VERSION, isHanCode } from '../text/fold';

/**
 * Buckets for the long tail of rare bigrams: 2^14 from about a million characters on, fewer for
 * smaller corpora (one bucket per ~64 characters, at least 2^8). Every term costs MiniSearch a
 * Map to build and to load; a 16 000-character corpus spread over 16 384 buckets loads slower
 * than it builds.
 */
export const MAX_BUCKET_BITS = 14;
export const MIN_BUCKET_BITS = 8;
const CHARACTERS_PER_BUCKET = 64;
/** How many of the most frequent bigrams get exact terms (three 4-bit digits). */
export const EXACT_BIGRAMS = 4096;
/** A bigram in fewer passages than this (of the sample) is never worth an exact term. */
export const MIN_EXACT_DOCUMENT_FREQUENCY = 8;
/**
 * Characters of search forms the vocabulary is counted on, taken from passages spread evenly
 * over the corpus: frequent bigrams are frequent in any large sample, and the vocabulary only
 * decides which bigrams get exact terms — results are exact either way. Keeps building cheap at
 * any corpus size.
 */
export const VOCABULARY_SAMPLE = 250_000;

/** Bump whenever the terms this produces change: stored indexes are rebuilt. */
export const TOKENIZER_VERSION = `bigram-vocab-${EXACT_BIGRAMS}-buckets-${MIN_BUCKET_BITS}-${MAX_BUCKET_BITS}.4/fold-${FOLD_VERSION}`;

const BUCKET_BASE = 0xe000;
const EXACT_BASE = 0xe010;

/** Bucket terms by bucket count, made once: four 4-bit digits each. */
const bucketTermTables = new Map<number, string[]>();

function bucketTerms(bits: number): string[] {
	let table = bucketTermTables.get(bits);
	if (!table) {
		table = Array.from({ length: 1 << bits }, (_, h) =>
			String.fromCharCode(
				BUCKET_BASE + ((h >>> 12) & 15),
				BUCKET_BASE + ((h >>> 8) & 15),
				BUCKET_BASE + ((h >>> 4) & 15),
				BUCKET_BASE + (h & 15)
			)
		);
		bucketTermTables.set(bits, table);
	}
	return table;
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

	readonly #buckets: string[];

	private constructor(
		/** The bigrams, two UTF-16 units each, most frequent first. */
		readonly bigrams: string,
		/** log2 of the number of buckets for the other bigrams. */
		readonly bucketBits: number
	) {
		this.#buckets = bucketTerms(bucketBits);
		for (let i = 0; i * 2 < bigrams.length; i++) {
			this.#codes.set(
				bigramKey(bigrams.charCodeAt(2 * i), bigrams.charCodeAt(2 * i + 1)),
				exactTerm(i)
			);
		}
	}

	/** The most frequent bigrams of these search forms (by the number of forms holding them). */
	static of(forms: readonly string[]): Vocabulary {
		const table = new BigramCounts();
		const total = forms.reduce((n, f) => n + f.length, 0);
		const bucketBits = Math.min(
			MAX_BUCKET_BITS,
			Math.max(MIN_BUCKET_BITS, Math.round(Math.log2(Math.max(1, total / CHARACTERS_PER_BUCKET))))
		);
		const stride = Math.max(1, Math.round(total / VOCABULARY_SAMPLE));
		const minimum = Math.max(2, Math.round(MIN_EXACT_DOCUMENT_FREQUENCY / stride));
		for (let f = 0; f < forms.length; f += stride) {
			forEachBigram(forms[f]!, (a, b) => table.count(a * 0x10000 + b, f));
		}
		const frequent = table.atLeast(stride === 1 ? MIN_EXACT_DOCUMENT_FREQUENCY : minimum);
		// Most frequent first; ties by code, so the vocabulary is deterministic.
		frequent.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
		return new Vocabulary(
			frequent
				.slice(0, EXACT_BIGRAMS)
				.map(([key]) => String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000))
				.join(''),
			bucketBits
		);
	}

	static parse(bigrams: string, bucketBits: number): Vocabulary {
		if (
			typeof bigrams !== 'string' ||
			bigrams.length % 2 !== 0 ||
			bigrams.length > 2 * EXACT_BIGRAMS ||
			!Number.isInteger(bucketBits) ||
			bucketBits < MIN_BUCKET_BITS ||
			bucketBits > MAX_BUCKET_BITS
		) {
			throw new Error('not a bigram vocabulary');
		}
		return new Vocabulary(bigrams, bucketBits);
	}

	/** The term a bigram is indexed under: exact when frequent, its bucket otherwise. */
	term(first: number, second: number): string {
		return (
			this.#codes.get(bigramKey(first, second)) ??
			this.#buckets[Math.imul((first << 16) ^ second, 0x9e3779b1) >>> (32 - this.bucketBits)]!
		);
	}

	/** Whether a bigram has an exact term (so its postings need no confirmation). */
	isExact(first: number, second: number): boolean {
		return this.#codes.has(bigramKey(first, second));
	}
}

/**
 * Document frequencies of bigrams in an open-addressing table of typed arrays: a million-character
 * corpus has ~370 000 distinct bigrams, and a Map keyed by numbers above V8's small-integer range
 * spent ~1 s counting them.
 */
class BigramCounts {
	#bits = 16;
	#keys = new Float64Array(1 << 16).fill(-1);
	#counts = new Int32Array(1 << 16);
	#lastForm = new Int32Array(1 << 16);
	#size = 0;

	/** Counts `key` for form `form`, once per form (forms arrive in order). */
	count(key: number, form: number): void {
		let slot = this.#slot(key);
		if (this.#keys[slot] === -1) {
			if ((this.#size + 1) * 2 > this.#keys.length) {
				this.#grow();
				slot = this.#slot(key);
			}
			this.#keys[slot] = key;
			this.#lastForm[slot] = -1;
			this.#size++;
		}
		if (this.#lastForm[slot] === form) return;
		this.#lastForm[slot] = form;
		this.#counts[slot]!++;
	}

	/** [key, count] of every bigram counted at least `min` times. */
	atLeast(min: number): [number, number][] {
		const out: [number, number][] = [];
		for (let i = 0; i < this.#keys.length; i++) {
			if (this.#keys[i] !== -1 && this.#counts[i]! >= min)
				out.push([this.#keys[i]!, this.#counts[i]!]);
		}
		return out;
	}

	#slot(key: number): number {
		const mask = this.#keys.length - 1;
		// The high bits of a multiplicative hash: the low ones depend only on the second character.
		let slot = Math.imul(key | 0, 0x9e3779b1) >>> (32 - this.#bits);
		while (this.#keys[slot] !== -1 && this.#keys[slot] !== key) slot = (slot + 1) & mask;
		return slot;
	}

	#grow(): void {
		const keys = this.#keys;
		const counts = this.#counts;
		const lastForm = this.#lastForm;
		this.#bits++;
		this.#keys = new Float64Array(keys.length * 2).fill(-1);
		this.#counts = new Int32Array(keys.length * 2);
		this.#lastForm = new Int32Array(keys.length * 2);
		for (let i = 0; i < keys.length; i++) {
			if (keys[i] === -1) continue;
			const slot = this.#slot(keys[i]!);
			this.#keys[slot] = keys[i]!;
			this.#counts[slot] = counts[i]!;
			this.#lastForm[slot] = lastForm[i]!;
		}
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
