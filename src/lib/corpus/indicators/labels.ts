/**
 * Names what each figure of a sentence measures, in the sentence's own words.
 *
 * The reports state a figure in one of three ways, and the label follows the grammar:
 *
 * 1. A rate or amount before the number: `地市级…覆盖率分别达到93.4%`, `日平均交换数据量达1500万条`.
 *    The label is that noun phrase (`交换数据量`), without the verbs that link it (`达到`).
 * 2. A counted noun after the number, with a predicate: `43%的國務院部門建成了覆蓋本系統的業務網絡`.
 *    The label turns it round into a noun, `建成業務網絡的國務院部門`: verb, object head, noun.
 * 3. A counted noun after the number, governed by a verb before it: `政务外网纵向已连接31个省`.
 *    The label is `政务外网连接的省`; a general verb (`实现`, `形成`) adds nothing, and the label is
 *    the noun itself.
 *
 * The elliptical forms of lists carry over from the figure before in the same sentence:
 * `…连接31个省…,311个市和1918个县` (the verb), `省级…覆盖率普遍在75%以上,地市级已达60%` (the rate,
 * with the level swapped), `数据总量达到17亿条、48T` (the whole label), and paired statements are
 * split: `地市级和区县级覆盖率分别达到93.4%和67.2%` gives `地市级覆盖率` and `区县级覆盖率`.
 *
 * Matching runs on `form`, the Simplified folding of `text` (same length); labels are cut from
 * `text`, so they stay in the document's script.
 */
import { fold } from '../../text/fold';
import {
	ADVERBS,
	BARE_METRICS,
	CONJUNCTIONS,
	CONTRASTS,
	EXAMPLE_MARKERS,
	GENERAL_VERBS,
	LEADING_FILLERS,
	LEVEL_SUBJECT,
	LEVEL_WORD,
	LINKING_VERBS,
	METRIC_SUFFIXES,
	NEGATIONS,
	NOUN_STOPS,
	PLACE_LIST_ENDS,
	PLACE_NOUNS,
	PREDICATE_VERBS,
	QUANTIFIERS,
	SUBJECT_ENDS,
	TRAILING_FILLERS
} from './label-words';
import { isPercent, type NumberMention } from './number-parsing';
import type { RegionMention } from './regions';
import { clauseSpans, type Span } from './sentences';
import type { DateMention } from './dates';

export interface FigureLabel {
	label: string;
	/** The measured or counted noun, folded to Simplified: where the administrative level is read. */
	noun: string;
}

export interface SentenceToLabel {
	/** The paragraph and its Simplified folding. */
	text: string;
	form: string;
	sentence: Span;
	/** The figures of the sentence, in text order. */
	figures: readonly NumberMention[];
	/** Places and dates of the paragraph: stripped from the front of a label. */
	regions: readonly RegionMention[];
	dates: readonly DateMention[];
}

/** How the figure before in the sentence was labelled, for the ellipses that follow it. */
interface Previous {
	label: string;
	noun: string;
	/** Subject and linking verb of a count: `政务外网` + `连接`. */
	linking: { subject: string; verb: string } | null;
	/** The narrowing object of a general verb: `政务内网` in `实现政务内网4个…`. */
	narrowing: string | null;
	/** The label names a rate or amount (ends in 率, 量 …). */
	metric: boolean;
}

/** Labels for every figure of a sentence, in order. */
export function labelSentence(input: SentenceToLabel): FigureLabel[] {
	return new SentenceLabeller(input).run();
}

/** Longer noun phrases are cut to their head (see `#shorten`). */
const MAX_LABEL = 16;
/** A head shorter than this says too little (`…的城市`): the phrase stays whole. */
const MIN_HEAD = 4;
/** Where a long phrase may be cut: after a list (`等`), a verb of use, or a modifier (`的`). */
const HEAD_BREAKS = ['等', '进行', '使用', '的'];

class SentenceLabeller {
	readonly #in: SentenceToLabel;
	readonly #clauses: Span[];
	#previous: Previous | null = null;
	#subject: string | null | undefined;

	constructor(input: SentenceToLabel) {
		this.#in = input;
		this.#clauses = clauseSpans(input.text, input.sentence);
	}

