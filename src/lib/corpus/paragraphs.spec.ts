import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../cli/corpus-files';
import { buildCorpus } from './build-corpus';
import { continuesParagraph } from './paragraphs';

const sources = readSources(path.resolve(import.meta.dirname, '../../../corpus/sources'));
const corpus = buildCorpus(sources);
const raw = new Map(
	corpus.documents.map((d) => [
		d.id,
		new TextDecoder().decode(sources.find((s) => s.name === d.source)!.bytes)
	])
);

describe('continuesParagraph', () => {
	it('joins exactly the passages cut from one paragraph of the raw file', () => {
		let joined = 0;
		for (let i = 1; i < corpus.passages.length; i++) {
			const [previous, passage] = [corpus.passages[i - 1]!, corpus.passages[i]!];
			if (previous.docId !== passage.docId) continue;
			const between = raw.get(passage.docId)!.slice(previous.range[1], passage.range[0]);
			const bothText = previous.kind === 'text' && passage.kind === 'text';
			expect(continuesParagraph(previous, passage), `${previous.id} → ${passage.id}`).toBe(
				bothText && !/\n/u.test(between) && between.trim() === ''
			);
			if (continuesParagraph(previous, passage)) joined++;
		}
		// The seed has long paragraphs: some must have been cut, or this test proves nothing.
		expect(joined).toBeGreaterThan(10);
	});

	it('never joins across documents, or a heading to its text', () => {
		const first = corpus.passages[0]!;
		expect(continuesParagraph(undefined, first)).toBe(false);
		const heading = corpus.passages.find((p) => p.kind === 'heading')!;
		const next = corpus.passages[corpus.passages.indexOf(heading) + 1]!;
		expect(continuesParagraph(heading, next)).toBe(false);
		const i = corpus.passages.findIndex((p, i) => continuesParagraph(corpus.passages[i - 1], p));
		const [previous, passage] = [corpus.passages[i - 1]!, corpus.passages[i]!];
		expect(continuesParagraph(previous, { ...passage, docId: 'another' })).toBe(false);
	});
});
