/**
 * Checks a bookmark record that came from outside this tab's memory — an import file, or a
 * stored record that may have been damaged — and copies what it knows into a fresh object.
 *
 * Only own, known fields are read (`Object.hasOwn`), so `__proto__`, `constructor` or any other
 * key is never followed, copied or assigned; unknown fields are dropped. Strings stay strings:
 * the page shows them as text.
 */
import { LIMITS, normalizeTags, type Bookmark } from './model';

/** What a field must be; each has a message in both languages. */
export type Expectation =
	| 'object'
	| 'id'
	| 'passage-id'
	| 'doc-id'
	| 'text'
	| 'quote'
	| 'scope'
	| 'range'
	| 'tags'
	| 'date'
	| 'revision'
	| 'hash';

export interface FieldProblem {
	field: string;
	expected: Expectation;
}

export type Checked = { ok: true; bookmark: Bookmark } | { ok: false; problem: FieldProblem };

const ID = /^[A-Za-z0-9_-]+$/u;
const PASSAGE_ID = /^[A-Za-z0-9_-]+$/u;
const DOC_ID = /^[A-Za-z0-9_.-]+$/u;
const HASH = /^[0-9a-z]*$/u;
/** The largest `Date` there is, in milliseconds. */
const MAX_DATE = 8.64e15;
const MAX_OFFSET = 100_000_000;

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Invalid extends Error {
	constructor(readonly problem: FieldProblem) {
		super(`${problem.field}: ${problem.expected}`);
	}
}

function fail(field: string, expected: Expectation): never {
	throw new Invalid({ field, expected });
}

export function validateBookmark(raw: unknown): Checked {
	try {
		return { ok: true, bookmark: read(raw) };
	} catch (error) {
		if (error instanceof Invalid) return { ok: false, problem: error.problem };
		throw error;
	}
}

function read(raw: unknown): Bookmark {
	if (!isPlainRecord(raw)) fail('', 'object');
	const has = (key: string) => Object.hasOwn(raw, key);
	const get = (key: string): unknown => (has(key) ? raw[key] : undefined);

	const string = (key: string, max: number, expected: Expectation, fallback?: string): string => {
		const value = get(key);
		if (value === undefined && fallback !== undefined) return fallback;
		if (typeof value !== 'string' || value.length > max) fail(key, expected);
		return value;
	};
	const matching = (key: string, pattern: RegExp, max: number, expected: Expectation) => {
		const value = string(key, max, expected);
		if (!value || !pattern.test(value)) fail(key, expected);
		return value;
	};
	const integer = (
		key: string,
		min: number,
		max: number,
		expected: Expectation,
		fallback?: number
	) => {
		const value = get(key);
		if (value === undefined && fallback !== undefined) return fallback;
		if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
			fail(key, expected);
		return value;
	};

	const id = matching('id', ID, LIMITS.id, 'id');
	const passageId = matching('passageId', PASSAGE_ID, LIMITS.passageId, 'passage-id');
	const docId = matching('docId', DOC_ID, LIMITS.docId, 'doc-id');
	const source = string('source', LIMITS.source, 'text');
	const title = string('title', LIMITS.title, 'text');

	const scope = get('scope');
	if (scope !== 'passage' && scope !== 'span') fail('scope', 'scope');

	const quote = string('quote', LIMITS.quote, 'quote');
	if (!quote) fail('quote', 'quote');

	const range = get('range');
	if (
		!Array.isArray(range) ||
		range.length !== 2 ||
		!range.every((n) => typeof n === 'number' && Number.isSafeInteger(n)) ||
		(range[0] as number) < 0 ||
		(range[1] as number) > MAX_OFFSET ||
		(range[1] as number) - (range[0] as number) !== quote.length
	)
		fail('range', 'range');

	const prefix = string('prefix', LIMITS.context, 'text', '');
	const suffix = string('suffix', LIMITS.context, 'text', '');
	const note = string('note', LIMITS.note, 'text', '');

	const rawTags = get('tags') ?? [];
	if (
		!Array.isArray(rawTags) ||
		rawTags.length > LIMITS.tags ||
		!rawTags.every((t) => typeof t === 'string' && t.length <= LIMITS.tag)
	)
		fail('tags', 'tags');
	const tags = normalizeTags(rawTags as string[]);

	const createdAt = integer('createdAt', 0, MAX_DATE, 'date');
	const updatedAt = integer('updatedAt', 0, MAX_DATE, 'date', createdAt);
	const revision = integer('revision', 1, 2 ** 31 - 1, 'revision', 1);
	const corpusHash = string('corpusHash', LIMITS.corpusHash, 'hash', '');
	if (!HASH.test(corpusHash)) fail('corpusHash', 'hash');

	return {
		id,
		passageId,
		docId,
		source,
		title,
		scope,
		range: [range[0] as number, range[1] as number],
		quote,
		prefix,
		suffix,
		note,
		tags,
		createdAt,
		updatedAt,
		revision,
		corpusHash
	};
}
