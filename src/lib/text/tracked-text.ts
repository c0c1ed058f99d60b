/**
 * Text that remembers where every character came from.
 *
 * Every repair the corpus build makes goes through `replace`, so the cleaned text of a passage can
 * always be turned back into the exact slice of the raw file it came from (`toRaw`). That is what
 * makes the repairs reviewable and lets the reader show them against the raw text.
 */

/** Why a span of cleaned text differs from the raw file. */
export type RepairKind =
	/** A pinyin reading after a character, `業(yè)` → `業`. */
	| 'gloss'
	/** A `%` restored where the flattening left only `.`. */
	| 'percent'
	/** A clause or sentence break (，。、) restored from a flattened `.`. */
	| 'punctuation'
	/** Full-width letters and digits folded, CJK punctuation given its full-width form. */
	| 'width'
	/** A heading marker or the mark after a run-in heading, moved out of the running text. */
	| 'heading'
	/** White space trimmed or collapsed. */
	| 'space';

/** One difference from the raw text: `text[start, end)` was `raw` in the source. */
export type Edit = [start: number, end: number, raw: string, kind: RepairKind];

interface Piece {
	text: string;
	raw: string;
	/** Offset of `raw` in the source file (UTF-16 code units). */
	rawStart: number;
	/** null for text copied unchanged from the source. */
	kind: RepairKind | null;
}

export class TrackedText {
	readonly #pieces: readonly Piece[];
	readonly text: string;

	private constructor(pieces: readonly Piece[]) {
		this.#pieces = pieces.filter((p) => p.text.length > 0 || p.raw.length > 0);
		this.text = this.#pieces.map((p) => p.text).join('');
	}

	/** Text copied verbatim from `source[rawStart, rawStart + raw.length)`. */
	static fromRaw(raw: string, rawStart: number): TrackedText {
		return new TrackedText([{ text: raw, raw, rawStart, kind: null }]);
	}

	get length(): number {
		return this.text.length;
	}

	/** The raw source range this text covers, `[start, end)`. */
	get rawRange(): [number, number] {
		const first = this.#pieces[0];
		const last = this.#pieces.at(-1);
		if (!first || !last) return [0, 0];
		return [first.rawStart, last.rawStart + last.raw.length];
	}

	/** The exact raw source text this was made from. */
	toRaw(): string {
		return this.#pieces.map((p) => p.raw).join('');
	}

	/** The repairs, in text order, with offsets into `text`. */
	edits(): Edit[] {
		const out: Edit[] = [];
		let at = 0;
		for (const p of this.#pieces) {
			if (p.kind !== null) out.push([at, at + p.text.length, p.raw, p.kind]);
			at += p.text.length;
		}
		return out;
	}

	/**
	 * Replaces `text[start, end)` by `replacement`. A replacement that cuts into an earlier repair
	 * absorbs it whole, so the raw text it stands for is never split or lost.
	 */
	replace(start: number, end: number, replacement: string, kind: RepairKind): TrackedText {
		if (start < 0 || end > this.text.length || start > end) {
			throw new RangeError(`replace(${start}, ${end}) outside text of length ${this.text.length}`);
		}
		if (this.text.slice(start, end) === replacement) return this;
		const before: Piece[] = [];
		const covered: Piece[] = [];
		const after: Piece[] = [];
		let head = '';
		let tail = '';
		let at = 0;
		for (const p of this.#pieces) {
			const pStart = at;
			const pEnd = at + p.text.length;
			at = pEnd;
			if (p.text.length === 0) {
				// A deletion sits between characters: absorbed only when strictly inside the range.
				if (start < pStart && pStart < end) covered.push(p);
				else if (pStart <= start) before.push(p);
				else after.push(p);
			} else if (pEnd <= start) {
				before.push(p);
			} else if (pStart >= end) {
				after.push(p);
			} else if (p.kind === null) {
				// Unchanged text can be split at any character.
				const cutA = Math.max(start, pStart) - pStart;
				const cutB = Math.min(end, pEnd) - pStart;
				if (cutA > 0) before.push(slicePiece(p, 0, cutA));
				covered.push(slicePiece(p, cutA, cutB));
				if (cutB < p.text.length) after.push(slicePiece(p, cutB, p.text.length));
			} else {
				// An earlier repair is atomic: keep the parts of its text that fall outside the range.
				if (pStart < start) head = p.text.slice(0, start - pStart);
				if (pEnd > end) tail = p.text.slice(end - pStart);
				covered.push(p);
			}
		}
		const last = before.at(-1);
		const rawStart =
			covered[0]?.rawStart ?? (last ? last.rawStart + last.raw.length : (after[0]?.rawStart ?? 0));
		const merged: Piece = {
			text: head + replacement + tail,
			raw: covered.map((p) => p.raw).join(''),
			rawStart,
			kind
		};
		return new TrackedText([...before, merged, ...after]);
	}

	/** Applies `fn` to every match of a global regular expression, left to right. */
	replaceAll(
		pattern: RegExp,
		fn: (match: RegExpExecArray) => string | null,
		kind: RepairKind
	): TrackedText {
		if (!pattern.global) throw new Error('replaceAll needs a global pattern');
		const matches = [...this.text.matchAll(pattern)];
		// Right to left, so earlier offsets stay valid.
		return matches.reduceRight<TrackedText>((result, m) => {
			const replacement = fn(m);
			return replacement === null
				? result
				: result.replace(m.index, m.index + m[0].length, replacement, kind);
		}, this);
	}

	/** The part of this text in `[start, end)`, keeping provenance. */
	slice(start: number, end: number = this.text.length): TrackedText {
		const out: Piece[] = [];
		let at = 0;
		for (const p of this.#pieces) {
			const pStart = at;
			const pEnd = at + p.text.length;
			at = pEnd;
			if (p.text.length === 0) {
				if (pStart > start && pStart < end) out.push(p);
				continue;
			}
			if (pEnd <= start || pStart >= end) continue;
			if (p.kind === null) {
				out.push(slicePiece(p, Math.max(start, pStart) - pStart, Math.min(end, pEnd) - pStart));
			} else if (pStart >= start && pEnd <= end) {
				out.push(p);
			} else {
				throw new RangeError(`slice(${start}, ${end}) would split the repair at ${pStart}`);
			}
		}
		return new TrackedText(out);
	}

	/** Removes leading and trailing white space, recording it. */
	trim(): TrackedText {
		const lead = /^\s+/u.exec(this.text)?.[0].length ?? 0;
		const trail = /\s+$/u.exec(this.text)?.[0].length ?? 0;
		if (lead === 0 && trail === 0) return this;
		if (lead === this.text.length) return this.slice(0, 0);
		return this.slice(lead, this.text.length - trail);
	}

	/** Joins texts that follow each other in the source. */
	static concat(parts: readonly TrackedText[]): TrackedText {
		return new TrackedText(parts.flatMap((p) => p.#pieces));
	}
}

function slicePiece(p: Piece, from: number, to: number): Piece {
	return {
		text: p.text.slice(from, to),
		raw: p.raw.slice(from, to),
		rawStart: p.rawStart + from,
		kind: null
	};
}

/** Rebuilds the raw source slice from a cleaned text and its edits (the inverse of the build). */
export function rawFromEdits(text: string, edits: readonly Edit[]): string {
	let out = '';
	let at = 0;
	for (const [start, end, raw] of edits) {
		out += text.slice(at, start) + raw;
		at = end;
	}
	return out + text.slice(at);
}
