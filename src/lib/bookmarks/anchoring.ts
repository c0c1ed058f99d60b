/**
 * Finding a bookmark's text again in the current corpus, the way careful annotation tools do:
 * by passage id and range first, then by the exact quote (its saved context choosing between
 * several occurrences), then by an approximate match of the quote. A bookmark that cannot be found
 * is reported as unanchored, never dropped: the saved quote stays its text.
 */
import type { Bookmark } from './model';
import { approximateMatch, commonPrefixLength, commonSuffixLength } from './fuzzy';

export interface AnchorPassage {
	id: string;
	docId: string;
	text: string;
}

interface DocText {
	docId: string;
	passages: AnchorPassage[];
	/** Offset of each passage in `text`. */
	starts: number[];
	/** The document's passages joined: a quote split across two passages is still one string. */
	text: string;
}

export interface AnchorIndex {
	docs: DocText[];
	byId: Map<string, { doc: DocText; position: number }>;
	docById: Map<string, DocText>;
}

export type AnchorStatus = 'anchored' | 'relocated' | 'fuzzy' | 'unanchored';

export type Anchoring =
	| {
			/** `anchored`: at its id and range; `relocated`: its exact quote elsewhere; `fuzzy`: close. */
			status: 'anchored' | 'relocated' | 'fuzzy';
			docId: string;
			/** The passage where the text starts now. */
			passageId: string;
			/** `[start, end)` in that passage's current text. */
			range: [number, number];
			/** Every passage the text now covers (more than one when a passage was split). */
			passageIds: string[];
			/** 1 for the exact text, lower for an approximate match. */
			similarity: number;
	  }
	| { status: 'unanchored' };

/** Quotes shorter than this (with the context that agrees) are not searched for elsewhere. */
const MIN_DISTINCT = 8;
/** An approximate match must keep this share of the quote (less when its context agrees). */
const MIN_SIMILARITY = 0.8;
const MIN_SIMILARITY_WITH_CONTEXT = 0.65;
/** Candidate windows tried by the approximate search. */
const FUZZY_CANDIDATES = 8;

export function buildAnchorIndex(passages: readonly AnchorPassage[]): AnchorIndex {
	const docById = new Map<string, DocText>();
	const docs: DocText[] = [];
	for (const p of passages) {
		let doc = docById.get(p.docId);
		if (!doc) {
			doc = { docId: p.docId, passages: [], starts: [], text: '' };
			docById.set(p.docId, doc);
			docs.push(doc);
		}
		doc.passages.push(p);
	}
	const byId = new Map<string, { doc: DocText; position: number }>();
	for (const doc of docs) {
		let offset = 0;
		const parts: string[] = [];
		doc.passages.forEach((p, position) => {
			doc.starts.push(offset);
			offset += p.text.length;
			parts.push(p.text);
			byId.set(p.id, { doc, position });
		});
		doc.text = parts.join('');
	}
	return { docs, byId, docById };
}

/** Where `[start, end)` of a document's joined text lies, passage by passage. */
function locate(
	doc: DocText,
	start: number,
	end: number,
	similarity: number,
	status: 'anchored' | 'relocated' | 'fuzzy'
): Anchoring {
	// The last passage starting at or before `start` that is not empty.
	let lo = 0;
	let hi = doc.starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (doc.starts[mid]! <= start) lo = mid;
		else hi = mid - 1;
	}
	while (lo < doc.passages.length - 1 && doc.starts[lo]! + doc.passages[lo]!.text.length <= start)
		lo++;
	const first = doc.passages[lo]!;
	const firstStart = doc.starts[lo]!;
	const passageIds = [first.id];
	for (let k = lo + 1; k < doc.passages.length && doc.starts[k]! < end; k++) {
		if (doc.passages[k]!.text.length > 0) passageIds.push(doc.passages[k]!.id);
	}
	return {
		status,
		docId: doc.docId,
		passageId: first.id,
		range: [start - firstStart, Math.min(end, firstStart + first.text.length) - firstStart],
		passageIds,
		similarity
	};
}

/** How much of the saved context agrees with the text around `[start, end)`. */
function contextAgreement(b: Bookmark, text: string, start: number, end: number): number {
	const before = text.slice(Math.max(0, start - b.prefix.length), start);
	const after = text.slice(end, end + b.suffix.length);
	return commonSuffixLength(b.prefix, before) + commonPrefixLength(b.suffix, after);
}

function occurrences(text: string, quote: string): number[] {
	const found: number[] = [];
	for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
		found.push(at);
		if (found.length >= 1000) break;
	}
	return found;
}

