/**
 * The document filter's choices: which documents to offer beside a result list. Pure, so the
 * rule is tested without a page.
 */

/**
 * The documents worth listing: those with hits, and those already selected (a selection that now
 * has no hits must stay visible, or it could not be cleared). With `limit`, only the selected ones
 * and those with the most hits, up to `limit`, still in the documents' own order.
 */
export function documentsToOffer<D extends { id: string }>(
	documents: readonly D[],
	counts: Readonly<Record<string, number>>,
	selected: readonly string[],
	limit = Infinity
): D[] {
	const isSelected = new Set(selected);
	const offered = documents.filter((d) => (counts[d.id] ?? 0) > 0 || isSelected.has(d.id));
	if (offered.length <= limit) return offered;
	const ranked = [...offered].sort(
		(a, b) =>
			Number(isSelected.has(b.id)) - Number(isSelected.has(a.id)) ||
			(counts[b.id] ?? 0) - (counts[a.id] ?? 0)
	);
	const kept = new Set(ranked.slice(0, Math.max(limit, selected.length)).map((d) => d.id));
	return offered.filter((d) => kept.has(d.id));
}
