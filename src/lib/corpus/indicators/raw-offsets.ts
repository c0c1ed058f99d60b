/**
 * Maps offsets in a passage's cleaned text back to the raw file, through the passage's edits, so
 * an indicator can be shown against the raw text it was read from.
 */
import type { Edit } from '../../text/tracked-text';

/**
 * The raw range of `text[start, end)`. A repair cut by the span is taken whole, so the raw slice
 * always covers what the span shows: `90%` maps to the raw `90.` it was restored from.
 */
export function rawRangeOf(
	passageRange: readonly [number, number],
	edits: readonly Edit[],
	start: number,
	end: number
): [number, number] {
	return [passageRange[0] + toRaw(edits, start, 'start'), passageRange[0] + toRaw(edits, end, 'end')];
}

function toRaw(edits: readonly Edit[], offset: number, side: 'start' | 'end'): number {
	let shift = 0;
	for (const [a, b, raw] of edits) {
		// A deletion (a === b) at the very edge belongs outside the span on either side.
		const before = side === 'start' ? b <= offset : b < offset || (b === offset && a < b);
		if (before) {
			shift += raw.length - (b - a);
		} else if (a < offset && offset < b) {
			// Inside a repair: snap outwards to its edge.
			return side === 'start' ? a + shift : a + shift + raw.length;
		}
	}
	return offset + shift;
}
