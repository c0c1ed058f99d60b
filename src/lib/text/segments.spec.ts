import { describe, expect, it } from 'vitest';
import { displayPunctuation, segmentText } from './segments';

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
});
