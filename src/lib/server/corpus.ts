/**
 * The corpus as the prerenderer reads it: from disk, once. Pages get their data at build time,
 * so the browser never downloads more than the page it opens (and the worker its search corpus).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Corpus, CorpusDocument, Passage } from '../corpus/types';

const corpusDir = process.env.NIANJIAN_CORPUS_DIR ?? 'corpus';
let cached: Corpus | undefined;

export function loadCorpus(): Corpus {
	cached ??= JSON.parse(fs.readFileSync(path.resolve(corpusDir, 'corpus.json'), 'utf8')) as Corpus;
	return cached;
}

export interface DocumentSummary {
	id: string;
	title: string;
	source: string;
	script: CorpusDocument['script'];
	kind: CorpusDocument['kind'];
	year?: number;
	author?: string;
	issuer?: string;
	passages: number;
	characters: number;
}

export function documentSummaries(): DocumentSummary[] {
	const corpus = loadCorpus();
	const counts = new Map<string, { passages: number; characters: number }>();
	for (const p of corpus.passages) {
		const c = counts.get(p.docId) ?? { passages: 0, characters: 0 };
		c.passages++;
		c.characters += p.text.length;
		counts.set(p.docId, c);
	}
	return corpus.documents.map((d) => ({
		id: d.id,
		title: d.title,
		source: d.source,
		script: d.script,
		kind: d.kind,
		year: d.year,
		author: d.author,
		issuer: d.issuer,
		passages: counts.get(d.id)?.passages ?? 0,
		characters: counts.get(d.id)?.characters ?? 0
	}));
}

export function documentPassages(docId: string): Passage[] {
	return loadCorpus().passages.filter((p) => p.docId === docId);
}
