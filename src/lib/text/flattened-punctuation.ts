/**
 * Restores punctuation that a scraper flattened to `.`.
 *
 * In the damaged files every mark (。，、；：% and 《》) became `.`, and a run of marks became one
 * dot. The restorer only writes what the text proves:
 *
 * - a `.` between digits is a decimal point (`93.4`, `2.3亿`), unless what follows makes a decimal
 *   impossible: a count of whole things (`79.34个` is 79% + a new clause with 34个) or a year
 *   (`40.2013年`);
 * - a `.` right after a bare number (no unit) stands for `%`, because in these reports a bare number
 *   followed by a mark is a rate: `90.以上` → `90%以上`, `26.的省级政府` → `26%的`,
 *   `93.4.和67.2.` → `93.4%和67.2%`; a `.` that cannot be decided stays (`近1.3的地方` was 1/3);
 * - every other `.` is a break: `、` inside a list of short items, `。` before a word that opens a
 *   sentence in this genre or at the end of the paragraph, `,` otherwise (the corpus is NFKC, so
 *   the comma is the ASCII one; the reader shows it full width).
 */
import type { TrackedText } from './tracked-text';

/** A `.` that stays a decimal point only when what follows can be a fraction. */
const COUNT_AFTER_DECIMAL = /^\d+(个|家|台|项|条|名|所|座|套|件|种|次|户|位|张|人)/u;
const YEAR_AFTER_DECIMAL = /^\d{4}年/u;

/** Words that continue a rate rather than start a new clause: `90%以上`, `93.4%和67.2%`. */
const AFTER_PERCENT = /^(以上|以下|左右|的|和|与|及|或|至|到|多)/u;

/** Words that open a new sentence in these reports: the break before them is `。`. */
const SENTENCE_OPENERS = [
	'年鉴显示',
	'年鉴指出',
	'年鉴也指出',
	'据统计',
	'据悉',
	'此外',
	'另外',
	'截至',
	'截止',
	'随着',
	'为此',
	'因此',
	'从总体来看',
	'总体来看',
	'目前',
	'当前',
	'经过',
	'由于',
	'尽管',
	'近年来',
	'多年来'
];

/** Patterns that open a sentence: `在…方面`, `由…向…转变`, `从'条'看`. */
const SENTENCE_OPENING_PATTERNS = [/^在[^.]{1,16}方面$/u, /^从.{1,8}看$/u, /^由[^.]{1,30}向/u];

/** A frame like `在参与方面` or `从'条'看` is followed by its clause, never by a sentence end. */
const FRAMES = [/^在[^.]{1,16}方面$/u, /^从.{1,8}看$/u];

/** A sentence shorter than this is not ended by an opener: `移动政务,在…方面` needs context. */
const MIN_SENTENCE = 8;

/** Short adverbials after which the break is a comma, never a list mark: `近十年来,`. */
const ADVERBIALS =
	/^(但是|此外|目前|当前|为此|同时|其中|如|例如|据悉|据统计|近十年来|多年来|近年来|从总体来看|总体来看|现在|原先|因此|首先|其次|最后|另外|然而|而且|并且|从发展方式看)$/u;

/** Words that introduce an example list: `部分部委,如公安部、科技部` — they never end a list. */
const LIST_INTRODUCERS = /^(如|例如|比如|包括|即|在)/u;

/** The most characters a list item can have: `金融监管`, `人民银行`, `网上办事`. */
const MAX_LIST_ITEM = 4;

const DIGIT = /\d/u;
const HAN = /\p{Script=Han}/u;

/** Whether a document lost its punctuation: many `.` between Chinese characters and no `,` or `。`. */
export function looksFlattened(text: string): boolean {
	const dotsBetweenHan = text.match(/\p{Script=Han}\.(?=\p{Script=Han})/gu)?.length ?? 0;
	const realMarks = text.match(/[,，。、;；:：]/gu)?.length ?? 0;
	return dotsBetweenHan >= 5 && realMarks * 10 < dotsBetweenHan;
}

