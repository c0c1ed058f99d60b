/**
 * The one folding used on both sides of search: index and query alike.
 *
 * Each code point is folded on its own — NFKC, then to one representative of its Simplified /
 * Traditional variant class, then lower case — so folding a substring gives a substring of the
 * folded text. Phrase-level conversion (OpenCC's default) does not have that property: a phrase
 * rule that fires on a passage but not on a two-character query is exactly how recall collapses.
 *
 * The variant classes come from OpenCC's tables; see `variant-classes.ts`.
 */
import { VARIANT_PAIRS } from './variant-classes';

/** Bump whenever folding or the search form changes: stored indexes are rebuilt. */
export const FOLD_VERSION = 2;

const enum CharClass {
	/** Dropped from the search form: punctuation, white space, symbols. */
	Other = 0,
	/** Ideographs, kana and hangul: matched character by character, indexed as bigrams. */
	Han = 1,
	/** Letters and digits of other scripts: matched as whole words. */
	Word = 2,
	/** Folds to more than one code unit (NFKC expansions): see `foldSpecial`. */
	Special = 3,
	/** Not looked at yet: tables are filled the first time a character is seen. */
	Unknown = 255
}

/**
 * Per BMP code unit: its folded code unit and its class. Filled lazily — a corpus uses a few
 * thousand characters, and folding all 65 536 up front cost ~80 ms in every worker start.
 */
const foldTable = new Uint16Array(0x10000);
const classTable = new Uint8Array(0x10000).fill(CharClass.Unknown);
/** Code units whose folding is more than one code unit. */
const foldSpecial = new Map<number, string>();

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether a code point is matched as part of a Chinese run (ideographs, kana, hangul). */
export function isHanCode(c: number): boolean {
	return (
		(c >= 0x2e80 && c <= 0x2fdf) ||
		(c >= 0x3005 && c <= 0x3007) ||
		(c >= 0x3021 && c <= 0x3029) ||
		(c >= 0x3040 && c <= 0x30ff) ||
		(c >= 0x3400 && c <= 0x4dbf) ||
		(c >= 0x4e00 && c <= 0x9fff) ||
		(c >= 0xac00 && c <= 0xd7af) ||
		(c >= 0xf900 && c <= 0xfaff) ||
		(c >= 0x20000 && c <= 0x3ffff)
	);
}

function classify(ch: string): CharClass {
	const c = ch.codePointAt(0)!;
	if (isHanCode(c)) return CharClass.Han;
	return WORD_CHAR.test(ch) ? CharClass.Word : CharClass.Other;
}

let variantFold: Map<string, string> | null = null;

/** Each character of a variant class → the class's representative (see variant-classes.ts). */
function variants(): Map<string, string> {
	if (variantFold) return variantFold;
	const map = new Map<string, string>();
	const pairs = [...VARIANT_PAIRS];
	for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i]!, pairs[i + 1]!);
	return (variantFold = map);
}

function foldSlow(ch: string): string {
	const map = variants();
	let out = '';
	for (const c of ch.normalize('NFKC')) out += map.get(c) ?? c;
	return out.toLowerCase();
}

/** Fills the tables for one code unit and returns its class. */
function learn(c: number): CharClass {
	if (c >= 0xd800 && c <= 0xdfff) {
		foldTable[c] = c;
		return (classTable[c] = CharClass.Special);
	}
	const folded = foldSlow(String.fromCharCode(c));
	if (folded.length === 1) {
		foldTable[c] = folded.charCodeAt(0);
		return (classTable[c] = classify(folded));
	}
	foldTable[c] = c;
	foldSpecial.set(c, folded);
	return (classTable[c] = CharClass.Special);
}

function classOf(c: number): CharClass {
	const known = classTable[c]!;
	return known === CharClass.Unknown ? learn(c) : known;
}

/** Folds a whole string: NFKC, Traditional → Simplified by character, lower case. */
export function fold(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			out += foldSlow(String.fromCodePoint(text.codePointAt(i)!));
			i++;
		} else if (classOf(c) === CharClass.Special) {
			out += foldSpecial.get(c) ?? String.fromCharCode(c);
		} else {
			out += String.fromCharCode(foldTable[c]!);
		}
	}
	return out;
}

/**
 * The search form of a text: folded, with punctuation and spaces dropped, Han characters kept
 * side by side and every other word set off by single spaces (` it 产业`). A query matches a
 * passage when the query's search form is a substring of the passage's: Chinese phrases match
 * across the punctuation our repairs restored, while `97` does not match inside `1997`.
 */
