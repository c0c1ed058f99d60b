import { formatJson } from './format-json';
import type { Corpus } from './types';

/** The committed corpus.json text. */
export function formatCorpus(corpus: Corpus): string {
	return formatJson(corpus, ['passages', 'outline', 'dropped']);
}
