/**
 * Corpus → indicators: every quantitative statement of the passages, with what it measures, where
 * and when, and the exact span it was read from.
 *
 * Passages are read a paragraph at a time (a long paragraph is split into several passages, and
 * a sentence may run across the cut), so that labels, dates and places see the whole sentence;
 * each record then points into the one passage that holds its number.
 */
import { fold } from '../../text/fold';
import { continuesParagraph } from '../paragraphs';
import type { Corpus, CorpusDocument, Passage } from '../types';
import { adminLevel } from './admin-level';
import { dateBefore, findDates, leadingDate } from './dates';
import type { Indicator, IndicatorDate } from './indicator';
import { labelSentence } from './labels';
import { findNumbers, type SkippedNumber } from './number-parsing';
import { rawRangeOf } from './raw-offsets';
import { findRegions, type RegionMention } from './regions';
import { markRepeats } from './repeats';
import { sentenceSpans, spanAt, statementSpans } from './sentences';

/** Title, headings and body text are read; front matter (`第四篇…`) and bylines state no figures. */
const READ_KINDS = new Set<Passage['kind']>(['title', 'heading', 'text']);

/** A headline or sub-heading summarises the body: its figures are checked for repeats. */
const HEADLINE_KINDS = new Set<Passage['kind']>(['title', 'heading']);

interface Paragraph {
	passages: Passage[];
	/** Offset of each passage in `text`. */
	offsets: number[];
	text: string;
	form: string;
}

/** A number that is not a statistic, with where it stands. */
export interface SkippedInPassage extends SkippedNumber {
	passageId: string;
	docId: string;
}

export function extractIndicators(corpus: Corpus): Indicator[] {
	const records: Indicator[] = [];
	for (const doc of corpus.documents) records.push(...extractFromDocument(doc, passagesOf(corpus, doc)));
	const headlines = new Set(
		corpus.passages.filter((p) => HEADLINE_KINDS.has(p.kind)).map((p) => p.id)
	);
	return markRepeats(records, headlines);
}

/** The numbers left out, and why: for review (`npm run indicators -- --skipped`) and the tests. */
export function skippedNumbers(corpus: Corpus): SkippedInPassage[] {
	const out: SkippedInPassage[] = [];
	for (const doc of corpus.documents) {
		for (const para of paragraphs(passagesOf(corpus, doc))) {
			for (const s of findNumbers(para.text, para.form).skipped) {
				const { passage, offset } = locate(para, s.start);
				out.push({
					...s,
					start: s.start - offset,
					end: s.end - offset,
					passageId: passage.id,
					docId: doc.id
				});
			}
		}
	}
	return out;
}

function passagesOf(corpus: Corpus, doc: CorpusDocument): Passage[] {
	return corpus.passages.filter((p) => p.docId === doc.id && READ_KINDS.has(p.kind));
}

function extractFromDocument(doc: CorpusDocument, passages: Passage[]): Indicator[] {
	const title = passages.find((p) => p.kind === 'title');
	const titleForm = title ? foldSameLength(title.text) : '';
	// `2013年河南省电子政务发展概况`: the title dates and places every figure that says no more.
	const docDate = title ? leadingDate(title.text, titleForm, 'document') : null;
	const docRegion = title ? firstNamed(findRegions(title.text, titleForm)) : null;
	const out: Indicator[] = [];
	for (const para of paragraphs(passages)) {
		const { mentions } = findNumbers(para.text, para.form);
		if (mentions.length === 0) continue;
		const dates = findDates(para.text, para.form);
		const regions = findRegions(para.text, para.form);
		const paraDate = leadingDate(para.text, para.form, 'paragraph');
		const paraRegion = leadingRegion(para, regions);
		const sentences = sentenceSpans(para.text);
		for (const statement of statementSpans(para.text)) {
			const figures = mentions.filter((m) => m.start >= statement.start && m.start < statement.end);
			if (figures.length === 0) continue;
			const labels = labelSentence({
				text: para.text,
				form: para.form,
				sentence: statement,
				figures,
				regions,
				dates
			});
			figures.forEach((figure, i) => {
				const sentence = spanAt(sentences, figure.start) ?? statement;
				const { passage, offset } = locate(para, figure.start);
				const at: [number, number] = [figure.start - offset, figure.end - offset];
				const quoteStart = Math.max(statement.start, offset);
				const quoteEnd = Math.min(statement.end, offset + passage.text.length);
				const here = regions.filter((r) => r.start >= sentence.start && r.end <= figure.outerStart).at(-1);
				const region =
					here && here.kind !== 'local' ? here.name : (paraRegion ?? docRegion);
				const date: IndicatorDate | null =
					dateBefore(dates, sentence.start, figure.outerStart, 'sentence') ?? paraDate ?? docDate;
				out.push({
					id: `${passage.id}@${at[0]}`,
					value: figure.value,
					unit: figure.unit,
					qualifier: figure.qualifier,
					label: labels[i]!.label,
					level: adminLevel(labels[i]!.noun),
					region,
					date,
					quote: para.text.slice(quoteStart, quoteEnd).trim(),
					passageId: passage.id,
					docId: doc.id,
					source: doc.source,
					at,
					rawRange: rawRangeOf(passage.range, passage.edits, at[0], at[1]),
					repeatOf: null
				});
			});
		}
	}
	return out;
}

/**
 * Passages grouped into paragraphs: body passages that follow each other in the raw file with
 * nothing between them were cut from one paragraph; a title or heading is a paragraph of its own.
 */
function paragraphs(passages: readonly Passage[]): Paragraph[] {
	const groups: Passage[][] = [];
	for (const p of passages) {
		const last = groups.at(-1);
		const prev = last?.at(-1);
		if (last && continuesParagraph(prev, p)) {
			last.push(p);
		} else {
			groups.push([p]);
		}
	}
	return groups.map((group) => {
		const offsets: number[] = [];
		let text = '';
		for (const p of group) {
			offsets.push(text.length);
			text += p.text;
		}
		return { passages: group, offsets, text, form: foldSameLength(text) };
	});
}

function locate(para: Paragraph, at: number): { passage: Passage; offset: number } {
	let i = para.offsets.length - 1;
	while (i > 0 && para.offsets[i]! > at) i--;
	return { passage: para.passages[i]!, offset: para.offsets[i]! };
}

/**
 * The Simplified folding, used for matching word lists. It must line up with the text character
 * for character; where it would not (an expansion under NFKC), the text itself is matched.
 */
function foldSameLength(text: string): string {
	const form = fold(text);
	return form.length === text.length ? form : text;
}

function firstNamed(regions: readonly RegionMention[]): string | null {
	return regions.find((r) => r.kind !== 'local')?.name ?? null;
}

/**
 * The place a paragraph opens with (`北京市统筹建设了…`, after a leading `2013年,`), which governs
 * its figures. A dateline (`北京6月5日电`) names where the report was filed, not what it is about.
 */
function leadingRegion(para: Paragraph, regions: readonly RegionMention[]): string | null {
	const date = findDates(para.text, para.form)[0];
	let start = date && date.start === 0 ? date.end : 0;
	while (/[,，\s]/u.test(para.form[start] ?? '')) start++;
	const first = regions.find((r) => r.start === start && r.kind !== 'local');
	if (!first || /^\d{1,2}月\d{1,2}日/u.test(para.form.slice(first.end))) return null;
	return first.name;
}