export function reanchor(b: Bookmark, index: AnchorIndex): Anchoring {
	const home = index.byId.get(b.passageId);
	const homePassage = home?.doc.passages[home.position];

	// 1. By id and range.
	if (home && homePassage) {
		const [s, e] = b.range;
		const whole = b.scope !== 'passage' || homePassage.text.length === b.quote.length;
		if (whole && homePassage.text.slice(s, e) === b.quote && e > s) {
			return locate(
				home.doc,
				home.doc.starts[home.position]! + s,
				home.doc.starts[home.position]! + e,
				1,
				'anchored'
			);
		}
	}
	if (!b.quote) return { status: 'unanchored' };

	// 2. By the exact quote: in its passage, then its document, then anywhere.
	const homeDoc = home?.doc ?? index.docById.get(b.docId);
	const homeOffset = home ? home.doc.starts[home.position]! + b.range[0] : 0;
	const tiers: { doc: DocText; from: number; to: number }[] = [];
	if (home && homePassage) {
		const at = home.doc.starts[home.position]!;
		tiers.push({ doc: home.doc, from: at, to: at + homePassage.text.length });
	}
	if (homeDoc) tiers.push({ doc: homeDoc, from: 0, to: homeDoc.text.length });
	const elsewhere = index.docs.filter((d) => d !== homeDoc);
	for (let t = 0; t <= tiers.length; t++) {
		const candidates: { doc: DocText; at: number }[] = [];
		if (t < tiers.length) {
			const { doc, from, to } = tiers[t]!;
			for (const at of occurrences(doc.text.slice(from, to), b.quote))
				candidates.push({ doc, at: from + at });
		} else {
			for (const doc of elsewhere)
				for (const at of occurrences(doc.text, b.quote)) candidates.push({ doc, at });
		}
		let best: { doc: DocText; at: number; score: number; distance: number } | null = null;
		for (const c of candidates) {
			const score = contextAgreement(b, c.doc.text, c.at, c.at + b.quote.length);
			const inOwnPassage = t === 0;
			const wholePassage =
				b.scope === 'passage' &&
				c.doc.passages.some((p, k) => c.doc.starts[k] === c.at && p.text.length === b.quote.length);
			if (!inOwnPassage && !wholePassage && b.quote.length + score < MIN_DISTINCT) continue;
			const distance = c.doc === homeDoc ? Math.abs(c.at - homeOffset) : Number.MAX_SAFE_INTEGER;
			if (!best || score > best.score || (score === best.score && distance < best.distance)) {
				best = { ...c, score, distance };
			}
		}
		if (best) return locate(best.doc, best.at, best.at + b.quote.length, 1, 'relocated');
	}

	// 3. By an approximate match, among the windows that share the most character pairs.
	return fuzzy(b, index, homeDoc, home?.position);
}

function fuzzy(
	b: Bookmark,
	index: AnchorIndex,
	homeDoc: DocText | undefined,
	homePosition: number | undefined
): Anchoring {
	const quote = b.quote;
	if (quote.length < 6) return { status: 'unanchored' };
	const pairs = new Set<string>();
	for (let i = 0; i + 1 < quote.length; i++) pairs.add(quote.slice(i, i + 2));

	// Share of the quote's pairs each passage holds (counting each pair once).
	const scored: { doc: DocText; position: number; share: number }[] = [];
	for (const doc of index.docs) {
		doc.passages.forEach((p, position) => {
			const seen = new Set<string>();
			for (let i = 0; i + 1 < p.text.length; i++) {
				const pair = p.text.slice(i, i + 2);
				if (pairs.has(pair)) seen.add(pair);
			}
			let share = seen.size / Math.max(1, pairs.size);
			if (doc === homeDoc) share += 0.05;
			if (doc === homeDoc && position === homePosition) share += 0.1;
			if (share >= 0.3) scored.push({ doc, position, share });
		});
	}
	scored.sort((x, y) => y.share - x.share);

	let best: {
		doc: DocText;
		start: number;
		end: number;
		similarity: number;
		context: number;
	} | null = null;
	const tried = new Set<string>();
	for (const { doc, position } of scored.slice(0, FUZZY_CANDIDATES)) {
		// A window around the passage, wide enough for a quote that now spans a split.
		let lo = Math.max(0, position - 1);
		let hi = Math.min(doc.passages.length - 1, position + 1);
		const length = () => doc.starts[hi]! + doc.passages[hi]!.text.length - doc.starts[lo]!;
		while (
			length() < quote.length * 2 &&
			(lo > 0 || hi < doc.passages.length - 1) &&
			hi - lo < 20
		) {
			if (lo > 0) lo--;
			if (hi < doc.passages.length - 1) hi++;
		}
		const key = `${doc.docId}:${lo}-${hi}`;
		if (tried.has(key)) continue;
		tried.add(key);
		const from = doc.starts[lo]!;
		const match = approximateMatch(quote, doc.text.slice(from, from + length()));
		if (!match) continue;
		const start = from + match.start;
		const end = from + match.end;
		const similarity = 1 - match.distance / quote.length;
		const context = contextAgreement(b, doc.text, start, end);
		if (
			!best ||
			similarity > best.similarity ||
			(similarity === best.similarity && context > best.context)
		) {
			best = { doc, start, end, similarity, context };
		}
	}
	if (!best) return { status: 'unanchored' };
	const threshold = best.context >= MIN_DISTINCT ? MIN_SIMILARITY_WITH_CONTEXT : MIN_SIMILARITY;
	if (best.similarity < threshold) return { status: 'unanchored' };
	return locate(best.doc, best.start, best.end, best.similarity, 'fuzzy');
}
