/** Filtering and sorting the bookmarks list. */
import type { Bookmark } from './model';

export const SORT_ORDERS = ['newest', 'oldest', 'edited', 'document'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface ListFilter {
	/** Words that must all occur in the quote, note, title, source or tags (any case). */
	text: string;
	/** Only bookmarks with this tag ('' for any). */
	tag: string;
	/** Only bookmarks in this document ('' for any). */
	docId: string;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function matches(b: Bookmark, filter: ListFilter): boolean {
	if (filter.docId && b.docId !== filter.docId) return false;
	if (filter.tag) {
		const tag = fold(filter.tag);
		if (!b.tags.some((t) => fold(t) === tag)) return false;
	}
	const words = fold(filter.text).split(/\s+/u).filter(Boolean);
	if (words.length === 0) return true;
	const haystack = fold([b.quote, b.note, b.title, b.source, ...b.tags].join('\n'));
	return words.every((w) => haystack.includes(w));
}

/**
 * `document` orders by document, then by where the text is in it: `position` gives a passage's
 * place in the corpus when the corpus is known, else the title and the saved range decide.
 */
export function sortBookmarks(
	list: readonly Bookmark[],
	order: SortOrder,
	position: (b: Bookmark) => number | undefined = () => undefined
): Bookmark[] {
	const byId = (a: Bookmark, b: Bookmark) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	const sorted = [...list];
	switch (order) {
		case 'newest':
			return sorted.sort((a, b) => b.createdAt - a.createdAt || byId(a, b));
		case 'oldest':
			return sorted.sort((a, b) => a.createdAt - b.createdAt || byId(a, b));
		case 'edited':
			return sorted.sort((a, b) => b.updatedAt - a.updatedAt || byId(a, b));
		case 'document':
			return sorted.sort((a, b) => {
				const pa = position(a);
				const pb = position(b);
				if (pa !== undefined && pb !== undefined && pa !== pb) return pa - pb;
				return (
					a.title.localeCompare(b.title, 'zh') ||
					a.range[0] - b.range[0] ||
					a.createdAt - b.createdAt ||
					byId(a, b)
				);
			});
	}
}

/** Every tag in use, each once (first spelling wins), in alphabetical order. */
export function allTags(list: readonly Bookmark[]): string[] {
	const seen = new Map<string, string>();
	for (const b of list) for (const t of b.tags) if (!seen.has(fold(t))) seen.set(fold(t), t);
	return [...seen.values()].sort((a, b) => a.localeCompare(b, 'zh'));
}

/** Every document that has bookmarks, with its title, in title order. */
export function allDocuments(list: readonly Bookmark[]): { docId: string; title: string }[] {
	const seen = new Map<string, string>();
	for (const b of list) if (!seen.has(b.docId)) seen.set(b.docId, b.title);
	return [...seen]
		.map(([docId, title]) => ({ docId, title }))
		.sort((a, b) => a.title.localeCompare(b.title, 'zh'));
}
