/**
 * The one MiniSearch configuration, used to build an index and to load it: a mismatch between the
 * two is how a stored index silently returns nothing, so there is no second copy.
 */
import type { Options } from 'minisearch';
import { indexTerms, type Vocabulary } from './tokenize';

/** A document as MiniSearch sees it: our position in the passage list, and its search form. */
export interface IndexedForm {
	i: number;
	form: string;
}

export const MINISEARCH_VERSION = '7.2.0';

export function miniSearchOptions(vocabulary: Vocabulary): Options<IndexedForm> {
	return {
		idField: 'i',
		fields: ['form'],
		storeFields: [],
		// The search form is already folded; the tokenizer reads it as is, on both sides.
		tokenize: (form) => indexTerms(form, vocabulary),
		processTerm: (term) => term,
		searchOptions: { combineWith: 'AND' }
	};
}
