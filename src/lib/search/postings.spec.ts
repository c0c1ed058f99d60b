import MiniSearch from 'minisearch';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniSearchOptions, MINISEARCH_VERSION, type IndexedForm } from './minisearch-options';
import { postings, shortIdsArePositions } from './postings';
import { MAX_BUCKET_BITS, Vocabulary } from './tokenize';

const noVocabulary = Vocabulary.parse('', MAX_BUCKET_BITS);

describe('the MiniSearch internals the query path reads', () => {
	it('is the MiniSearch version the format record names', () => {
		const file = path.resolve(import.meta.dirname, '../../../node_modules/minisearch/package.json');
		const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string };
		expect(pkg.version).toBe(MINISEARCH_VERSION);
	});

	it('keeps postings as term → field → document → frequency, with short ids in insertion order', () => {
		const ms = new MiniSearch<IndexedForm>(miniSearchOptions(noVocabulary));
		ms.addAll([
			{ i: 0, form: ' alpha beta ' },
			{ i: 1, form: ' beta ' }
		]);
		expect([...(postings(ms, 'beta') ?? new Map()).keys()]).toEqual([0, 1]);
		expect([...(postings(ms, 'alpha') ?? new Map()).keys()]).toEqual([0]);
		expect(postings(ms, 'gamma')).toBeUndefined();
		expect(shortIdsArePositions(ms)).toBe(true);
		const loaded = MiniSearch.loadJSON<IndexedForm>(
			JSON.stringify(ms),
			miniSearchOptions(noVocabulary)
		);
		expect([...(postings(loaded, 'beta') ?? new Map()).keys()]).toEqual([0, 1]);
	});
});
