/**
 * Simplified/Traditional variant classes: characters that folding treats as one.
 *
 * The classes join OpenCC's Traditional→Simplified and Simplified→Traditional character tables
 * and its Taiwan and Hong Kong variant tables. One table alone is not enough: Taiwan writes `著`
 * where OpenCC's standard (and Simplified) write `着`, and no Traditional→Simplified entry says
 * so, so `著力` would miss `着力`. The largest class has six members (`坛壇壜罈罎墰`). Each class
 * folds to its Simplified member (an OpenCC Traditional→Simplified target), or its first one.
 *
 * Computing this takes ~30 ms of cold code at every worker start, so the app's build replaces
 * this module with its result (see `precomputedVariantClasses` in vite.config.ts); Node — the
 * command line — computes it here, from the same function.
 */
import HKVariants from 'opencc-js/dict/HKVariants';
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariants from 'opencc-js/dict/TWVariants';

/**
 * The classes as one string of pairs: member, representative, member, representative… (each a
 * code point, so astral characters take two code units).
 */
export function variantPairs(tables: {
	traditionalToSimplified: string;
	simplifiedToTraditional: string;
	taiwan: string;
	hongKong: string;
}): string {
	const parent = new Map<number, number>();
	const root = (c: number): number => {
		let r = c;
		for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
		if (r !== c) parent.set(c, r);
		return r;
	};
	const union = (a: number, b: number) => {
		const ra = root(a);
		const rb = root(b);
		if (!parent.has(ra)) parent.set(ra, ra);
		if (!parent.has(rb)) parent.set(rb, rb);
		if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
	};
	const simplifiedTargets = new Set<number>();
	// Tables are `key value value|key value|…`; character tables hold single characters.
	const join = (table: string, targets?: Set<number>) => {
		for (const entry of table.split('|')) {
			const [key, ...values] = entry.split(' ').map((part) => [...part]);
			if (!key || key.length !== 1) continue;
			for (const value of values) {
				if (value.length !== 1) continue;
				const v = value[0]!.codePointAt(0)!;
				targets?.add(v);
				union(key[0]!.codePointAt(0)!, v);
			}
		}
	};
	join(tables.traditionalToSimplified, simplifiedTargets);
	join(tables.simplifiedToTraditional);
	join(tables.taiwan);
	join(tables.hongKong);
	const members = new Map<number, number[]>();
	for (const c of parent.keys()) {
		const r = root(c);
		members.set(r, [...(members.get(r) ?? []), c]);
	}
	let pairs = '';
	for (const group of members.values()) {
		group.sort((x, y) => x - y);
		const representative = group.find((c) => simplifiedTargets.has(c)) ?? group[0]!;
		for (const c of group) {
			if (c !== representative) pairs += String.fromCodePoint(c, representative);
		}
	}
	return pairs;
}

export const VARIANT_PAIRS: string = variantPairs({
	traditionalToSimplified: TSCharacters,
	simplifiedToTraditional: STCharacters,
	taiwan: TWVariants,
	hongKong: HKVariants
});
