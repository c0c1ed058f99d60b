import { describe, expect, it } from 'vitest';
import {
	anchorIn,
	anchorKey,
	CONTEXT_LENGTH,
	createBookmark,
	LIMITS,
	normalizeNote,
	normalizeTags,
	parseTags
} from './model';

describe('anchorIn', () => {
	const text = 'a'.repeat(40) + '电子政务' + 'b'.repeat(40);

	it('keeps the quote and about 32 characters of context on each side', () => {
		const anchor = anchorIn(text, 40, 44);
		expect(anchor.quote).toBe('电子政务');
		expect(anchor.range).toEqual([40, 44]);
		expect(anchor.prefix).toBe('a'.repeat(CONTEXT_LENGTH));
		expect(anchor.suffix).toBe('b'.repeat(CONTEXT_LENGTH));
	});

	it('clamps offsets into the text', () => {
		expect(anchorIn('abc', -5, 99)).toEqual({
			range: [0, 3],
			quote: 'abc',
			prefix: '',
			suffix: ''
		});
		expect(anchorIn('abc', 2, 1).quote).toBe('');
	});

	it('never cuts a character outside the Basic Multilingual Plane in two', () => {
		const astral = '𠀀'; // two UTF-16 code units
		const s = astral.repeat(20) + 'X' + astral.repeat(20);
		const anchor = anchorIn(s, 40, 41);
		expect(anchor.quote).toBe('X');
		for (const part of [anchor.prefix, anchor.suffix]) {
			expect(part.length % 2).toBe(0);
			expect([...part].every((c) => c === astral)).toBe(true);
		}
		// Offsets inside a character widen to take all of it.
		const inside = anchorIn(s, 1, 3);
		expect(inside.quote).toBe(astral + astral);
		expect(inside.range).toEqual([0, 4]);
	});
});

describe('tags and notes', () => {
	it('trims, collapses white space, drops empties and repeats', () => {
		expect(
			normalizeTags(['  政策 ', '政策', 'Cloud  computing', 'cloud computing', '', ' '])
		).toEqual(['政策', 'Cloud computing']);
	});

	it('limits how many tags and how long', () => {
		const many = Array.from({ length: 50 }, (_, i) => `t${i}`);
		expect(normalizeTags(many)).toHaveLength(LIMITS.tags);
		expect(normalizeTags(['x'.repeat(200)])[0]).toHaveLength(LIMITS.tag);
	});

	it('splits typed tags on commas of either width, 、, semicolons and new lines', () => {
		expect(parseTags('电子政务，云计算、报告; paper\nb')).toEqual([
			'电子政务',
			'云计算',
			'报告',
			'paper',
			'b'
		]);
	});

	it('is idempotent', () => {
		const once = normalizeTags([' a ', 'B', 'b', '  c  d ']);
		expect(normalizeTags(once)).toEqual(once);
	});

	it('keeps notes as typed, with one kind of line break', () => {
		expect(normalizeNote('a\r\nb\rc')).toBe('a\nb\nc');
		expect(normalizeNote('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
	});
});

describe('createBookmark', () => {
	const passage = {
		passageId: 'pabc',
		docId: 'd1',
		source: 'd1.txt',
		title: 'T',
		text: '第一句。第二句。第三句。'
	};
	const context = { id: 'id-1', now: 1000, corpusHash: 'h' };

	it('bookmarks the whole passage when no span is given', () => {
		const b = createBookmark(passage, context);
		expect(b).toMatchObject({
			scope: 'passage',
			range: [0, passage.text.length],
			quote: passage.text,
			prefix: '',
			suffix: '',
			revision: 1,
			createdAt: 1000,
			updatedAt: 1000,
			corpusHash: 'h'
		});
	});

	it('bookmarks a span with its context', () => {
		const b = createBookmark({ ...passage, span: [4, 8], note: 'n', tags: ['a', 'a'] }, context);
		expect(b).toMatchObject({
			scope: 'span',
			range: [4, 8],
			quote: '第二句。',
			prefix: '第一句。',
			suffix: '第三句。',
			note: 'n',
			tags: ['a']
		});
	});

	it('keys the same place the same way', () => {
		const a = createBookmark({ ...passage, span: [4, 8] }, context);
		const b = createBookmark({ ...passage, span: [4, 8] }, { ...context, id: 'other' });
		expect(anchorKey(a)).toBe(anchorKey(b));
		expect(anchorKey(a)).not.toBe(anchorKey(createBookmark(passage, context)));
	});
});
