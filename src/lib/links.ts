/**
 * Every internal link the app builds: a path from `resolve()` (so BASE_PATH hosting works) plus
 * at most a query and a fragment, which cannot leave the resolved path.
 */
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

function withParams(
	path: string,
	params: Record<string, string | undefined>,
	fragment?: string
): ResolvedPathname {
	const query = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) if (v?.trim()) query.set(k, v);
	const q = query.size > 0 ? `?${query}` : '';
	return `${path}${q}${fragment ? `#${fragment}` : ''}` as ResolvedPathname;
}

/** The search page, with a query when there is one. */
export function searchHref(query?: string): ResolvedPathname {
	return withParams(resolve('/'), { q: query });
}

/**
 * Resolved document paths, by id. Every result of every keystroke links to its document, and
 * resolving a route is the costliest part of building that link.
 */
const documentPaths = new Map<string, ResolvedPathname>();

function documentPath(docId: string): ResolvedPathname {
	let path = documentPaths.get(docId);
	if (path === undefined) {
		path = resolve('/doc/[id]', { id: docId });
		documentPaths.set(docId, path);
	}
	return path;
}

/** A document, optionally at a passage and highlighting a query. */
export function documentHref(docId: string, passageId?: string, query?: string): ResolvedPathname {
	return withParams(documentPath(docId), { q: query }, passageId && `p-${passageId}`);
}

/**
 * A document at a passage with `[start, end)` of its text marked — a quoted number, a bookmarked
 * span — and optionally a query's terms too. The reader scrolls to the passage and marks the span.
 */
export function markedPassageHref(
	docId: string,
	passageId: string,
	start: number,
	end: number,
	query?: string
): ResolvedPathname {
	return withParams(
		documentPath(docId),
		{ mark: `${passageId}:${start}-${end}`, q: query },
		`p-${passageId}`
	);
}

/** Parses the `mark` parameter of `markedPassageHref`. */
export function parseMark(
	value: string | null
): { passageId: string; start: number; end: number } | null {
	const m = /^([\w-]+):(\d+)-(\d+)$/u.exec(value ?? '');
	if (!m) return null;
	const start = Number(m[2]);
	const end = Number(m[3]);
	return end > start ? { passageId: m[1]!, start, end } : null;
}

/** The indicators page, optionally charting the indicators found by a search. */
export function indicatorsHref(query?: string): ResolvedPathname {
	return withParams(resolve('/indicators'), { q: query });
}
