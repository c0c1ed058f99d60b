import { describe, expect, it } from 'vitest';
import { searchForm } from '../text/fold';
import { parseQuery } from './query';
import { bigramTerm, indexTerms, isBigramTerm, TOKENIZER_VERSION } from './tokenize';

describe('indexTerms', () => {
	it('makes Chinese runs into bigrams and keeps other words whole', () => {
		const terms = indexTerms(searchForm('CA电子认证 oracle 93.4% 2013年'));
		expect(terms.filter((t) => !isBigramTerm(t))).toEqual(['ca', 'oracle', '93.4', '2013']);
		expect(terms.filter(isBigramTerm).length).toBe(3);
	});

	it('gives Simplified and Traditional spellings the same terms', () => {
		expect(indexTerms(searchForm('辦公業務網'))).toEqual(indexTerms(searchForm('办公业务网')));
	});

	it('is pinned: a change to the terms must come with a new TOKENIZER_VERSION', () => {
		// If this fails, stored indexes in browsers would no longer match: bump the version.
		expect(TOKENIZER_VERSION).toBe('bigram-bucket-14.1/fold-2');
		expect([...bigramTerm(0x7535, 0x5b50)].map((c) => c.charCodeAt(0).toString(16))).toEqual([
			'e020',
			'e08f'
		]);
	});
});

describe('parseQuery', () => {
	it('splits on spaces, drops parts with nothing to find and repeated parts', () => {
		expect(parseQuery(' 河南　社会保障  ((( 河南 ').map((t) => t.text)).toEqual([
			'河南',
			'社会保障'
		]);
		expect(parseQuery('「」，。')).toEqual([]);
	});

	it('lets the words at the edges of a term be partial', () => {
		const [t] = parseQuery('3.4%和6');
		expect(t!.form).toBe(' 3.4 和 6 ');
		expect(t!.relaxed).toBe('3.4 和 6');
		expect(t!.indexTerms).toEqual([]);
	});
});
