/** A citation a researcher can paste: the quote, the document, the raw source file and a link. */
import type { Locale } from '../i18n/locale';

export interface CitationParts {
	quote: string;
	title: string;
	source: string;
	url: string;
}

export function citation({ quote, title, source, url }: CitationParts, locale: Locale): string {
	return locale === 'zh-Hans'
		? `「${quote}」——《${title}》,${source},${url}`
		: `“${quote}” — ${title} (${source}), ${url}`;
}

/** The `lang` of text in a script, so the browser picks the right glyphs. */
export function langOf(script: 'Simplified' | 'Traditional'): string {
	return script === 'Traditional' ? 'zh-Hant' : 'zh-Hans';
}
