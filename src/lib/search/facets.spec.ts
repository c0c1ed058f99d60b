import { describe, expect, it } from 'vitest';
import { documentsToOffer } from './facets';

const docs = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const ids = (list: { id: string }[]) => list.map((d) => d.id);

describe('documentsToOffer', () => {
	it('offers the documents with hits, and the selected ones even without hits', () => {
		expect(ids(documentsToOffer(docs, { a: 2, c: 1 }, []))).toEqual(['a', 'c']);
		expect(ids(documentsToOffer(docs, { a: 2, c: 1 }, ['e']))).toEqual(['a', 'c', 'e']);
	});

	it('keeps the selected and the most hits under a limit, in document order', () => {
		const counts = { a: 1, b: 9, c: 3, d: 7, e: 2 };
		expect(ids(documentsToOffer(docs, counts, [], 2))).toEqual(['b', 'd']);
		expect(ids(documentsToOffer(docs, counts, ['a'], 2))).toEqual(['a', 'b']);
		// More selected than the limit: every selected one stays.
		expect(ids(documentsToOffer(docs, counts, ['a', 'e', 'c'], 2))).toEqual(['a', 'c', 'e']);
	});
});
