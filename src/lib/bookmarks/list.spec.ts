import { describe, expect, it } from 'vitest';
import { allDocuments, allTags, matches, sortBookmarks } from './list';
import { sampleBookmark } from './test-data';

const a = sampleBookmark({
	id: 'a',
	docId: 'd2',
	title: '乙文档',
	quote: '电子政务',
	range: [0, 4],
	note: 'Cloud strategy',
	tags: ['政策'],
	createdAt: 1,
	updatedAt: 5
});
const b = sampleBookmark({
	id: 'b',
	docId: 'd1',
	title: '甲文档',
	quote: '办公平台',
	range: [10, 14],
	tags: ['平台', '政策'],
	createdAt: 2,
	updatedAt: 2
});
const c = sampleBookmark({
	id: 'c',
	docId: 'd1',
	title: '甲文档',
	quote: '网络',
	range: [3, 5],
	createdAt: 3,
	updatedAt: 3
});

describe('bookmarks list', () => {
	const none = { text: '', tag: '', docId: '' };

	it('filters by words in quote, note, title or tags, in any case', () => {
		expect([a, b, c].filter((x) => matches(x, { ...none, text: 'cloud' }))).toEqual([a]);
		expect([a, b, c].filter((x) => matches(x, { ...none, text: '甲文档 网络' }))).toEqual([c]);
		expect([a, b, c].filter((x) => matches(x, { ...none, text: '政策' }))).toEqual([a, b]);
	});

	it('filters by tag and by document', () => {
		expect([a, b, c].filter((x) => matches(x, { ...none, tag: '平台' }))).toEqual([b]);
		expect([a, b, c].filter((x) => matches(x, { ...none, docId: 'd1' }))).toEqual([b, c]);
	});

	it('sorts by creation, edit, or place in the documents', () => {
		const ids = (list: { id: string }[]) => list.map((x) => x.id);
		expect(ids(sortBookmarks([a, b, c], 'newest'))).toEqual(['c', 'b', 'a']);
		expect(ids(sortBookmarks([a, b, c], 'oldest'))).toEqual(['a', 'b', 'c']);
		expect(ids(sortBookmarks([a, b, c], 'edited'))).toEqual(['a', 'c', 'b']);
		expect(ids(sortBookmarks([a, b, c], 'document'))).toEqual(['c', 'b', 'a']);
		const place = new Map([
			['a', 1],
			['b', 3],
			['c', 2]
		]);
		expect(ids(sortBookmarks([a, b, c], 'document', (x) => place.get(x.id)))).toEqual([
			'a',
			'c',
			'b'
		]);
	});

	it('lists the tags and documents in use, each once', () => {
		expect(allTags([a, b, c])).toEqual(expect.arrayContaining(['政策', '平台']));
		expect(allTags([a, b, c])).toHaveLength(2);
		expect(
			allDocuments([a, b, c])
				.map((d) => d.docId)
				.sort()
		).toEqual(['d1', 'd2']);
	});
});
