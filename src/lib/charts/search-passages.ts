/**
 * The passages a search finds, for charting their indicators: asked of the search worker, so the
 * chart holds exactly the passages the search page lists — same terms, same folding, headings and
 * titles counted the same way — and no second index is built.
 */
import { search } from '../state/search.svelte';

export class SearchUnavailable extends Error {}

/** Ids of every passage that matches `query`, in any document. */
export async function passagesMatching(query: string): Promise<string[]> {
	try {
		return await search.passageIds(query);
	} catch (error) {
		throw new SearchUnavailable(search.failure?.message ?? (error as Error).message);
	}
}
