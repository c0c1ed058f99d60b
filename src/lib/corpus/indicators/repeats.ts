/**
 * Marks the records that restate a statement made elsewhere in the same document.
 *
 * News reports repeat themselves: the headline restates the lede, the lede restates the body
 * (source 000 says `90%以上的市和80%以上的县` three times). Every occurrence keeps its record, so
 * the reader can mark each one, but all except one point to it with `repeatOf`, and a chart plots
 * only the records whose `repeatOf` is null.
 *
 * - Two body records are the same statement when value, unit and label agree (the hedge may
 *   differ: a headline rounds `90%以上` to `90%`).
 * - A headline or sub-heading is a summary, so its figure repeats the body figure with the same
 *   value and unit whose label shares most with its own; a headline figure the body never states
 *   stands on its own.
 * - The record that stands for the statement is a body record, preferring one whose own sentence
 *   dates it (`截至2012年7月,全国流动人口服务管理信息化覆盖率达79%` over the undated mention).
 */
import { fold } from '../../text/fold';
import type { Indicator } from './indicator';

/** Label bigrams a headline figure must share with a body figure to be its repeat. */
const MIN_SHARED_BIGRAMS = 2;

export function markRepeats(records: readonly Indicator[], headlines: ReadonlySet<string>): Indicator[] {
	const out = records.map((r) => ({ ...r, repeatOf: null as string | null }));
	const byDoc = groupBy(out, (r) => r.docId);
	for (const docRecords of byDoc.values()) {
		const body = docRecords.filter((r) => !headlines.has(r.passageId));
		const groups = groupBy(body, (r) => `${r.value}\u0000${r.unit}\u0000${labelKey(r.label)}`);
		for (const group of groups.values()) {
			const lead = group.find((r) => r.date?.scope === 'sentence') ?? group[0]!;
			for (const r of group) if (r !== lead) r.repeatOf = lead.id;
		}
		for (const r of docRecords.filter((x) => headlines.has(x.passageId))) {
			const mine = bigrams(r.label);
			let best: Indicator | null = null;
			let bestShared = MIN_SHARED_BIGRAMS - 1;
			for (const b of body) {
				if (b.repeatOf !== null || b.value !== r.value || b.unit !== r.unit) continue;
				const shared = [...bigrams(b.label)].filter((g) => mine.has(g)).length;
				if (shared > bestShared) [best, bestShared] = [b, shared];
			}
			if (best) r.repeatOf = best.id;
		}
	}
	return out;
}

function labelKey(label: string): string {
	return fold(label).replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(label: string): Set<string> {
	const key = labelKey(label);
	const out = new Set<string>();
	for (let i = 0; i + 2 <= key.length; i++) out.add(key.slice(i, i + 2));
	return out;
}

/** `Map.groupBy`, which Node 20 lacks. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}
