/** A citation a researcher can paste: the quote, the document, the raw source file and a link. */
import type { Locale } from '../i18n/locale';
import { displayPunctuation } from '../text/segments';

export interface CitationParts {
	quote: string;
	title: string;
	source: string;
	url: string;
}

/** The quote and title read as the page shows them: full-width marks beside Chinese text. */
export function citation({ quote, title, source, url }: CitationParts, locale: Locale): string {
	const shownQuote = displayPunctuation(quote);
	const shownTitle = displayPunctuation(title);
	return locale === 'zh-Hans'
		? `「${shownQuote}」——《${shownTitle}》，${source}，${url}`
		: `“${shownQuote}” — ${shownTitle} (${source}), ${url}`;
}

/** The `lang` of text in a script, so the browser picks the right glyphs. */
export function langOf(script: 'Simplified' | 'Traditional'): string {
	return script === 'Traditional' ? 'zh-Hant' : 'zh-Hans';
}
