import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../testing/property-runs';
import { displayPunctuation, markRuns, segmentText } from './segments';

describe('segmentText', () => {
	it('cuts at highlights and repairs, keeping every character once', () => {
		const text = '覆盖率近90%,部分部委';
		const segments = segmentText(
			text,
			[[0, 4]],
			[
				[6, 7, '.', 'percent'],
				[7, 8, '', 'punctuation']
			]
		);
		expect(segments.map((s) => s.text).join('')).toBe(text);
		expect(segments.filter((s) => s.marked).map((s) => s.text)).toEqual(['覆盖率近']);
		expect(segments.filter((s) => s.repair).map((s) => [s.text, s.repair!.kind])).toEqual([
			['%', 'percent'],
			[',', 'punctuation']
		]);
	});

	it('keeps deletions as empty runs', () => {
		const segments = segmentText('企業新聞', [], [[2, 2, '(yè)', 'gloss']]);
		expect(segments.map((s) => [s.text, s.repair?.raw ?? null])).toEqual([
			['企業', null],
			['', '(yè)'],
			['新聞', null]
		]);
	});
});

describe('displayPunctuation', () => {
	it('shows ASCII marks beside Chinese full width, one character for one', () => {
		const text = '2013年,全国(市)达到93.4%,成为 ok, fine';
		const shown = displayPunctuation(text);
		expect(shown).toBe('2013年，全国（市）达到93.4%，成为 ok, fine');
		expect(shown.length).toBe(text.length);
	});

	it('changes exactly the ASCII marks that touch a Chinese character or mark', () => {
		const chars = [...',;:?!()年市，。“《a1 .%'];
		// Unicode's full-width forms sit 0xFEE0 above ASCII.
		const full = (ch: string) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
		const chinese = (ch: string | undefined) => ch !== undefined && '年市，。“《'.includes(ch);
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (picked) => {
				const text = picked.join('');
				const expected = picked
					.map((ch, i) =>
						',;:?!()'.includes(ch) && (chinese(picked[i - 1]) || chinese(picked[i + 1]))
							? full(ch)
							: ch
					)
					.join('');
				expect(displayPunctuation(text)).toBe(expected);
			}),
			{ numRuns: propertyRuns(), seed: 20261122 }
		);
	});
});

describe('markRuns', () => {
	it('marks exactly the highlighted characters, one mark per stretch, text unchanged', () => {
		const range = fc.tuple(fc.integer({ min: -2, max: 14 }), fc.integer({ min: -2, max: 14 }));
		fc.assert(
			fc.property(
				fc.string({ maxLength: 12 }),
				fc.array(range, { maxLength: 5 }),
				(text, highlights) => {
					const { runs, tail } = markRuns(text, highlights);
					expect(runs.map((r) => r.plain + r.marked).join('') + tail).toBe(text);
					// Offsets are UTF-16 units, as everywhere in the corpus.
					const marked = runs.flatMap((r) => [
						...Array<boolean>(r.plain.length).fill(false),
						...Array<boolean>(r.marked.length).fill(true)
					]);
					marked.push(...Array<boolean>(tail.length).fill(false));
					const expected = Array.from({ length: text.length }, (_, i) =>
						highlights.some(([a, b]) => a <= i && i < b)
					);
					expect(marked).toEqual(expected);
					// Separate marks only where unmarked text separates them.
					expect(runs.every((r, i) => r.marked !== '' && (i === 0 || r.plain !== ''))).toBe(true);
				}
			),
			{ numRuns: propertyRuns(), seed: 20261122 }
		);
	});
});
