/**
 * Finds the numbers a text states and decides which of them are statistics.
 *
 * A statistic is an Arabic number followed by a unit: `93.4%`, `311个`, `1500万条`, `48T`. Every
 * other number is skipped with a reason, so a review can see that nothing was lost by accident.
 *
 * Chinese numerals are not read as statistics. In these reports every measured figure is printed in
 * Arabic digits (the publishing norm GB/T 15835), while Chinese numerals name things or restate the
 * length of a list that the sentence just spelled out: `四大基础数据库` follows the four names,
 * `三个云计算服务平台` the three platforms, `五部门` the five departments; `四级`, `六大系统`,
 * `八大转变`, `十二五` and `十八届三中全会` are names. The one exception is `万` standing alone after
 * a hedge (`接入近万家`): that is a rounded count, not a name.
 *
 * Matching runs on `form`, the text folded to Simplified character by character (same length), so
 * one list of words serves both scripts; values and spans always come from the positions.
 */

/** Counting words that make a number a count. Longest first, so `人次` wins over `人`. */
const MEASURE_WORDS = [
	'人次',
	'部门',
	'个',
	'家',
	'台',
	'项',
	'条',
	'类',
	'种',
	'所',
	'座',
	'套',
	'件',
	'次',
	'户',
	'位',
	'张',
	'名',
	'人',
	'元',
	'倍',
	'篇',
	'批',
	'处',
	'份',
	'辆',
	'册',
	// A place noun counts like a measure word in `其中15市正式上线运行`.
	'市',
	'省',
	'县'
];

const PLACE_MEASURES = ['市', '省', '县'];
/** Characters that make `市`, `省`, `县` the start of a longer word (`市场`, `县级`). */
const PLACE_WORD_GOES_ON = /^[场民长委政区级直辖域]/u;

/** Storage and bandwidth units; `4G` is deliberately absent (a technology, not 4 gigabytes). */
const LATIN_UNITS = ['Mbps', 'Gbps', 'TB', 'PB', 'GB', 'MB', 'T'];

/** Multipliers kept in the unit: `1500万条` is value 1500, unit `万条`. */
const MULTIPLIERS = ['万亿', '亿', '万'];

/** Hedges between the number and its unit: `24400多家`, `3900余项`, `50多万台`. */
const INFIX_QUALIFIERS = ['多', '余'];

/** Hedges after the unit: `90%以上`, `50%左右`. */
const POST_QUALIFIERS = ['以上', '以下', '左右', '上下', '有余'];

/** Hedges before the number: `近90%`, `超过128个`, `接近2.3亿`. */
const PRE_QUALIFIERS = [
	'接近',
	'将近',
	'大约',
	'超过',
	'多于',
	'少于',
	'不足',
	'不到',
	'近',
	'约',
	'逾'
];

/** A verb that may sit between a hedge and its number: `约为50%`, `约占80%`. */
const HEDGE_LINKS = ['为', '占', '达', '有'];

/** Words that end in a one-character hedge without being one: `最近`, `附近`, `节约`, `预约`. */
const NOT_HEDGE_BEFORE = '最附节集制签预';

/**
 * After these the number is a date (`2013年`, `6月5日`, `截至2012年4月`). A span of years would read
 * the same (`3年`), and is not a statistic of these reports either.
 */
const DATE_SUFFIX = /^(年|月|日|号)/u;

/** A four-digit number in this range with no unit is a year. */
const YEAR = /^(19|20)\d\d$/u;

/** `7×24小时` is a service-hours label, not two statistics. */
const TIMES_SIGN = /[×xX*]/u;

/** What the multipliers at the head of a unit stand for. */
const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export type SkipReason = 'date' | 'ordinal' | 'list-number' | 'schedule' | 'no-unit';

/** A number that is a statistic. Offsets are into the text that was searched. */
export interface NumberMention {
	/** `[start, end)` of the number and its unit, with an infix hedge: `50多万台`. */
	start: number;
	end: number;
	value: number;
	/** Simplified: `%`, `个`, `万条`. */
	unit: string;
	qualifier: string | null;
	/** The span with its hedges on both sides (`超过90%`, `90%以上`): labels are read around it. */
	outerStart: number;
	outerEnd: number;
}

export interface SkippedNumber {
	start: number;
	end: number;
	text: string;
	reason: SkipReason;
}

const NUMBER = /\d+(?:\.\d+)?/gu;
const HEDGED_WAN = new RegExp(
	`(?<![\\d万亿])(?:${PRE_QUALIFIERS.join('|')})(万)(?=${MEASURE_WORDS.join('|')})`,
	'gu'
);
const PRE_QUALIFIER_BEFORE = new RegExp(
	`(?<![${NOT_HEDGE_BEFORE}])(${PRE_QUALIFIERS.join('|')})(?:${HEDGE_LINKS.join('|')})?$`,
	'u'
);

/**
 * Every number in `text`, sorted by position: the statistics and the skipped ones.
 * `form` is `text` folded to Simplified (same length); pass `text` itself for Simplified text.
 */
