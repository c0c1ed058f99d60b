/**
 * Highlight ranges in the text a reader sees. Matching happens on the folded search form; each
 * match is mapped back to the original characters, so `辦公業務網` is marked in Traditional text
 * found by `办公业务网`. The UI renders the ranges as text segments, never as HTML.
 */
import { mappedSearchForm } from '../text/fold';

export type Range = [start: number, end: number];

/** Ranges of `text` where any of the needles (search forms) occurs, merged and sorted. */
export function highlightRanges(text: string, needles: readonly string[]): Range[] {
	if (needles.length === 0 || text.length === 0) return [];
	const mapped = mappedSearchForm(text);
	const ranges: Range[] = [];
	for (const needle of needles) {
		const core = needle.trim();
		if (core.length === 0) continue;
		for (let at = mapped.form.indexOf(needle); at >= 0; at = mapped.form.indexOf(needle, at + 1)) {
			// Skip the separating spaces a word needle carries at its ends.
			let a = at;
			let b = at + needle.length;
			while (a < b && mapped.form[a] === ' ') a++;
			while (b > a && mapped.form[b - 1] === ' ') b--;
			if (a < b) ranges.push([mapped.starts[a]!, mapped.ends[b - 1]!]);
		}
	}
	return mergeRanges(ranges);
}

/**
 * Where the first (`start`) or last (`end`) `length` characters of a text's search form lie in the
 * text: the part of a phrase that runs across a passage cut, which a needle search would also find
 * elsewhere in the passage. Null when the form is shorter.
 */
export function formEdgeRange(text: string, length: number, edge: 'start' | 'end'): Range | null {
	const { form, starts, ends } = mappedSearchForm(text);
	let a = 0;
	let b = form.length;
	while (a < b && form[a] === ' ') a++;
	while (b > a && form[b - 1] === ' ') b--;
	if (length <= 0 || b - a < length) return null;
	return edge === 'end' ? [starts[b - length]!, ends[b - 1]!] : [starts[a]!, ends[a + length - 1]!];
}

export function mergeRanges(ranges: Range[]): Range[] {
	const sorted = [...ranges].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
	const out: Range[] = [];
	for (const [a, b] of sorted) {
		const last = out.at(-1);
		if (last && a <= last[1]) last[1] = Math.max(last[1], b);
		else out.push([a, b]);
	}
	return out;
}

/** Characters a snippet shows around its hits. */
export const SNIPPET_LENGTH = 110;
/** How much of the snippet goes before the first hit. */
const SNIPPET_LEAD = 24;
/**
 * The longest hit a snippet stretches past its length to show whole: a term cut at either end
 * ("…息安全") reads as another word. Longer hits (a long phrase) are cut as before.
 */
export const WHOLE_HIT_MAX = 16;

export interface Snippet {
	text: string;
	/** Highlight ranges inside `text`. */
	highlights: Range[];
	/** Where the snippet starts in the passage text. */
	start: number;
	/** Whether text was cut before or after. */
	clippedStart: boolean;
	clippedEnd: boolean;
}

/** A window of the passage around its densest cluster of hits. */
export function snippet(text: string, highlights: readonly Range[]): Snippet {
	if (text.length <= SNIPPET_LENGTH + SNIPPET_LEAD) {
		return { text, highlights: [...highlights], start: 0, clippedStart: false, clippedEnd: false };
	}
	// The window that covers the most highlighted characters, starting a little before a hit.
	let bestStart = 0;
	let bestCover = -1;
	for (const [a] of highlights) {
		const start = Math.max(0, Math.min(a - SNIPPET_LEAD, text.length - SNIPPET_LENGTH));
		const end = start + SNIPPET_LENGTH;
		const cover = highlights.reduce(
			(n, [x, y]) => n + Math.max(0, Math.min(y, end) - Math.max(x, start)),
			0
		);
		if (cover > bestCover) {
			bestCover = cover;
			bestStart = start;
		}
	}
	let end = Math.min(text.length, bestStart + SNIPPET_LENGTH);
	for (const [a, b] of highlights) {
		if (b - a > WHOLE_HIT_MAX) continue;
		if (a < bestStart && bestStart < b) bestStart = a;
		if (a < end && end < b) end = b;
	}
	// Never cut a surrogate pair in two.
	if (isLowSurrogate(text.charCodeAt(bestStart))) bestStart--;
	if (isLowSurrogate(text.charCodeAt(end))) end++;
	return {
		text: text.slice(bestStart, end),
		highlights: highlights
			.filter(([a, b]) => b > bestStart && a < end)
			.map(([a, b]) => [Math.max(a, bestStart) - bestStart, Math.min(b, end) - bestStart]),
		start: bestStart,
		clippedStart: bestStart > 0,
		clippedEnd: end < text.length
	};
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}
