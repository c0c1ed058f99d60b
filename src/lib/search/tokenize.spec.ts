import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../testing/property-runs';
import { searchForm } from '../text/fold';
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, parseQuery } from './query';
import {
	EXACT_BIGRAMS,
	indexTerms,
	isBigramTerm,
	MAX_BUCKET_BITS,
	MIN_EXACT_DOCUMENT_FREQUENCY,
	TOKENIZER_VERSION,
	Vocabulary
} from './tokenize';

/** Every bigram in a bucket, none exact. */
const noVocabulary = Vocabulary.parse('', MAX_BUCKET_BITS);

const forms = (texts: string[]) => texts.map(searchForm);

describe('Vocabulary', () => {
	it('gives exact terms to the bigrams most passages hold', () => {
		const corpus = forms([
			...Array.from({ length: MIN_EXACT_DOCUMENT_FREQUENCY }, () => '电子政务网络'),
			'电子认证 其他'
		]);
		const vocabulary = Vocabulary.of(corpus);
		expect(vocabulary.isExact('电'.charCodeAt(0), '子'.charCodeAt(0))).toBe(true);
		expect(vocabulary.isExact('认'.charCodeAt(0), '证'.charCodeAt(0))).toBe(false);
		expect(Vocabulary.parse(vocabulary.bigrams, vocabulary.bucketBits).bigrams).toBe(
			vocabulary.bigrams
		);
		expect(vocabulary.bucketBits).toBe(8);
		expect(vocabulary.bigrams.length / 2).toBeLessThanOrEqual(EXACT_BIGRAMS);
	});

	it('refuses a damaged vocabulary', () => {
		expect(() => Vocabulary.parse('奇', 8)).toThrow();
		expect(() => Vocabulary.parse('电子', 99)).toThrow();
		expect(() => Vocabulary.parse(42 as unknown as string, 8)).toThrow();
	});
});

describe('indexTerms', () => {
	it('makes Chinese runs into bigram terms and keeps other words whole', () => {
		const terms = indexTerms(searchForm('CA电子认证 oracle 93.4% 2013年'), noVocabulary);
		expect(terms.filter((t) => !isBigramTerm(t))).toEqual(['ca', 'oracle', '93.4', '2013']);
		expect(terms.filter(isBigramTerm).length).toBe(3);
	});

	it('repeats an exact bigram once per occurrence, so MiniSearch counts it', () => {
		const vocabulary = Vocabulary.of(forms(Array.from({ length: 10 }, () => '明月')));
		expect(indexTerms(searchForm('明月明月'), vocabulary).length).toBe(3);
	});

	it('gives Simplified and Traditional spellings the same terms', () => {
		expect(indexTerms(searchForm('辦公業務網'), noVocabulary)).toEqual(
			indexTerms(searchForm('办公业务网'), noVocabulary)
		);
	});

	it('is pinned: a change to the terms must come with a new TOKENIZER_VERSION', () => {
		// If this fails, indexes stored in browsers would no longer match: bump the version.
		expect(TOKENIZER_VERSION).toBe('bigram-vocab-4096-buckets-8-14.4/fold-2');
		expect(
			[...indexTerms('电子', noVocabulary)[0]!].map((c) => c.charCodeAt(0).toString(16))
		).toEqual(['e001', 'e000', 'e000', 'e00f']);
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

	it('cuts a long query between parts, never inside one', () => {
		const long = '电子政务' + ' '.repeat(195) + 'oracle';
		expect(parseQuery(long).map((t) => t.text)).toEqual(['电子政务']);
		expect(parseQuery('电子政务 ' + '政'.repeat(300)).map((t) => t.text)).toEqual(['电子政务']);
		// One part longer than the limit: its beginning is still a phrase worth finding.
		expect(parseQuery('政'.repeat(300))[0]!.text).toHaveLength(MAX_QUERY_LENGTH);
		const many = Array.from({ length: MAX_QUERY_TERMS + 5 }, (_, k) => `w${k}`).join(' ');
		expect(parseQuery(many)).toHaveLength(MAX_QUERY_TERMS);
	});

	it('keeps a part with list marks as a phrase, and its keywords beside it', () => {
		const listed = (q: string) => parseQuery(q).map((t) => t.listed?.map((l) => l.text) ?? null);
		expect(parseQuery('南京，交换机').map((t) => t.text)).toEqual(['南京，交换机']);
		expect(listed('南京，交换机')).toEqual([['南京', '交换机']]);
		expect(listed('省、市、县；乡')).toEqual([['省', '市', '县', '乡']]);
		expect(listed('南京,交换机;光纤')).toEqual([['南京', '交换机', '光纤']]);
		expect(listed('1,300个 2;3 河南，')).toEqual([null, null, null]);
		expect(listed('1, 300')).toEqual([null, null]);
	});

	it('lets the words at the edges of a term be partial', () => {
		const [t] = parseQuery('3.4%和6');
		expect(t!.form).toBe(' 3.4 和 6 ');
		expect(t!.relaxed).toBe('3.4 和 6');
		expect(t!.innerWords).toEqual([]);
		expect(t!.hanRuns).toEqual(['和']);
		expect(parseQuery('a 7×24小时 b')[1]!.innerWords).toEqual(['24']);
	});
});

describe('properties of the tokenizer', () => {
	const options = { numRuns: propertyRuns(), seed: 20261122 };
	const vocabulary = Vocabulary.of(
		Array.from({ length: 10 }, () => searchForm('电子政务网络 明月 辦公業務網'))
	);

	it('never throws and gives only index terms: bigram codes or whole words without spaces', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
				for (const term of indexTerms(searchForm(input), vocabulary)) {
					expect(term.length).toBeGreaterThan(0);
					expect(term).not.toContain(' ');
				}
			}),
			options
		);
	});

	it('gives a substring no term its text lacks (the index can only widen, never miss)', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 30 }),
				fc.nat(),
				fc.nat(),
				(input, a, b) => {
					const form = searchForm(input);
					const i = a % (form.length + 1);
					const j = i + (b % (form.length - i + 1));
					const part = form.slice(i, j);
					// Cut words are partial and not required; Han bigrams of the part must all be there.
					const whole = new Set(indexTerms(form, vocabulary));
					for (const term of indexTerms(part, vocabulary).filter(isBigramTerm)) {
						expect(whole.has(term)).toBe(true);
					}
				}
			),
			options
		);
	});
});
