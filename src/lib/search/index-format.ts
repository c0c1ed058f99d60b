/**
 * The record stored with every serialized index. An index is only used with the corpus, tokenizer
 * and MiniSearch version it was built with; anything else means rebuild.
 */
import { MINISEARCH_VERSION } from './minisearch-options';
import { TOKENIZER_VERSION } from './tokenize';

/** Bump when the serialized layout itself changes. */
export const INDEX_FORMAT_VERSION = 4;

export interface IndexFormat {
	engine: 'nianjian-search';
	version: number;
	tokenizer: string;
	minisearch: string;
	/** The `hash` of the corpus the index was built from. */
	corpus: string;
}

export class IndexFormatMismatch extends Error {
	constructor(readonly reason: string) {
		super(reason);
		this.name = 'IndexFormatMismatch';
	}
}

export function currentFormat(corpusHash: string): IndexFormat {
	return {
		engine: 'nianjian-search',
		version: INDEX_FORMAT_VERSION,
		tokenizer: TOKENIZER_VERSION,
		minisearch: MINISEARCH_VERSION,
		corpus: corpusHash
	};
}

/** Throws `IndexFormatMismatch` saying what differs. */
export function checkFormat(stored: unknown, corpusHash: string): void {
	const want = currentFormat(corpusHash);
	if (typeof stored !== 'object' || stored === null) {
		throw new IndexFormatMismatch('the stored index has no format record');
	}
	const got = stored as Partial<IndexFormat>;
	for (const key of Object.keys(want) as (keyof IndexFormat)[]) {
		if (got[key] !== want[key]) {
			throw new IndexFormatMismatch(
				`stored index ${key} is ${JSON.stringify(got[key])}, this build needs ${JSON.stringify(want[key])}`
			);
		}
	}
}