type Mark =
	/** A decimal point: left alone. */
	| { at: number; kind: 'decimal' }
	/** A `.` that stands for `%`, possibly followed by a lost break. */
	| { at: number; kind: 'percent'; thenBreak: boolean }
	/** A `.` that stands for a break. */
	| { at: number; kind: 'break' }
	/** A `.` the text does not explain. */
	| { at: number; kind: 'unknown' };

export interface RestoreOptions {
	/**
	 * A title or heading: no sentence mark at its end and no break after a rate
	 * (`90.数据库市场被国外占领` → `90%数据库市场被国外占领`).
	 */
	heading?: boolean;
}

/** Restores the flattened punctuation of one paragraph, title or heading. */
export function restoreFlattenedPunctuation(
	paragraph: TrackedText,
	options: RestoreOptions = {}
): TrackedText {
	const text = paragraph.text;
	const marks = classifyDots(text).map((m) =>
		options.heading && m.kind === 'percent' ? { ...m, thenBreak: false } : m
	);
	const breaks = marks.filter((m) => m.kind === 'break' || (m.kind === 'percent' && m.thenBreak));
	const breakText = chooseBreaks(
		text,
		breaks.map((m) => m.at)
	);
	if (options.heading) {
		const last = breaks.at(-1);
		if (last && last.at === text.length - 1) breakText.set(last.at, '');
	}
	let result = paragraph;
	// Right to left, so earlier offsets stay valid.
	for (let i = marks.length - 1; i >= 0; i--) {
		const m = marks[i]!;
		if (m.kind === 'decimal' || m.kind === 'unknown') continue;
		const brk = breakText.get(m.at) ?? '';
		if (m.kind === 'percent') {
			result = result.replace(m.at, m.at + 1, '%', 'percent');
			if (m.thenBreak && brk) result = result.replace(m.at + 1, m.at + 1, brk, 'punctuation');
		} else {
			result = result.replace(m.at, m.at + 1, brk, 'punctuation');
		}
	}
	return result;
}

