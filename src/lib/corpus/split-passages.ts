/**
 * Cuts a paragraph into passages a reader would quote: the whole paragraph when it is short, or a
 * few whole sentences at a time. A passage is never longer than `MAX_PASSAGE` unless one sentence
 * is, and then it is cut at a clause break; a cut never falls inside a number.
 */
import type { TrackedText } from '../text/tracked-text';

/** The longest passage we make from whole sentences. */
export const MAX_PASSAGE = 300;

/** After these a sentence ends (closing quotes and brackets stay with their sentence). */
const SENTENCE_END = /[。！？!?]+[”’」』)）]*/gu;
/** A sentence end closing a text: see `endsSentence`. */
const SENTENCE_END_AT_END = new RegExp(`(?:${SENTENCE_END.source})\\s*$`, 'u');
/** Clause breaks for sentences longer than a passage. */
const CLAUSE_END = /[,，;；:：、]/gu;

export function splitPassages(paragraph: TrackedText): TrackedText[] {
	const text = paragraph.text;
	if (text.length <= MAX_PASSAGE) return [paragraph];
	const sentenceCuts = cutsAfter(text, SENTENCE_END);
	const units = unitsBetween(text.length, sentenceCuts).flatMap(([a, b]) =>
		b - a <= MAX_PASSAGE ? [[a, b] as const] : clauseUnits(text, a, b)
	);
	// Balanced greedy packing: aim for equal passages, never above MAX_PASSAGE.
	const count = Math.ceil(text.length / MAX_PASSAGE);
	const target = text.length / count;
	const passages: TrackedText[] = [];
	let start = units[0]?.[0] ?? 0;
	let end = start;
	for (const [a, b] of units) {
		const wouldBe = b - start;
		if (end > start && (wouldBe > MAX_PASSAGE || end - start >= target)) {
			passages.push(paragraph.slice(start, end).trim());
			start = a;
		}
		end = b;
	}
	if (end > start) passages.push(paragraph.slice(start, end).trim());
	return passages.filter((p) => p.length > 0);
}

/**
 * Whether a passage ends where its sentence does. Of two passages cut from one paragraph, the first
 * ends otherwise only when a sentence longer than a passage was cut at a clause break.
 */
export function endsSentence(text: string): boolean {
	return SENTENCE_END_AT_END.test(text);
}

function cutsAfter(text: string, pattern: RegExp): number[] {
	const cuts: number[] = [];
	for (const m of text.matchAll(pattern)) cuts.push(m.index + m[0].length);
	return cuts;
}

function unitsBetween(length: number, cuts: number[]): [number, number][] {
	const units: [number, number][] = [];
	let at = 0;
	for (const c of cuts) {
		if (c > at) units.push([at, c]);
		at = c;
	}
	if (at < length) units.push([at, length]);
	return units;
}

/** A sentence longer than a passage, cut at clause breaks into pieces of at most MAX_PASSAGE. */
function clauseUnits(text: string, a: number, b: number): (readonly [number, number])[] {
	const sentence = text.slice(a, b);
	// `24,400`: a comma between digits belongs to the number.
	const cuts = cutsAfter(sentence, CLAUSE_END)
		.filter((c) => !(/\d/u.test(sentence[c - 2] ?? '') && /\d/u.test(sentence[c] ?? '')))
		.map((c) => a + c);
	// A clause with no break at all is kept whole rather than cut inside a word.
	return unitsBetween(b, [a, ...cuts]).filter(([x]) => x >= a);
}
