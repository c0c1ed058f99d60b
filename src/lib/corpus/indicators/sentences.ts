/**
 * Sentences and clauses of a paragraph, as offset spans. A figure's quote is its sentence; its label
 * is read from its clause, where the measured thing and the number sit together.
 */

export interface Span {
	start: number;
	end: number;
}

/** After these a sentence ends (closing quotes and brackets stay with their sentence). */
const SENTENCE_END = /[。！？!?]+[”’」』)）]*/gu;
/**
 * A statement ends at a sentence end or `;`: the reports use it between independent statements
 * (`…辦公業務網;全國75%的地區…`), and each makes a quote of its own. A date or a place stated
 * before the `;` still holds after it, so those are looked up in the whole sentence.
 */
const STATEMENT_END = /[。！？!?；;]+[”’」』)）]*/gu;

/** Clause breaks. A space only separates the two halves of a headline (`…占领 我国…`). */
const CLAUSE_BREAK = /[,，:：;；。！？!? ]/u;

export function sentenceSpans(text: string): Span[] {
	return spansBetween(text, SENTENCE_END);
}

export function statementSpans(text: string): Span[] {
	return spansBetween(text, STATEMENT_END);
}

function spansBetween(text: string, ends: RegExp): Span[] {
	const spans: Span[] = [];
	let start = 0;
	for (const m of text.matchAll(ends)) {
		const end = m.index + m[0].length;
		spans.push({ start, end });
		start = end;
	}
	if (start < text.length) spans.push({ start, end: text.length });
	return spans.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

/** The clauses of `text[span]`, without their breaks. */
export function clauseSpans(text: string, span: Span): Span[] {
	const spans: Span[] = [];
	let start = span.start;
	for (let i = span.start; i <= span.end; i++) {
		if (i === span.end || CLAUSE_BREAK.test(text[i]!)) {
			if (i > start) spans.push({ start, end: i });
			start = i + 1;
		}
	}
	return spans;
}

export function spanAt(spans: readonly Span[], offset: number): Span | undefined {
	return spans.find((s) => s.start <= offset && offset < s.end);
}