	run(): FigureLabel[] {
		const out: FigureLabel[] = [];
		const pairs = new Map<NumberMention, { label: string; noun: string }>();
		// Where each figure's counted noun ends: the next figure's words start after it.
		const nounEnds = new Map<NumberMention, number>();
		for (const figure of this.#in.figures) {
			const clause = this.#clauseOf(figure);
			const inClause = this.#in.figures.filter(
				(f) => f.start >= clause.start && f.end <= clause.end
			);
			const index = inClause.indexOf(figure);
			const paired = pairs.get(figure);
			if (paired) {
				out.push(this.#remember(paired.label, paired.noun, null, null));
				continue;
			}
			const before = inClause[index - 1];
			const pre: Span = {
				start: before ? Math.max(before.outerEnd, nounEnds.get(before) ?? 0) : clause.start,
				end: figure.outerStart
			};
			const rate = this.#trim(pre);
			if (this.#isMetric(rate)) {
				const split = index === 0 ? this.#splitPaired(clause, inClause, rate) : null;
				if (split) {
					split.forEach((s, i) => pairs.set(inClause[i]!, s));
					out.push(this.#remember(split[0]!.label, split[0]!.noun, null, null));
					continue;
				}
				const label = this.#withCoordinatedRate(clause, this.#shorten(rate));
				out.push(this.#remember(label, this.#f(rate), null, null));
				continue;
			}
			const counted = this.#countedNoun(figure, clause, inClause, index);
			if (counted) {
				nounEnds.set(figure, counted.rest);
				out.push(this.#countLabel(figure, clause, inClause, counted));
			} else {
				out.push(this.#rateLabel(clause, rate, isPercent(figure.unit)));
			}
		}
		return out;
	}

	// ---- Case 1: a rate or amount before the number -------------------------------------------

	#isMetric(s: Span): boolean {
		const f = this.#f(s);
		if (f.length === 0 || BARE_METRICS.includes(this.#f(this.#afterGeneralVerb(s)))) return false;
		return METRIC_SUFFIXES.some((m) => f.endsWith(m));
	}

	/** `地市级和区县级覆盖率分别达到93.4%和67.2%`: one label per figure, the shared head distributed. */
	#splitPaired(
		clause: Span,
		inClause: readonly NumberMention[],
		rate: Span
	): { label: string; noun: string }[] | null {
		const head = this.#f({ start: clause.start, end: inClause[0]!.outerStart });
		if (!head.includes('分别') || inClause.length < 2) return null;
		const parts = this.#splitAt(rate, CONJUNCTIONS);
		if (parts.length !== inClause.length) return null;
		const last = parts.at(-1)!;
		const lastForm = this.#f(last);
		const level = LEVEL_WORD.exec(lastForm);
		const firstLength = parts[0]!.end - parts[0]!.start;
		const headLength = level && level.index === 0 ? level[0].length : firstLength;
		const tail = { start: last.start + headLength, end: last.end };
		return parts.map((p, i) => {
			const label = i === parts.length - 1 ? this.#t(p) : this.#t(p) + this.#t(tail);
			return { label, noun: i === parts.length - 1 ? this.#f(p) : this.#f(p) + this.#f(tail) };
		});
	}

	/** `信息反馈率,接收率达到80%以上`: a bare rate clause before shares the figure. */
	#withCoordinatedRate(clause: Span, rate: Span): string {
		const before = this.#clauses[this.#clauses.indexOf(clause) - 1];
		if (!before || this.#hasFigure(before) || clause.start - before.end !== 1) return this.#t(rate);
		const f = this.#f(before);
		const bare =
			f.length <= 8 &&
			f.endsWith('率') &&
			this.#findVerb(before, [...LINKING_VERBS, ...PREDICATE_VERBS]) === null;
		return bare ? `${this.#t(before)}、${this.#t(rate)}` : this.#t(rate);
	}

	// ---- Cases 2 and 3: a counted noun after the number -----------------------------------------

	/**
	 * The noun counted by `figure`: after it (`31个省`, `90%以上的市`), or carried by `N个Y中有`;
	 * `rest` is where its predicate may start.
	 */
	#countedNoun(
		figure: NumberMention,
		clause: Span,
		inClause: readonly NumberMention[],
		index: number
	): { noun: Span; rest: number } | null {
		const form = this.#in.form;
		let start = figure.outerEnd;
		if (form[start] === '的') start++;
		const noun = this.#readNoun(start, clause.end, !isPercent(figure.unit));
		if (noun.end > noun.start) return { noun, rest: noun.end };
		// `其中15市正式上线运行`: the unit is the noun.
		if (PLACE_NOUNS.includes(figure.unit)) {
			return { noun: { start: figure.end - 1, end: figure.end }, rest: figure.outerEnd };
		}
		// `全国36个大城市中有30个已经完成…`: the 30 are of the 36 big cities.
		const before = inClause[index - 1];
		if (before && form.slice(before.outerEnd, figure.outerStart).endsWith('中有')) {
			const carried = this.#readNoun(before.outerEnd, clause.end, true);
			if (carried.end > carried.start) return { noun: carried, rest: figure.outerEnd };
		}
		return null;
	}

	/** A noun from `start`: up to a verb, an adverb, `的`, or a conjunction that opens a new item. */
	#readNoun(start: number, end: number, counting: boolean): Span {
		const { form } = this.#in;
		let i = start;
		while (i < end) {
			const ch = form[i]!;
			if (ch === '(' || ch === '（') {
				const close = form.slice(i, end).search(/[)）]/u);
				if (close < 0) break;
				i += close + 1;
				continue;
			}
			if (this.#figureStartsAt(i) || ch === '的') break;
			if (NOUN_STOPS.some((w) => form.startsWith(w, i))) break;
			if (CONJUNCTIONS.includes(ch)) {
				const next = i + 1;
				const newItem =
					this.#figureStartsAt(next) ||
					QUANTIFIERS.some((q) => form.startsWith(q, next)) ||
					// `31个省和新疆生产建设兵团`: the 31 are provinces only.
					(counting && i - start === 1 && PLACE_NOUNS.includes(form[start]!));
				if (newItem || i === start) break;
				i++;
				continue;
			}
			if (!/[\p{Script=Han}A-Za-z]/u.test(ch)) break;
			i++;
		}
		return { start, end: i };
	}

	#countLabel(
		figure: NumberMention,
		clause: Span,
		inClause: readonly NumberMention[],
		{ noun, rest }: { noun: Span; rest: number }
	): FigureLabel {
		const modifier = this.#in.form[figure.outerEnd] === '的';
		let predicate = this.#predicate({ start: rest, end: clause.end }, modifier);
		// `100%的省辖市政府、99%的省直部门和100%的县级政府开通了门户网站`: one predicate for all.
		for (const later of inClause.filter((f) => f.start > figure.start)) {
			if (predicate !== null || !modifier) break;
			const laterNoun = this.#readNoun(
				this.#in.form[later.outerEnd] === '的' ? later.outerEnd + 1 : later.outerEnd,
				clause.end,
				false
			);
			predicate = this.#predicate({ start: laterNoun.end, end: clause.end }, true);
		}
		const nounText = this.#t(noun);
		if (predicate) return this.#remember(`${predicate}的${nounText}`, this.#f(noun), null, null);

		const head: Span = { start: clause.start, end: inClause[0]!.outerStart };
		const linking = this.#findVerb(head, LINKING_VERBS);
		const general = this.#findVerb(head, GENERAL_VERBS);
		if (linking && (!general || linking.start < general.start)) {
			const subject = this.#t(this.#trim({ start: head.start, end: linking.start })) || this.#impliedSubject();
			const verb = this.#t(linking);
			return this.#remember(`${subject}${verb}的${nounText}`, this.#f(noun), { subject, verb }, null);
		}
		if (general) {
			const narrowing = this.#narrowing({ start: general.end, end: head.end });
			return this.#remember(narrowing + nounText, this.#f(noun), null, narrowing);
		}
		const previous = this.#previous;
		if (previous?.linking) {
			const { subject, verb } = previous.linking;
			return this.#remember(`${subject}${verb}的${nounText}`, this.#f(noun), previous.linking, null);
		}
		if (previous?.narrowing) {
			return this.#remember(previous.narrowing + nounText, this.#f(noun), null, previous.narrowing);
		}
		return this.#remember(nounText, this.#f(noun), null, null);
	}

	/**
	 * The predicate after a counted noun, reduced to verb and object head:
	 * `已建成機關內部辦公業務網` → `建成機關內部辦公業務網`,
	 * `没有设立专门的电子政务管理部门或明确…` → `没有设立电子政务管理部门`.
	 * With `skipModifier`, a `的` phrase may come first (`省级政府的工业和信息化部门设立了…`).
	 */
	#predicate(span: Span, skipModifier: boolean): string | null {
		const { form } = this.#in;
		let at = this.#skipWords(span.start, span.end, ADVERBS);
		if (skipModifier && form[at] === '的') {
			const verb = this.#findVerb({ start: at, end: span.end }, PREDICATE_VERBS);
			if (!verb) return null;
			at = verb.start;
		}
		const negationStart = at;
		const negation = NEGATIONS.find((n) => form.startsWith(n, at));
		if (negation) at += negation.length;
		const verb = longest(PREDICATE_VERBS.filter((v) => form.startsWith(v, at)));
		if (!verb) return null;
		const verbEnd = at + verb.length;
		const contrast = this.#firstOf({ start: verbEnd, end: span.end }, CONTRASTS);
		let object: Span = { start: verbEnd, end: contrast ?? span.end };
		if (form[object.start] === '了') object.start++;
		if (verb === '被') return this.#t({ start: negationStart, end: object.end });
		const lastDe = form.lastIndexOf('的', object.end - 1);
		if (lastDe >= object.start) object = { start: lastDe + 1, end: object.end };
		const or = form.indexOf('或', object.start);
		if (or > object.start && or < object.end) object = { start: object.start, end: or };
		return this.#t({ start: negationStart, end: verbEnd }) + this.#t(object);
	}