export function findNumbers(
	text: string,
	form: string = text
): { mentions: NumberMention[]; skipped: SkippedNumber[] } {
	const mentions: NumberMention[] = [];
	const skipped: SkippedNumber[] = [];
	for (const m of form.matchAll(NUMBER)) {
		const start = m.index;
		const numberEnd = start + m[0].length;
		const reason = skipReason(form, start, numberEnd);
		if (reason) {
			skipped.push({ start, end: numberEnd, text: text.slice(start, numberEnd), reason });
			continue;
		}
		const mention = readUnit(text, form, start, numberEnd, Number(m[0]));
		if (mention) {
			mentions.push(mention);
			continue;
		}
		// A bare year, as in `中国电子政务年鉴(2013)`.
		const noUnit = YEAR.test(m[0]) ? 'date' : 'no-unit';
		skipped.push({ start, end: numberEnd, text: text.slice(start, numberEnd), reason: noUnit });
	}
	for (const m of form.matchAll(HEDGED_WAN)) {
		const wan = m.index + m[0].length - 1;
		const mention = readUnit(text, form, wan, wan, 1);
		if (mention) mentions.push(mention);
	}
	mentions.sort((a, b) => a.start - b.start);
	return { mentions, skipped };
}

function skipReason(form: string, start: number, end: number): SkipReason | null {
	const after = form.slice(end);
	const before = form.slice(0, start);
	if (DATE_SUFFIX.test(after)) return 'date';
	if (before.endsWith('第')) return 'ordinal';
	if (TIMES_SIGN.test(form[end] ?? '') || TIMES_SIGN.test(before.at(-1) ?? '')) return 'schedule';
	// `(1)社会治安方面` and a `1.` or `1、` opening a line number a list; they do not count anything.
	const short = end - start <= 2;
	if (short && /[(（]$/u.test(before) && /^[)）]/u.test(after)) return 'list-number';
	if (short && before.trim() === '' && /^[.、]/u.test(after)) return 'list-number';
	return null;
}

/**
 * The unit after a number, with its hedges; null when nothing countable follows. For a bare `万`
 * (`近万家`) `start === numberEnd` and the multiplier is that `万`.
 */
function readUnit(
	text: string,
	form: string,
	start: number,
	numberEnd: number,
	value: number
): NumberMention | null {
	const bareWan = start === numberEnd;
	let at = numberEnd;
	const infix = bareWan ? undefined : INFIX_QUALIFIERS.find((q) => form.startsWith(q, at));
	if (infix) at += infix.length;
	const multiplier = bareWan ? '万' : (MULTIPLIERS.find((x) => form.startsWith(x, at)) ?? '');
	at += multiplier.length;
	const measure = /^[%‰]/u.test(form.slice(at))
		? form[at]!
		: (MEASURE_WORDS.find((w) => form.startsWith(w, at)) ?? latinUnit(text, at));
	// `近1.3的地方`: a number with neither unit nor multiplier is not a statistic (1/3, flattened).
	if (!multiplier && !measure) return null;
	// `15市` counts cities, but `15市场` would not: a place noun must end the word.
	if (PLACE_MEASURES.includes(measure) && PLACE_WORD_GOES_ON.test(form.slice(at + 1))) return null;
	const end = at + measure.length;
	const post = POST_QUALIFIERS.find((q) => form.startsWith(q, end));
	const outerEnd = end + (post?.length ?? 0);
	const pre = PRE_QUALIFIER_BEFORE.exec(form.slice(Math.max(0, start - 4), start));
	const outerStart = pre ? start - pre[0].length : start;
	const qualifiers = [
		pre ? text.slice(outerStart, outerStart + pre[1]!.length) : null,
		infix ? text.slice(numberEnd, numberEnd + infix.length) : null,
		post ? text.slice(end, outerEnd) : null
	].filter((q): q is string => q !== null);
	return {
		start,
		end,
		value,
		unit: multiplier + measure,
		qualifier: qualifiers.length > 0 ? qualifiers.join('…') : null,
		outerStart,
		outerEnd
	};
}

/** Read from the text, not the folded form: folding lower-cases, and `T` is not `t`. */
function latinUnit(text: string, at: number): string {
	const unit = LATIN_UNITS.find((u) => text.startsWith(u, at));
	// `48T` ends the word; `3TV` would not be terabytes.
	return unit && !/^[A-Za-z]/u.test(text.slice(at + unit.length)) ? unit : '';
}

/** The value with its multiplier multiplied out: 1500 万条 → 15000000 条. */
export function scaledValue(value: number, unit: string): { value: number; unit: string } {
	let scaled = value;
	let rest = unit;
	while (rest.length > 0 && SCALE[rest[0]!] !== undefined) {
		scaled *= SCALE[rest[0]!]!;
		rest = rest.slice(1);
	}
	// Round away the binary noise of 2.3 × 1e8 without touching real decimals.
	return { value: Number(scaled.toPrecision(12)), unit: rest };
}

/** Whether a unit is a share rather than a count or an amount. */
export function isPercent(unit: string): boolean {
	return unit === '%' || unit === '‰';
}
