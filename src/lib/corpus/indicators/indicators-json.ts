/** The committed `corpus/indicators.json`: what the app charts without extracting in the page. */
import type { Corpus } from '../types';
import { formatJson } from '../format-json';
import { extractIndicators } from './extract-indicators';
import type { Indicator } from './indicator';

/** Bump when the shape of a record changes. */
export const INDICATORS_FORMAT = 1;

export interface IndicatorsFile {
	format: number;
	/** The `hash` of the corpus.json the indicators were read from: a stale file is detectable. */
	corpusHash: string;
	indicators: Indicator[];
}

/** The file's text: one indicator per line, so a change to extraction reviews line by line. */
export function formatIndicators(
	corpus: Corpus,
	indicators: Indicator[] = extractIndicators(corpus)
): string {
	const file: IndicatorsFile = { format: INDICATORS_FORMAT, corpusHash: corpus.hash, indicators };
	return formatJson(file, ['indicators']);
}
