/**
 * Approximate substring search (Sellers' dynamic programme): where in `text` the `pattern` fits
 * with the fewest insertions, deletions and substitutions. Bookmark quotes are at most a passage
 * or a few long, and it only runs on a handful of candidate windows, so O(n·m) is plenty.
 */
export interface ApproximateMatch {
	start: number;
	end: number;
	/** Edit distance between `pattern` and `text.slice(start, end)`. */
	distance: number;
}

export function approximateMatch(pattern: string, text: string): ApproximateMatch | null {
	const m = pattern.length;
	const n = text.length;
	if (m === 0 || n === 0) return null;
	// Column per text position: cost[i] is the best distance of pattern[0..i) ending here, and
	// from[i] where that alignment started in the text.
	let cost = new Int32Array(m + 1);
	let from = new Int32Array(m + 1);
	let nextCost = new Int32Array(m + 1);
	let nextFrom = new Int32Array(m + 1);
	for (let i = 0; i <= m; i++) {
		cost[i] = i;
		from[i] = 0;
	}
	let best: ApproximateMatch = { start: 0, end: 0, distance: m };
	for (let j = 1; j <= n; j++) {
		const ch = text.charCodeAt(j - 1);
		// A match may start anywhere: the empty prefix costs nothing at every position.
		nextCost[0] = 0;
		nextFrom[0] = j;
		for (let i = 1; i <= m; i++) {
			const substitute = cost[i - 1]! + (pattern.charCodeAt(i - 1) === ch ? 0 : 1);
			const skipText = cost[i]! + 1;
			const skipPattern = nextCost[i - 1]! + 1;
			if (substitute <= skipText && substitute <= skipPattern) {
				nextCost[i] = substitute;
				nextFrom[i] = from[i - 1]!;
			} else if (skipPattern <= skipText) {
				nextCost[i] = skipPattern;
				nextFrom[i] = nextFrom[i - 1]!;
			} else {
				nextCost[i] = skipText;
				nextFrom[i] = from[i]!;
			}
		}
		if (nextCost[m]! < best.distance) {
			best = { start: nextFrom[m]!, end: j, distance: nextCost[m]! };
		}
		[cost, nextCost] = [nextCost, cost];
		[from, nextFrom] = [nextFrom, from];
	}
	return best.end > best.start ? best : null;
}

/** Characters shared at the end of `a` and `b`. */
export function commonSuffixLength(a: string, b: string): number {
	let k = 0;
	while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
	return k;
}

/** Characters shared at the start of `a` and `b`. */
export function commonPrefixLength(a: string, b: string): number {
	let k = 0;
	while (k < a.length && k < b.length && a[k] === b[k]) k++;
	return k;
}

/** The distinct character pairs of a text: a cheap way to tell which passages may hold a quote. */
export function bigrams(text: string): Set<string> {
	const out = new Set<string>();
	for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
	return out;
}
