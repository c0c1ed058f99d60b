/**
 * Date expressions that say when a figure holds: `截至2012年4月`, `2011年`, `截止去年底`.
 *
 * A dateline (`北京6月5日电`) dates the report, not its figures, and has no year: it is never read
 * as a figure's date. Neither is `近十年来`, a span rather than a point.
 */
import type { DateScope, IndicatorDate } from './indicator';

/** An absolute date: a year, optionally a month and a part of the year. */
const ABSOLUTE = /(?:(?:截至|截止|到)\s*)?(\d{4})年(?:(\d{1,2})月)?(?:底|末|初)?/gu;

/** A date the text states only relative to the report, whose year we do not invent. */
const RELATIVE = /(?:截至|截止|到)(?:去年底|去年末|去年|今年|上年底|年底)/gu;

export interface DateMention {
	start: number;
	end: number;
	date: Omit<IndicatorDate, 'scope'>;
}

/** Every date in `form` (the Simplified folding of `text`), in text order. */
export function findDates(text: string, form: string = text): DateMention[] {
	const found: DateMention[] = [];
	for (const m of form.matchAll(ABSOLUTE)) {
		const year = Number(m[1]);
		const month = m[2] === undefined ? null : Number(m[2]);
		if (year < 1900 || year > 2100 || (month !== null && (month < 1 || month > 12))) continue;
		const end = m.index + m[0].length;
		found.push({ start: m.index, end, date: { text: text.slice(m.index, end), year, month } });
	}
	for (const m of form.matchAll(RELATIVE)) {
		const end = m.index + m[0].length;
		found.push({
			start: m.index,
			end,
			date: { text: text.slice(m.index, end), year: null, month: null }
		});
	}
	return found.sort((a, b) => a.start - b.start);
}

/** The last date that starts before `offset`, inside `[from, offset)`. */
export function dateBefore(
	dates: readonly DateMention[],
	from: number,
	offset: number,
	scope: DateScope
): IndicatorDate | null {
	const hit = dates.filter((d) => d.start >= from && d.end <= offset).at(-1);
	return hit ? { ...hit.date, scope } : null;
}

/**
 * A date that opens a paragraph or a title (`2013年,全国…`, `2013年河南省…`) and so governs all of
 * it; null when the text does not start with one.
 */
export function leadingDate(
	text: string,
	form: string,
	scope: DateScope
): IndicatorDate | null {
	const first = findDates(text, form)[0];
	return first && first.start === 0 ? { ...first.date, scope } : null;
}
