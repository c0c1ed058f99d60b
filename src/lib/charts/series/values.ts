/**
 * One indicator as a chart shows it: the number on a shared axis, the number as the text wrote it,
 * and what its hedge means. Charts plot `scaled`; tooltips, tables and CSV show `written`.
 */
import type { AdminLevel, Indicator } from '../../corpus/indicators/indicator';
import { isPercent, scaledValue } from '../../corpus/indicators/number-parsing';

/** Administrative levels from the top down: the order every chart and table uses. */
export const LEVEL_ORDER: readonly AdminLevel[] = ['省', '市', '县', '乡'];

/** Sorts levels 省 → 市 → 县 → 乡, with figures of no stated level last. */
export function compareLevels(a: AdminLevel | null, b: AdminLevel | null): number {
	return levelRank(a) - levelRank(b);
}

function levelRank(level: AdminLevel | null): number {
	return level === null ? LEVEL_ORDER.length : LEVEL_ORDER.indexOf(level);
}

/**
 * What a hedge says about the true figure. `at-least`: 以上, 超过, 多, 余 (the figure is a floor);
 * `nearly`: 近, 接近 (just under); `about`: 约, 左右; `at-most`: 不到, 不足, 以下.
 */
export type Bound = 'at-least' | 'nearly' | 'about' | 'at-most';

const BOUNDS: [string, Bound][] = [
	['以上', 'at-least'],
	['超过', 'at-least'],
	['逾', 'at-least'],
	['多', 'at-least'],
	['余', 'at-least'],
	['接近', 'nearly'],
	['将近', 'nearly'],
	['近', 'nearly'],
	['约', 'about'],
	['左右', 'about'],
	['大约', 'about'],
	['不到', 'at-most'],
	['不足', 'at-most'],
	['以下', 'at-most']
];

/** The meaning of a qualifier as extracted (`约…左右` joins two hedges); null for an exact figure. */
export function boundOf(qualifier: string | null): Bound | null {
	if (!qualifier) return null;
	const parts = qualifier.split('…');
	for (const part of parts) {
		const hit = BOUNDS.find(([word]) => part === word);
		if (hit) return hit[1];
	}
	// An unknown hedge is still a hedge: never draw it as exact.
	return 'about';
}

/** Hedges written between the number and its unit: `24400多家`, `3900余项`, `50多万台`. */
const INFIXES = new Set(['多', '余']);
/** Hedges written after the unit: `90%以上`, `50%左右`. */
const SUFFIXES = new Set(['以上', '以下', '左右']);

/** The figure as the sentence states it, rebuilt from value, unit and qualifier: `近90%`, `80%以上`. */
export function writtenValue(indicator: Pick<Indicator, 'value' | 'unit' | 'qualifier'>): string {
	const parts = indicator.qualifier ? indicator.qualifier.split('…') : [];
	const before = parts.filter((p) => !INFIXES.has(p) && !SUFFIXES.has(p)).join('');
	const infix = parts.filter((p) => INFIXES.has(p)).join('');
	const after = parts.filter((p) => SUFFIXES.has(p)).join('');
	return `${before}${formatNumber(indicator.value)}${infix}${indicator.unit}${after}`;
}

/** Digits as the texts print them: no grouping, no exponent. */
export function formatNumber(value: number): string {
	if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
	return String(Number(value.toPrecision(12)));
}

export interface Scaled {
	/** 万 and 亿 multiplied out: 1500 万条 → 15 000 000. */
	value: number;
	/** The unit left when the multiplier is gone: `条`, `%`, or `` for a bare `万`. */
	unit: string;
	percent: boolean;
}

export function scaled(indicator: Pick<Indicator, 'value' | 'unit'>): Scaled {
	const s = scaledValue(indicator.value, indicator.unit);
	return { value: s.value, unit: s.unit, percent: isPercent(s.unit) };
}

/** Ids of the records that restate each statement, keyed by the record that stands for it. */
export function repeatsByLead(indicators: readonly Indicator[]): Map<string, Indicator[]> {
	const out = new Map<string, Indicator[]>();
	for (const i of indicators) {
		if (i.repeatOf === null) continue;
		const list = out.get(i.repeatOf);
		if (list) list.push(i);
		else out.set(i.repeatOf, [i]);
	}
	return out;
}

/**
 * The records of a set that are not counted twice: a restatement is dropped when the record it
 * restates is in the set too, and of several restatements without it only the first stays (a
 * search that finds the headline and the lede but not the body still counts the figure once).
 */
export function withoutDoubleCounts(indicators: readonly Indicator[]): Indicator[] {
	const ids = new Set(indicators.map((i) => i.id));
	const seen = new Set<string>();
	return indicators.filter((i) => {
		if (i.repeatOf !== null && ids.has(i.repeatOf)) return false;
		const statement = i.repeatOf ?? i.id;
		if (seen.has(statement)) return false;
		seen.add(statement);
		return true;
	});
}
