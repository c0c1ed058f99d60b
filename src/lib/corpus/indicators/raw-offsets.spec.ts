import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edit } from '../../text/tracked-text';
import type { Corpus } from '../types';
import { rawRangeOf } from './raw-offsets';

const root = path.resolve(import.meta.dirname, '../../../..');
const corpus = JSON.parse(fs.readFileSync(path.join(root, 'corpus/corpus.json'), 'utf8')) as Corpus;

describe('rawRangeOf', () => {
	it('maps a restored percent back to the flattened raw text', () => {
		const passage = corpus.passages.find((p) => p.text.includes('分别达到93.4%和67.2%'))!;
		const raw = fs.readFileSync(path.join(root, 'corpus/sources', `${passage.docId}.txt`), 'utf8');
		const start = passage.text.indexOf('93.4%');
		const [a, b] = rawRangeOf(passage.range, passage.edits, start, start + '93.4%'.length);
		expect(raw.slice(a, b)).toBe('93.4.');
		// The whole passage maps to its whole range.
		expect(rawRangeOf(passage.range, passage.edits, 0, passage.text.length)).toEqual(passage.range);
	});

	it('takes a repair cut by the span whole, and leaves a deletion at its edge outside', () => {
		// Cleaned `ab%c` from raw `ab.~c`: `%` replaced `.` and `~` was deleted before `c`.
		const edits: Edit[] = [
			[2, 3, '.', 'percent'],
			[3, 3, '~', 'space']
		];
		expect(rawRangeOf([10, 15], edits, 0, 3)).toEqual([10, 13]);
		expect(rawRangeOf([10, 15], edits, 3, 4)).toEqual([14, 15]);
		expect(rawRangeOf([10, 15], [[1, 3, 'xyz', 'width']], 2, 3)).toEqual([11, 14]);
	});
});
