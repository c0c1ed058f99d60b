/**
 * A bookmark is the reader's own work: a passage or a span of it, with their note and tags. The
 * record keeps enough to find the text again after the corpus changes (passage id, range, the
 * exact quote and its context) and enough to cite it even when it cannot be found (title, source).
 */

/** Characters of context kept on each side of the quote. */
export const CONTEXT_LENGTH = 32;

export const LIMITS = {
	id: 128,
	passageId: 64,
	docId: 128,
	title: 500,
	source: 300,
	quote: 5000,
	context: 200,
	note: 20_000,
	tags: 32,
	tag: 64,
	corpusHash: 64
} as const;

/** A whole passage, or a span the reader selected inside one. */
export type Scope = 'passage' | 'span';

export interface Bookmark {
	/** Random (`crypto.randomUUID()`): two tabs or two devices never pick the same one. */
	id: string;
	passageId: string;
	docId: string;
	/** The raw source file: the provenance a citation needs. */
	source: string;
	/** The document's title when the bookmark was made. */
	title: string;
	scope: Scope;
	/** `[start, end)` in the passage text when the bookmark was made. */
	range: [number, number];
	/** The passage text in `range`, exactly. */
	quote: string;
	/** Up to CONTEXT_LENGTH characters before and after the quote inside the passage. */
	prefix: string;
	suffix: string;
	note: string;
	tags: string[];
	/** Milliseconds since the epoch. */
	createdAt: number;
	updatedAt: number;
	/** Bumped by every stored write: a tab writes only over the revision it read. */
	revision: number;
	/** The corpus the bookmark was made against. */
	corpusHash: string;
}

/** The passage a bookmark is made from. */
export interface PassageSource {
	passageId: string;
	docId: string;
	source: string;
	title: string;
	/** The passage's full text. */
	text: string;
}

export interface NewBookmark extends PassageSource {
	/** A span `[start, end)` of `text`; the whole passage when absent. */
	span?: [number, number];
	note?: string;
	tags?: readonly string[];
}

export interface Anchor {
	range: [number, number];
	quote: string;
	prefix: string;
	suffix: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Never cut between the two halves of a character outside the Basic Multilingual Plane. */
function safeCut(text: string, at: number, direction: -1 | 1): number {
	if (at <= 0 || at >= text.length) return Math.max(0, Math.min(text.length, at));
	return isHighSurrogate(text.charCodeAt(at - 1)) ? at + direction : at;
}

/** The quote at `[start, end)` of `text` with its context, offsets clamped into the text. */
export function anchorIn(text: string, start: number, end: number): Anchor {
	const a = safeCut(text, Math.max(0, Math.min(start, text.length)), -1);
	const b = safeCut(text, Math.max(a, Math.min(end, text.length)), 1);
	return {
		range: [a, b],
		quote: text.slice(a, b),
		prefix: text.slice(safeCut(text, Math.max(0, a - CONTEXT_LENGTH), 1), a),
		suffix: text.slice(b, safeCut(text, Math.min(text.length, b + CONTEXT_LENGTH), -1))
	};
}

/**
 * Tags as the reader typed them: trimmed, inner white space collapsed, no empties, no repeats
 * (compared case-insensitively), at most LIMITS.tags of at most LIMITS.tag characters.
 */
export function normalizeTags(tags: readonly string[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of tags) {
		const tag = raw.normalize('NFC').replace(/\s+/gu, ' ').trim().slice(0, LIMITS.tag).trim();
		const key = tag.toLowerCase();
		if (!tag || seen.has(key)) continue;
		seen.add(key);
		out.push(tag);
		if (out.length === LIMITS.tags) break;
	}
	return out;
}

/** Splits what was typed in the tags field: commas (either width), 、, semicolons or new lines. */
export function parseTags(input: string): string[] {
	return normalizeTags(input.split(/[,，、;；\n]/u));
}

export function normalizeNote(note: string): string {
	return note.replace(/\r\n?/gu, '\n').slice(0, LIMITS.note);
}

export function createBookmark(
	input: NewBookmark,
	context: { id: string; now: number; corpusHash: string }
): Bookmark {
	const [start, end] = input.span ?? [0, input.text.length];
	const anchor = anchorIn(input.text, start, end);
	return {
		id: context.id,
		passageId: input.passageId,
		docId: input.docId,
		source: input.source,
		title: input.title,
		scope: input.span ? 'span' : 'passage',
		...anchor,
		note: normalizeNote(input.note ?? ''),
		tags: normalizeTags(input.tags ?? []),
		createdAt: context.now,
		updatedAt: context.now,
		revision: 1,
		corpusHash: context.corpusHash
	};
}

/** The same place in the same passage: a second bookmark there would be a duplicate. */
export function anchorKey(b: Pick<Bookmark, 'passageId' | 'scope' | 'range' | 'quote'>): string {
	return `${b.passageId}\u0000${b.scope}\u0000${b.range[0]}-${b.range[1]}\u0000${b.quote}`;
}

/** What the reader can change. */
export interface BookmarkEdit {
	note: string;
	tags: string[];
}