export function searchForm(text: string): string {
	return build(text, false).form;
}

export interface MappedSearchForm {
	form: string;
	/** For each character of `form`, the offset in the original text where it came from. */
	starts: Int32Array;
	/** For each character of `form`, the offset just after the original code point. */
	ends: Int32Array;
}

/** The search form with a map back to the original text, for highlighting. */
export function mappedSearchForm(text: string): MappedSearchForm {
	return build(text, true) as MappedSearchForm;
}

function build(
	text: string,
	withMap: boolean
): { form: string; starts?: Int32Array; ends?: Int32Array } {
	const table = foldTable;
	const n = text.length;
	// Worst case: every character a one-letter word, each with a space on both sides.
	const capacity = 3 * n + 8;
	const out = new Uint16Array(capacity);
	const starts = withMap ? new Int32Array(capacity) : null;
	const ends = withMap ? new Int32Array(capacity) : null;
	let len = 0;
	let inWord = false;
	let lastWasDigit = false;
	const SPACE = 0x20;
	const put = (code: number, start: number, end: number) => {
		if (starts && ends) {
			starts[len] = start;
			ends[len] = end;
		}
		out[len++] = code;
	};
	for (let i = 0; i < n;) {
		const c = text.charCodeAt(i);
		const special = c >= 0xd800 && c <= 0xdbff && i + 1 < n;
		const kind = special ? CharClass.Special : classOf(c);
		if (kind !== CharClass.Special) {
			// Fast path: one BMP code unit folding to one code unit.
			const f = table[c]!;
			if (kind === CharClass.Word) {
				if (!inWord && (len === 0 || out[len - 1] !== SPACE)) put(SPACE, i, i);
				put(f, i, i + 1);
				inWord = true;
				lastWasDigit = f >= 0x30 && f <= 0x39;
			} else if (kind === CharClass.Han) {
				if (inWord) put(SPACE, i, i);
				put(f, i, i + 1);
				inWord = false;
				lastWasDigit = false;
			} else if (f === 0x2e && inWord && lastWasDigit && isDigitAt(text, i + 1, table)) {
				// The decimal point of `93.4` stays inside its number.
				put(f, i, i + 1);
				lastWasDigit = false;
			} else {
				if (inWord) put(SPACE, i, i);
				inWord = false;
				lastWasDigit = false;
			}
			i++;
			continue;
		}
		const width = special ? 2 : 1;
		const folded = special
			? foldSlow(String.fromCodePoint(text.codePointAt(i)!))
			: (foldSpecial.get(c) ?? String.fromCharCode(c));
		const end = i + width;
		for (const ch of folded) {
			const code = ch.codePointAt(0)!;
			const kind = classify(ch);
			if (kind === CharClass.Other) {
				if (inWord) put(SPACE, i, i);
				inWord = false;
				lastWasDigit = false;
				continue;
			}
			if (kind === CharClass.Word && !inWord && (len === 0 || out[len - 1] !== SPACE))
				put(SPACE, i, i);
			if (kind === CharClass.Han && inWord) put(SPACE, i, i);
			// Astral characters take two code units; both map back to the same source range.
			for (let k = 0; k < ch.length; k++) put(ch.charCodeAt(k), i, end);
			inWord = kind === CharClass.Word;
			lastWasDigit = code >= 0x30 && code <= 0x39;
		}
		i = end;
	}
	if (inWord) put(SPACE, n, n);
	let form = '';
	const CHUNK = 8192;
	for (let at = 0; at < len; at += CHUNK) {
		form += String.fromCharCode.apply(
			null,
			out.subarray(at, Math.min(len, at + CHUNK)) as unknown as number[]
		);
	}
	return withMap ? { form, starts: starts!.slice(0, len), ends: ends!.slice(0, len) } : { form };
}

function isDigitAt(text: string, at: number, table: Uint16Array): boolean {
	if (at >= text.length) return false;
	const c = text.charCodeAt(at);
	if (classOf(c) === CharClass.Special) return false;
	const f = table[c]!;
	return f >= 0x30 && f <= 0x39;
}

/** Whether a folded character is matched as part of a Chinese run (ideographs, kana, hangul). */
export function isHanChar(ch: string): boolean {
	return isHanCode(ch.codePointAt(0) ?? 0);
}