function classifyDots(text: string): Mark[] {
	const marks: Mark[] = [];
	for (let at = text.indexOf('.'); at >= 0; at = text.indexOf('.', at + 1)) {
		const before = text[at - 1] ?? '';
		const after = text.slice(at + 1);
		const afterDigit = DIGIT.test(after[0] ?? '');
		if (DIGIT.test(before) && afterDigit) {
			if (!COUNT_AFTER_DECIMAL.test(after) && !YEAR_AFTER_DECIMAL.test(after)) {
				// A decimal point, unless the number is already followed by a dot of its own
				// (`93.4.和`): then this one is the decimal and the next is the mark.
				marks.push({ at, kind: 'decimal' });
				continue;
			}
		}
		if (DIGIT.test(before)) {
			// A bare number followed by a mark: the mark is `%`. Numbers with a unit (`2011年`,
			// `128个`) never reach this point, because their last character is not a digit.
			const rest = after;
			const thenBreak = rest.length === 0 || !AFTER_PERCENT.test(rest);
			marks.push({ at, kind: 'percent', thenBreak });
			continue;
		}
		marks.push({ at, kind: HAN.test(before) || /[)'’”a-z]/iu.test(before) ? 'break' : 'unknown' });
	}
	return marks;
}

/** Decides the break mark for each position: `、`, `,` or `。`. */
function chooseBreaks(text: string, positions: number[]): Map<number, string> {
	const result = new Map<number, string>();
	if (positions.length === 0) return result;
	// The segments between breaks; the text after the last break is the final segment.
	const bounds = [-1, ...positions, text.length];
	const segments: string[] = [];
	for (let i = 0; i + 1 < bounds.length; i++) {
		segments.push(text.slice(bounds[i]! + 1, bounds[i + 1]!));
	}
	// segments[i] is the text before break i, segments[i + 1] the text after it.
	const isItem = segments.map((s) => isListItem(s));
	for (let i = 0; i < positions.length; i++) {
		const at = positions[i]!;
		const left = segments[i]!;
		const right = segments[i + 1]!;
		const last = i === positions.length - 1 && right.length === 0;
		if (last) {
			result.set(at, '。');
			continue;
		}
		if (isListBreak(segments, isItem, i)) {
			result.set(at, '、');
			continue;
		}
		if (
			ADVERBIALS.test(left) ||
			/(显示|指出|表明|认为)$/u.test(left) ||
			FRAMES.some((f) => f.test(left))
		) {
			result.set(at, ',');
			continue;
		}
		// Only a word that opens sentences proves a sentence end; otherwise the safer comma.
		const sentence = at - lastSentenceEnd(positions, result, i);
		result.set(at, opensSentence(right) && sentence >= MIN_SENTENCE ? '。' : ',');
	}
	return result;
}

/** A short noun that can stand in a list: `自治区`, `金融监管`, `如公安部` (its introducer aside). */
function isListItem(segment: string): boolean {
	const core = segment.replace(LIST_INTRODUCERS, '');
	return (
		core.length > 0 &&
		core.length <= MAX_LIST_ITEM &&
		!DIGIT.test(segment) &&
		!ADVERBIALS.test(segment) &&
		!opensSentence(segment)
	);
}

/**
 * Whether break `i` (between segments i and i+1) separates items of a list. Items are short
 * segments; a list ends in a segment that holds `等` (`贵州等省市`), and starts either at its first
 * short item or, for a list with no `等`, in the tail of the segment before it (`所有的省,自治区`).
 */
function isListBreak(segments: string[], isItem: boolean[], i: number): boolean {
	const left = segments[i]!;
	const right = segments[i + 1]!;
	const leftItem = isItem[i]!;
	const rightItem = isItem[i + 1]!;
	const rightIntroduces = LIST_INTRODUCERS.test(right) && !right.startsWith('在');
	// `经信委、发改委、办公厅等,直属部门`: 等 closes the list.
	if (left.endsWith('等')) return false;
	if (leftItem && rightItem && !rightIntroduces) return true;
	if (leftItem && !rightItem) {
		// The last item of a run: the list goes on into the next segment when it ends with 等 or
		// when the run began inside the previous segment.
		if (/^[^.]{1,12}等/u.test(right) && !ADVERBIALS.test(left)) return runLength(isItem, i) >= 1;
		const start = runStart(isItem, i);
		return start > 0 && tailIsItem(segments[start - 1]!) && !/等/u.test(right.slice(0, 12))
			? !opensSentence(right)
			: false;
	}
	if (!leftItem && rightItem && !rightIntroduces) {
		// The first item of a run that began in the tail of this segment (`所有的省,自治区,直辖市`),
		// only for lists that do not end in 等 — those start with their own first item.
		const end = runEnd(isItem, i + 1);
		const next = segments[end + 1] ?? '';
		const endsWithDeng = /^[^.]{1,12}等/u.test(next);
		const length = end - i;
		return tailIsItem(left) && (!endsWithDeng || length === 1);
	}
	return false;
}

/** Offset just after the last `。` chosen before break `i`, or 0. */
function lastSentenceEnd(positions: number[], chosen: Map<number, string>, i: number): number {
	for (let k = i - 1; k >= 0; k--) {
		if (chosen.get(positions[k]!) === '。') return positions[k]! + 1;
	}
	return 0;
}

function runStart(isItem: boolean[], i: number): number {
	let s = i;
	while (s > 0 && isItem[s - 1]) s--;
	return s;
}

function runEnd(isItem: boolean[], i: number): number {
	let e = i;
	while (e + 1 < isItem.length && isItem[e + 1]) e++;
	return e;
}

function runLength(isItem: boolean[], i: number): number {
	return i - runStart(isItem, i) + 1;
}

/** `所有的省`, `并在人口管理`: a short noun after a pivot word can be a list's first item. */
function tailIsItem(segment: string): boolean {
	return /(的|在|了|如|对|和|与|及|有)[\p{Script=Han}]{1,4}$/u.test(segment);
}

function opensSentence(segment: string): boolean {
	return (
		SENTENCE_OPENERS.some((w) => segment.startsWith(w)) ||
		SENTENCE_OPENING_PATTERNS.some((p) => p.test(segment))
	);
}
