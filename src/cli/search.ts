/**
 * npm run search -- [--json] [--jsonl] [--limit N] [QUERY]
 *
 * Searches the committed corpus with the same core the app runs in its worker.
 *   --json QUERY   one result set as JSON
 *   --jsonl        one query per line on stdin, one JSON result set per line on stdout
 *   (no flag)      readable results for QUERY
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { Corpus } from '../lib/corpus/types';
import { SearchIndex, type SearchResults } from '../lib/search/search-index';
import { DEFAULT_OUT } from './corpus-files';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		json: { type: 'boolean' },
		jsonl: { type: 'boolean' },
		limit: { type: 'string' },
		corpus: { type: 'string' }
	}
});
const limit = values.limit === undefined ? 10 : Number(values.limit);
if (!Number.isInteger(limit) || limit < 0) {
	console.error(`--limit must be a whole number, not "${values.limit}"`);
	process.exit(2);
}
const corpusPath = path.resolve(values.corpus ?? path.join(DEFAULT_OUT, 'corpus.json'));
let corpus: Corpus;
try {
	corpus = JSON.parse(fs.readFileSync(corpusPath, 'utf8')) as Corpus;
} catch (e) {
	console.error(
		`cannot read the corpus at ${corpusPath}: ${(e as Error).message}. Run npm run corpus.`
	);
	process.exit(1);
}
const index = SearchIndex.build(corpus);

/** The JSON shape the evaluation scripts read (see ../shared/eval/README.md). */
function toJson(r: SearchResults) {
	return {
		query: r.query,
		total: r.total,
		terms: r.terms,
		results: r.results.map((h) => ({
			id: h.id,
			docId: h.docId,
			source: h.source,
			title: h.title,
			headings: h.headings,
			kind: h.kind,
			text: h.text,
			score: h.score,
			highlights: h.highlights,
			snippet: h.snippet.text,
			matched: h.matched
		}))
	};
}

function printReadable(r: SearchResults): void {
	if (r.terms.length === 0) {
		console.log('Nothing to search for: the query has no letters, digits or Chinese characters.');
		return;
	}
	console.log(
		`${r.total} passage${r.total === 1 ? '' : 's'} for ${r.terms.map((t) => `「${t}」`).join(' ')}`
	);
	for (const h of r.results) {
		let marked = '';
		let at = 0;
		for (const [a, b] of h.snippet.highlights) {
			marked += h.snippet.text.slice(at, a) + '【' + h.snippet.text.slice(a, b) + '】';
			at = b;
		}
		marked += h.snippet.text.slice(at);
		const where = [h.title, ...h.headings].join(' › ');
		console.log(`\n${h.score.toFixed(1).padStart(6)}  ${where}  (${h.source} #${h.id})`);
		console.log(
			`        ${h.snippet.clippedStart ? '…' : ''}${marked}${h.snippet.clippedEnd ? '…' : ''}`
		);
	}
}

if (values.jsonl) {
	const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
	for await (const line of lines) {
		process.stdout.write(JSON.stringify(toJson(index.search(line, { limit }))) + '\n');
	}
} else {
	const query = positionals.join(' ');
	const results = index.search(query, { limit });
	if (values.json) process.stdout.write(JSON.stringify(toJson(results)) + '\n');
	else printReadable(results);
}
