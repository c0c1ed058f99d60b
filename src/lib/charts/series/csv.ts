/**
 * The data behind a chart as CSV a spreadsheet opens correctly: RFC 4180 quoting, CRLF lines, a
 * byte-order mark so Excel reads the Chinese as UTF-8, and no cell a spreadsheet would run as a
 * formula.
 */
import type { Indicator } from '../../corpus/indicators/indicator';
import { displayPunctuation } from '../../text/segments';
import { formatNumber, scaled, writtenValue } from './values';

export type CsvValue = string | number | null | undefined;

/** Cells a spreadsheet reads as a formula begin with one of these (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/u;

export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : '';
	// A leading apostrophe makes a spreadsheet show the text instead of evaluating it.
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/u.test(text) || /^\s|\s$/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
	return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export interface CsvContext {
	/** Column names in the reader's language, in the order of `indicatorRow`. */
	header: readonly string[];
	docTitle: (docId: string) => string;
	/** An absolute link to the passage with the number marked. */
	passageLink: (indicator: Indicator) => string;
}

/** The column keys of `indicatorRow`, for translating the header. */
export const CSV_COLUMNS = [
	'label',
	'value',
	'unit',
	'qualifier',
	'written',
	'scaledValue',
	'scaledUnit',
	'level',
	'region',
	'date',
	'quote',
	'document',
	'source',
	'link',
	'id'
] as const;

export function indicatorRow(i: Indicator, context: CsvContext): CsvValue[] {
	const s = scaled(i);
	return [
		i.label,
		i.value,
		i.unit,
		i.qualifier,
		writtenValue(i),
		s.value,
		s.unit,
		i.level,
		i.region,
		i.date?.text,
		displayPunctuation(i.quote),
		context.docTitle(i.docId),
		i.source,
		context.passageLink(i),
		i.id
	];
}

export function indicatorsCsv(indicators: readonly Indicator[], context: CsvContext): string {
	return toCsv([context.header, ...indicators.map((i) => indicatorRow(i, context))]);
}
