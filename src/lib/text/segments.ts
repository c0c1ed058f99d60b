/**
 * A text cut into runs for display: which characters are highlighted, which were repaired. The UI
 * renders runs as text nodes (with <mark> or a repair marker around them), never as HTML.
 */
import type { Edit, RepairKind } from './tracked-text';

export type Range = [start: number, end: number];

export interface Segment {
	text: string;
	start: number;
	marked: boolean;
	/** The repair covering this run; a run with empty text stands for a deletion. */
	repair: { kind: RepairKind; raw: string } | null;
}

export function segmentText(
	text: string,
	highlights: readonly Range[] = [],
	repairs: readonly Edit[] = []
): Segment[] {
	const cuts = new Set<number>([0, text.length]);
	for (const [a, b] of highlights) cuts.add(clamp(a, text)).add(clamp(b, text));
	for (const [a, b] of repairs) cuts.add(clamp(a, text)).add(clamp(b, text));
	const points = [...cuts].sort((x, y) => x - y);
	const segments: Segment[] = [];
	for (let k = 0; k < points.length; k++) {
		const a = points[k]!;
		// Deletions sit between characters: an empty run carrying the repair.
		for (const [s, e, raw, kind] of repairs) {
			if (s === a && e === a)
				segments.push({ text: '', start: a, marked: false, repair: { kind, raw } });
		}
		const b = points[k + 1];
		if (b === undefined || b === a) continue;
		const repair = repairs.find(([s, e]) => s < b && e > a && e > s);
		segments.push({
			text: text.slice(a, b),
			start: a,
			marked: highlights.some(([s, e]) => s < b && e > a),
			repair: repair ? { kind: repair[3], raw: repair[2] } : null
		});
	}
	return segments;
}

/** Highlighted text as runs of plain text each followed by one marked stretch, then a tail. */
export interface MarkRuns {
	runs: { plain: string; marked: string }[];
	tail: string;
}

/**
 * The shape a result snippet renders: one text node and one <mark> per run. Successive keystrokes
 * then rewrite text in place instead of swapping text nodes and marks as the highlights move.
 * Overlapping or touching highlights make one mark.
 */
export function markRuns(text: string, highlights: readonly Range[]): MarkRuns {
	const ranges = highlights
		.map(([a, b]) => [clamp(a, text), clamp(b, text)] as const)
		.filter(([a, b]) => b > a)
		.sort((x, y) => x[0] - y[0]);
	const runs: MarkRuns['runs'] = [];
	let at = 0;
	for (const [a, b] of ranges) {
		if (b <= at) continue;
		const start = Math.max(a, at);
		const last = runs[runs.length - 1];
		if (last && a <= at) last.marked += text.slice(at, b);
		else runs.push({ plain: text.slice(at, start), marked: text.slice(start, b) });
		at = b;
	}
	return { runs, tail: text.slice(at) };
}

function clamp(n: number, text: string): number {
	return Math.max(0, Math.min(text.length, n));
}

const FULL_WIDTH: Record<string, string> = {
	',': '，',
	';': '；',
	':': '：',
	'?': '？',
	'!': '！',
	'(': '（',
	')': '）'
};
/** Any of FULL_WIDTH's keys (none is special inside a character class). */
const HALF_WIDTH_MARK = new RegExp(`[${Object.keys(FULL_WIDTH).join('')}]`, 'g');
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’《》]/u;

/**
 * Chinese typography for display: the corpus is NFKC, so its commas are ASCII; beside Chinese
 * characters they are shown in their full-width forms. One character for one, so every offset
 * (highlights, repairs, bookmarks) still points at the same place.
 */
export function displayPunctuation(text: string): string {
	// Called for every snippet on every keystroke: only the few ASCII marks are looked at.
	return text.replace(HALF_WIDTH_MARK, (ch, i: number) =>
		CJK.test(text[i - 1] ?? '') || CJK.test(text[i + 1] ?? '') ? FULL_WIDTH[ch]! : ch
	);
}