	/** The object of a general verb, when it narrows the counted noun: `政务内网`, not `对`. */
	#narrowing(span: Span): string {
		const s = this.#trimWords(span, ['了', '对', '包括', '总数', '全省', '全市'], []);
		const f = this.#f(s);
		return f.length > 0 && f.length <= 6 && !/[、,和及与等]/u.test(f) ? this.#t(s) : '';
	}

	// ---- A rate without its noun: ellipses ------------------------------------------------------

	/** A figure with no counted noun after it: the words before it, or what they elide. */
	#rateLabel(clause: Span, rate: Span, percent: boolean): FigureLabel {
		let words = rate;
		let elliptical = false;
		const before = this.#clauses[this.#clauses.indexOf(clause) - 1];
		// `部分部委,如公安部、…等已达到100%`: the category is the clause before the examples.
		if (EXAMPLE_MARKERS.some((m) => this.#f(rate).startsWith(m)) && before && !this.#hasFigure(before)) {
			words = this.#trim(before);
			elliptical = true;
		}
		const previous = this.#previous;
		if (words.end <= words.start) {
			// `数据总量达到17亿条、48T`: the list goes on under the same label.
			if (previous) return this.#remember(previous.label, previous.noun, previous.linking, previous.narrowing);
			return this.#remember(this.#t(clause), this.#f(clause), null, null);
		}
		// `全国已经建成和正在建设数字化城市管理的城市超过128个`: already a noun phrase.
		if (this.#f(words).includes('的')) {
			return this.#remember(this.#t(this.#shorten(words)), this.#f(words), null, null);
		}
		const linking = this.#findVerb(words, LINKING_VERBS);
		if (linking) {
			// `政府外网还连接了中央政务部门和相关单位78家`, `市州、县市区部门接入近万家`.
			const subjectSpan = this.#trim({ start: words.start, end: linking.start });
			const object = this.#trimWords(this.#trim({ start: linking.end, end: words.end }), ['了'], []);
			const verb = this.#t(linking);
			if (object.end <= object.start) {
				return this.#remember(`${verb}的${this.#t(subjectSpan)}`, this.#f(subjectSpan), null, null);
			}
			const subject = this.#t(subjectSpan) || this.#impliedSubject();
			return this.#remember(`${subject}${verb}的${this.#t(object)}`, this.#f(object), { subject, verb }, null);
		}
		const general = this.#afterGeneralVerb(words);
		if (general.start !== words.start) return this.#remember(this.#t(general), this.#f(general), null, null);
		const f = this.#f(words);
		// Only a subject can stand for a rate: a level (`地市级`), a body (`部分部委`), not a noun of
		// its own (`农村户籍流动人口约占80%`).
		elliptical ||= LEVEL_SUBJECT.test(f) || SUBJECT_ENDS.some((e) => f.endsWith(e));
		if (previous?.metric && percent && elliptical) {
			// `省级政务部门…覆盖率普遍在75%以上,地市级已达60%`: the level takes the rate over.
			const level = LEVEL_WORD.exec(fold(previous.label));
			if (LEVEL_SUBJECT.test(f) && level) {
				const label =
					previous.label.slice(0, level.index) + this.#t(words) + previous.label.slice(level.index + level[0].length);
				return this.#remember(label, fold(label), null, null);
			}
			const tail = rateTail(previous.label, fold(previous.label));
			return this.#remember(this.#t(words) + tail, f + fold(tail), null, null);
		}
		if (previous?.linking) {
			const { subject, verb } = previous.linking;
			return this.#remember(`${subject}${verb}的${this.#t(words)}`, f, previous.linking, null);
		}
		return this.#remember(this.#t(words), f, null, null);
	}

	// ---- Shared helpers -------------------------------------------------------------------------

	#remember(
		label: string,
		noun: string,
		linking: Previous['linking'],
		narrowing: string | null
	): FigureLabel {
		const metric = METRIC_SUFFIXES.some((m) => fold(label).endsWith(m));
		this.#previous = { label, noun, linking, narrowing, metric };
		return { label, noun };
	}

	/**
	 * Who does the connecting when a clause does not say: the subject or narrowing object of the
	 * figure before (`实现政务内网4个…交换机,…,连接了209个节点` → `政务内网连接的节点`), else the
	 * sentence's subject.
	 */
	#impliedSubject(): string {
		const previous = this.#previous;
		return previous?.linking?.subject || previous?.narrowing || this.#sentenceSubject();
	}

	/**
	 * The subject of the sentence: the words before the verb of its first clause that has one
	 * (`电子政务外网实现了…`), for a later clause that has a verb but no subject (`横向接入91个…`).
	 */
	#sentenceSubject(): string {
		if (this.#subject === undefined) {
			this.#subject = null;
			for (const clause of this.#clauses) {
				const verb = this.#findVerb(clause, [...LINKING_VERBS, ...GENERAL_VERBS, '涵盖']);
				if (!verb) continue;
				const words = this.#trim({ start: clause.start, end: verb.start });
				const f = this.#f(words);
				if (f.length >= 2 && f.length <= 10 && !/\d/u.test(f)) this.#subject = this.#t(words);
				break;
			}
		}
		return this.#subject ?? '';
	}

	/** Strips openers, places, dates and linking verbs from both ends of a noun phrase. */
	#trim(span: Span): Span {
		let s = span;
		for (let changed = true; changed; ) {
			const before = s;
			s = this.#trimWords(s, [...LEADING_FILLERS, ...CONJUNCTIONS], TRAILING_FILLERS);
			const region = this.#in.regions.find((r) => r.start === s.start && r.end <= s.end);
			if (region) {
				s = { start: region.end, end: s.end };
				const end = PLACE_LIST_ENDS.find((w) => this.#in.form.startsWith(w, s.start));
				if (end) s = { start: s.start + end.length, end: s.end };
			}
			const date = this.#in.dates.find((d) => d.start === s.start && d.end <= s.end);
			if (date) s = { start: date.end, end: s.end };
			while (s.start < s.end && /[\s,、:;“”"'‘’《》()]/u.test(this.#in.form[s.start]!)) s = { ...s, start: s.start + 1 };
			while (s.end > s.start && /[\s,、:;“”"'‘’《]/u.test(this.#in.form[s.end - 1]!)) s = { ...s, end: s.end - 1 };
			changed = s.start !== before.start || s.end !== before.end;
		}
		return s;
	}

	#trimWords(span: Span, leading: readonly string[], trailing: readonly string[]): Span {
		const { form } = this.#in;
		let { start, end } = span;
		for (let changed = true; changed && start < end; ) {
			changed = false;
			const lead = longest(leading.filter((w) => form.startsWith(w, start) && start + w.length <= end));
			if (lead) {
				start += lead.length;
				changed = true;
			}
			const trail = longest(trailing.filter((w) => form.slice(start, end).endsWith(w)));
			if (trail && end - trail.length >= start) {
				end -= trail.length;
				changed = true;
			}
		}
		return { start, end };
	}

	/** `支撑各类业务信息化应用系统` → `各类业务信息化应用系统`: a general verb opening a phrase. */
	#afterGeneralVerb(span: Span): Span {
		const verb = longest(GENERAL_VERBS.filter((v) => this.#in.form.startsWith(v, span.start)));
		if (!verb) return span;
		return this.#trimWords(this.#trim({ start: span.start + verb.length, end: span.end }), ['了'], []);
	}

	/**
	 * A long noun phrase keeps its head: `海关、税务…等重点领域业务信息化覆盖率` → `重点领域业务…`,
	 * `…使用营造林作业设计系统进行作业设计普及率` → `作业设计普及率`. The quote keeps the rest.
	 */
	#shorten(span: Span): Span {
		if (span.end - span.start <= MAX_LABEL) return span;
		let cut = -1;
		for (const w of HEAD_BREAKS) {
			const at = this.#in.form.lastIndexOf(w, span.end - 1);
			if (at >= span.start && at + w.length > cut) cut = at + w.length;
		}
		return cut >= 0 && span.end - cut >= MIN_HEAD ? { start: cut, end: span.end } : span;
	}

	#skipWords(start: number, end: number, words: readonly string[]): number {
		let at = start;
		for (let w = longest(words.filter((x) => this.#in.form.startsWith(x, at))); w && at < end; ) {
			at += w.length;
			w = longest(words.filter((x) => this.#in.form.startsWith(x, at)));
		}
		return at;
	}

	/** The earliest of `verbs` in `span` (the longest at that place). */
	#findVerb(span: Span, verbs: readonly string[]): Span | null {
		const { form } = this.#in;
		for (let i = span.start; i < span.end; i++) {
			const verb = longest(verbs.filter((v) => form.startsWith(v, i) && i + v.length <= span.end));
			if (verb) return { start: i, end: i + verb.length };
		}
		return null;
	}

	#firstOf(span: Span, words: readonly string[]): number | null {
		for (let i = span.start; i < span.end; i++) {
			if (words.some((w) => this.#in.form.startsWith(w, i))) return i;
		}
		return null;
	}

	#splitAt(span: Span, separators: readonly string[]): Span[] {
		const parts: Span[] = [];
		let start = span.start;
		for (let i = span.start; i < span.end; i++) {
			if (separators.includes(this.#in.form[i]!)) {
				parts.push({ start, end: i });
				start = i + 1;
			}
		}
		parts.push({ start, end: span.end });
		return parts.filter((p) => p.end > p.start);
	}

	#clauseOf(figure: NumberMention): Span {
		return (
			this.#clauses.find((c) => c.start <= figure.start && figure.start < c.end) ?? {
				start: figure.outerStart,
				end: figure.outerEnd
			}
		);
	}

	#hasFigure(span: Span): boolean {
		return this.#in.figures.some((f) => f.start >= span.start && f.start < span.end);
	}

	#figureStartsAt(at: number): boolean {
		return this.#in.figures.some((f) => f.outerStart === at);
	}

	#t(span: Span): string {
		return this.#in.text.slice(span.start, span.end);
	}

	#f(span: Span): string {
		return this.#in.form.slice(span.start, span.end);
	}
}

/** `海关、税务…等重点领域业务信息化覆盖率` → `业务信息化覆盖率`: the rate without its subject. */
function rateTail(label: string, form: string): string {
	let cut = -1;
	for (const end of SUBJECT_ENDS) {
		const at = form.lastIndexOf(end);
		if (at >= 0 && at + end.length > cut && at + end.length < form.length) cut = at + end.length;
	}
	return cut >= 0 ? label.slice(cut) : label;
}

function longest(words: readonly string[]): string | undefined {
	return words.reduce<string | undefined>((a, w) => (a === undefined || w.length > a.length ? w : a), undefined);
}
