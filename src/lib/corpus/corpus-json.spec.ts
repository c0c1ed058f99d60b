import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../cli/corpus-files';
import { rawFromEdits } from '../text/tracked-text';
import { buildCorpus } from './build-corpus';
import { formatCorpus } from './corpus-json';

const root = path.resolve(import.meta.dirname, '../../..');
const sources = readSources(path.join(root, 'corpus/sources'));
const corpus = buildCorpus(sources);

describe('the committed corpus', () => {
	it('is exactly what `npm run corpus` builds from the raw sources', () => {
		const committed = fs.readFileSync(path.join(root, 'corpus/corpus.json'), 'utf8');
		expect(formatCorpus(corpus)).toBe(committed);
	});

	it('holds the seed texts byte for byte', () => {
		const seeds = path.join(root, '../shared/seeds');
		for (const s of sources) {
			const seed = path.join(seeds, s.name);
			if (fs.existsSync(seed)) expect(Buffer.compare(fs.readFileSync(seed), s.bytes)).toBe(0);
		}
	});

	it('lets every passage be turned back into its exact raw slice', () => {
		const raw = new Map(sources.map((s) => [s.name.replace(/\.txt$/u, ''), Buffer.from(s.bytes).toString('utf8')]));
		for (const p of corpus.passages) {
			expect(rawFromEdits(p.text, p.edits), p.id).toBe(raw.get(p.docId)!.slice(p.range[0], p.range[1]));
		}
	});

	it('gives every passage a unique id and keeps passages short', () => {
		expect(new Set(corpus.passages.map((p) => p.id)).size).toBe(corpus.passages.length);
		for (const p of corpus.passages) expect(p.text.length).toBeLessThanOrEqual(300);
	});

	it('is deterministic', () => {
		expect(formatCorpus(buildCorpus([...sources].reverse()))).toBe(formatCorpus(corpus));
	});
});
