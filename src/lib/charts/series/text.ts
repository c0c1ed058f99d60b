/**
 * Text that has to fit a chart: labels wrapped to a width, the stretch of a long sentence around
 * its number, axis numbers in the reader's language.
 */
import type { Indicator } from '../../corpus/indicators/indicator';
import type { Locale } from '../../i18n/locale';
import { formatNumber } from './values';

/** Width of a character in ems, roughly: Han, kana and full-width forms are one, the rest about half. */
function charWidth(ch: string): number {
	return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u.test(ch) ? 1 : 0.55;
}

/** The width of a text in ems. */
export function textWidth(text: string): number {
	let width = 0;
	for (const ch of text) width += charWidth(ch);
	return width;
}

/**
 * Splits a label into lines at most `maxWidth` ems wide. Chinese breaks anywhere; a run of Latin
 * letters or digits is kept whole when it fits on a line (`oracle`, `93.4%`).
 */
export function wrapText(text: string, maxWidth: number, maxLines = Infinity): string[] {
	const tokens = text.match(/[A-Za-z0-9.%]+|./gsu) ?? [];
	const lines: string[] = [];
	let line = '';
	let width = 0;
	for (const token of tokens) {
		const w = textWidth(token);
		if (width + w > maxWidth && line !== '') {
			lines.push(line);
			line = '';
			width = 0;
		}
		line += token;
		width += w;
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, -1)}…`;
	return kept;
}

/**
 * Where an indicator's number stands in its sentence. The sentence may state the same digits more
 * than once (`90%以上的市…超过90%的市场份额`): records of one sentence keep the text's order, so
 * the nth record with these digits is the nth standalone occurrence of them.
 */
export function numberOffset(indicator: Indicator, sameQuote: readonly Indicator[]): number {
	const digits = formatNumber(indicator.value);
	const rank = sameQuote
		.filter((i) => formatNumber(i.value) === digits)
		.sort((a, b) => a.at[0] - b.at[0])
		.findIndex((i) => i.id === indicator.id);
	const found: number[] = [];
	for (
		let at = indicator.quote.indexOf(digits);
		at >= 0;
		at = indicator.quote.indexOf(digits, at + 1)
	) {
		const before = indicator.quote[at - 1] ?? '';
		const after = indicator.quote[at + digits.length] ?? '';
		if (!/[\d.]/u.test(before) && !/\d/u.test(after)) found.push(at);
	}
	return found[Math.max(0, rank)] ?? found[0] ?? -1;
}

/** About `radius` characters either side of the number, with ellipses where the sentence goes on. */
export function quoteExcerpt(
	indicator: Indicator,
	sameQuote: readonly Indicator[],
	radius = 40
): string {
	const quote = indicator.quote;
	if (quote.length <= radius * 2 + 10) return quote;
	const at = numberOffset(indicator, sameQuote);
	const centre = at < 0 ? 0 : at;
	const start = Math.max(0, Math.min(centre - radius, quote.length - radius * 2));
	const end = Math.min(quote.length, start + radius * 2);
	return `${start > 0 ? '…' : ''}${quote.slice(start, end)}${end < quote.length ? '…' : ''}`;
}

/**
 * An axis number in the reader's language: `1亿`, `4000万` in Chinese, `100M` in English. Axes
 * show rounded magnitudes; the exact figure as written is in the tooltip and the table.
 */
export function formatAxisNumber(value: number, locale: Locale): string {
	const abs = Math.abs(value);
	const short = (n: number) => String(Number(n.toPrecision(3)));
	if (locale === 'zh-Hans') {
		if (abs >= 1e8) return `${short(value / 1e8)}亿`;
		if (abs >= 1e4) return `${short(value / 1e4)}万`;
		return short(value);
	}
	if (abs >= 1e9) return `${short(value / 1e9)}B`;
	if (abs >= 1e6) return `${short(value / 1e6)}M`;
	if (abs >= 1e4) return `${short(value / 1e3)}k`;
	return short(value);
}

/** Whether a log scale shows these values better than a linear one: they span two orders of magnitude. */
export function spansOrdersOfMagnitude(values: readonly number[], orders = 2): boolean {
	const positive = values.filter((v) => v > 0);
	if (positive.length < 2) return false;
	return Math.max(...positive) / Math.min(...positive) >= 10 ** orders;
}
