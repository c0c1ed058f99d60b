/**
 * Two ways bookmarks meet: an import file meeting the bookmarks already here, and two tabs
 * editing the same bookmark. Neither may lose what the reader wrote.
 */
import { anchorKey, normalizeTags, type Bookmark } from './model';

export type SkipReason =
	/** A bookmark with this id is already here: it is kept as it is, note and all. */
	| 'same-id'
	/** The same passage and span is already bookmarked (under another id). */
	| 'same-place'
	/** The file holds this bookmark twice: the first one counts. */
	| 'repeated';

export interface ImportPlan {
	add: Bookmark[];
	skipped: { bookmark: Bookmark; reason: SkipReason }[];
}

export function planImport(
	existing: readonly Bookmark[],
	incoming: readonly Bookmark[],
	takenIds: readonly string[] = []
): ImportPlan {
	const ids = new Set([...existing.map((b) => b.id), ...takenIds]);
	const places = new Set(existing.map(anchorKey));
	const fileIds = new Set<string>();
	const filePlaces = new Set<string>();
	const plan: ImportPlan = { add: [], skipped: [] };
	for (const bookmark of incoming) {
		const place = anchorKey(bookmark);
		let reason: SkipReason | null = null;
		if (ids.has(bookmark.id)) reason = 'same-id';
		else if (places.has(place)) reason = 'same-place';
		else if (fileIds.has(bookmark.id) || filePlaces.has(place)) reason = 'repeated';
		if (reason) {
			plan.skipped.push({ bookmark, reason });
			continue;
		}
		fileIds.add(bookmark.id);
		filePlaces.add(place);
		plan.add.push(bookmark);
	}
	return plan;
}

export type EditConflict = 'note' | 'tags';

const sameTags = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * A three-way merge of an edit made on `base` (`ours`) with what another tab stored meanwhile
 * (`theirs`). A field only one side changed takes that side's value; tags merge as sets (what
 * we added joins theirs, what we removed leaves); a note both sides changed keeps both texts,
 * theirs first, since theirs was saved first. Everything else comes from `theirs`, the stored
 * record.
 */
export function mergeEdits(
	base: Bookmark,
	ours: Bookmark,
	theirs: Bookmark
): { merged: Bookmark; conflicts: EditConflict[] } {
	const conflicts: EditConflict[] = [];

	let note = theirs.note;
	if (ours.note !== base.note && ours.note !== theirs.note) {
		if (theirs.note === base.note) note = ours.note;
		else {
			note = theirs.note.trim() ? `${theirs.note}\n\n${ours.note}` : ours.note;
			conflicts.push('note');
		}
	}

	let tags = theirs.tags;
	if (!sameTags(ours.tags, base.tags)) {
		const key = (t: string) => t.toLowerCase();
		const baseKeys = new Set(base.tags.map(key));
		const ourKeys = new Set(ours.tags.map(key));
		const added = ours.tags.filter((t) => !baseKeys.has(key(t)));
		const removed = new Set(base.tags.filter((t) => !ourKeys.has(key(t))).map(key));
		tags = normalizeTags([...theirs.tags, ...added].filter((t) => !removed.has(key(t))));
		if (!sameTags(theirs.tags, base.tags)) conflicts.push('tags');
	}

	return {
		merged: {
			...theirs,
			note,
			tags,
			updatedAt: Math.max(ours.updatedAt, theirs.updatedAt)
		},
		conflicts
	};
}
