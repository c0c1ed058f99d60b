/**
 * The one place that reads MiniSearch's internal index.
 *
 * MiniSearch's `search()` scores and allocates a result object for every document of every term,
 * which for a common bigram bucket (a thousand passages) costs ~1.5 ms; reading the posting map and
 * intersecting it directly costs ~0.1 ms (measured on the 1M-character benchmark corpus). The
 * index itself is still MiniSearch's: built by `addAll`, saved by `toJSON`, loaded by `loadJSON`.
 * `postings.spec.ts` pins the internal shape; the stored format record includes MiniSearch's
 * version, so an upgrade rebuilds rather than reads a shape it does not know.
 */
import type MiniSearch from 'minisearch';

interface MiniSearchInternals {
	_index: { get(term: string): Map<number, Map<number, number>> | undefined };
	_documentIds: Map<number, unknown>;
}

/** The documents (MiniSearch short ids, equal to our passage positions) that hold `term`. */
export function postings(index: MiniSearch, term: string): ReadonlyMap<number, number> | undefined {
	return (index as unknown as MiniSearchInternals)._index.get(term)?.get(0);
}

/** Whether MiniSearch's short ids are our positions, as `postings` assumes. */
export function shortIdsArePositions(index: MiniSearch): boolean {
	const ids = (index as unknown as MiniSearchInternals)._documentIds;
	for (const [shortId, id] of ids) if (shortId !== id) return false;
	return true;
}
