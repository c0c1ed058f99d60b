/**
 * The administrative level of the thing a figure counts or measures, read from its noun:
 * `地市级…覆盖率` → 市, `1918个县` → 县, `省直部门` → 省. A noun naming several levels (`省市`,
 * `市州、县市区`) or none (`国务院部门`, `地区`) has no level. A lone `区` is left out: in these
 * texts it is part of a word (`省级区`, `市区`) more often than a district.
 */
import type { AdminLevel } from './indicator';

/**
 * Level words, longest first so `县市区` is read as one word. null marks words that name no single
 * level (`省及以下`) or contain a level character without being one (`市场`, `城市管理`).
 */
const LEVEL_WORDS: [string, AdminLevel | null][] = [
	['县(市、区)', '县'],
	['省及以下', null],
	['城市管理', null],
	['县市区', '县'],
	['区县', '县'],
	['市州', '市'],
	['省辖市', '市'],
	['地级市', '市'],
	['地市', '市'],
	['省级', '省'],
	['省直', '省'],
	['市级', '市'],
	['县级', '县'],
	['乡镇', '乡'],
	['市场', null],
	['市区', null],
	['地区', null],
	['市民', null],
	['省', '省'],
	['市', '市'],
	['县', '县'],
	['乡', '乡']
];

/** `noun` in Simplified characters. */
export function adminLevel(noun: string): AdminLevel | null {
	const levels = new Set<AdminLevel | null>();
	for (let i = 0; i < noun.length; ) {
		const hit = LEVEL_WORDS.find(([w]) => noun.startsWith(w, i));
		if (hit) {
			levels.add(hit[1]);
			i += hit[0].length;
		} else {
			i++;
		}
	}
	levels.delete(null);
	return levels.size === 1 ? [...levels][0]! : null;
}
