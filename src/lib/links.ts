/**
 * Every internal link the app builds: a path from `resolve()` (so BASE_PATH hosting works) plus
 * at most a query and a fragment, which cannot leave the resolved path.
 */
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

function withQuery(path: string, query: string | undefined, fragment?: string): ResolvedPathname {
	const q = query?.trim() ? `?q=${encodeURIComponent(query)}` : '';
	return `${path}${q}${fragment ? `#${fragment}` : ''}` as ResolvedPathname;
}

/** The search page, with a query when there is one. */
export function searchHref(query?: string): ResolvedPathname {
	return withQuery(resolve('/'), query);
}

/** A document, optionally at a passage and highlighting a query. */
export function documentHref(docId: string, passageId?: string, query?: string): ResolvedPathname {
	return withQuery(resolve('/doc/[id]', { id: docId }), query, passageId && `p-${passageId}`);
}
