import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawFromEdits, TrackedText } from './tracked-text';
import { propertyRuns } from '../testing/property-runs';

describe('TrackedText', () => {
	it('records a replacement with the raw text it stands for', () => {
		const t = TrackedText.fromRaw('达到93.4.和67.2.成为', 100).replace(6, 7, '%', 'percent');
		expect(t.text).toBe('达到93.4%和67.2.成为');
		expect(t.edits()).toEqual([[6, 7, '.', 'percent']]);
		expect(t.rawRange).toEqual([100, 115]);
		expect(t.toRaw()).toBe('达到93.4.和67.2.成为');
	});

	it('keeps deletions and insertions so the raw text can be rebuilt', () => {
		const t = TrackedText.fromRaw('國(guó)家', 0)
			.replace(1, 6, '', 'gloss')
			.replace(2, 2, '。', 'punctuation');
		expect(t.text).toBe('國家。');
		expect(rawFromEdits(t.text, t.edits())).toBe('國(guó)家');
	});

	it('absorbs an earlier repair that a new one cuts into, never splitting its raw text', () => {
		const t = TrackedText.fromRaw('a.b', 0)
			.replace(1, 2, '%,', 'percent')
			.replace(2, 4, ';', 'punctuation');
		expect(t.text).toBe('a%;');
		expect(t.toRaw()).toBe('a.b');
	});

	it('slices keep provenance', () => {
		const t = TrackedText.fromRaw('一二三四五', 10).replace(2, 3, 'X', 'width');
		const s = t.slice(1, 4);
		expect(s.text).toBe('二X四');
		expect(s.rawRange).toEqual([11, 14]);
		expect(s.toRaw()).toBe('二三四');
	});

	it('always rebuilds the raw text, whatever the sequence of repairs', () => {
		const op = fc.record({
			a: fc.nat(),
			b: fc.nat(),
			text: fc.string({ maxLength: 3 }),
			kind: fc.constantFrom('gloss', 'percent', 'punctuation', 'width', 'heading', 'space' as const)
		});
		fc.assert(
			fc.property(fc.string({ maxLength: 30 }), fc.array(op, { maxLength: 8 }), (raw, ops) => {
				let t = TrackedText.fromRaw(raw, 5);
				for (const o of ops) {
					const start = t.length === 0 ? 0 : o.a % (t.length + 1);
					const end = start + (t.length - start === 0 ? 0 : o.b % (t.length - start + 1));
					t = t.replace(start, end, o.text, o.kind);
				}
				expect(t.toRaw()).toBe(raw);
				expect(rawFromEdits(t.text, t.edits())).toBe(raw);
				if (raw.length > 0) expect(t.rawRange).toEqual([5, 5 + raw.length]);
			}),
			{ numRuns: propertyRuns(), seed: 20261122 }
		);
	});
});
