/**
 * npm run indicators -- [--json] [--skipped] [--corpus PATH]
 *
 * Extracts the statistics of the committed corpus with the same core the app uses.
 *   --json      one JSON array of all indicator records on stdout, nothing else
 *   --skipped   the numbers that were not taken as statistics, with the reason
 *   (no flag)   a readable table, one document at a time
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractIndicators, skippedNumbers } from '../lib/corpus/indicators/extract-indicators';
import type { Indicator } from '../lib/corpus/indicators/indicator';
import type { Corpus } from '../lib/corpus/types';
import { DEFAULT_OUT } from './corpus-files';

const { values } = parseArgs({
	options: {
		json: { type: 'boolean' },
		skipped: { type: 'boolean' },
		corpus: { type: 'string' }
	}
});
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

if (values.json) {
	process.stdout.write(JSON.stringify(extractIndicators(corpus)) + '\n');
} else if (values.skipped) {
	const text = new Map(corpus.passages.map((p) => [p.id, p.text]));
	for (const s of skippedNumbers(corpus)) {
		const t = text.get(s.passageId) ?? '';
		const context = t.slice(Math.max(0, s.start - 8), s.end + 8);
		console.log(`${s.docId.slice(0, 3)}  ${s.reason.padEnd(11)} ${s.text.padEnd(6)} …${context}…`);
	}
} else {
	printTable(extractIndicators(corpus));
}

function printTable(records: Indicator[]): void {
	for (const doc of corpus.documents) {
		const mine = records.filter((r) => r.docId === doc.id);
		const distinct = mine.filter((r) => r.repeatOf === null).length;
		console.log(`\n${doc.source}  ${doc.title}  (${mine.length} records, ${distinct} distinct)`);
		const rows = mine.map((r) => [
			(r.repeatOf ? '↺ ' : '  ') + `${r.qualifier ? `${r.qualifier} ` : ''}${r.value}${r.unit}`,
			r.label,
			r.level ?? '',
			r.region ?? '',
			r.date?.text ?? '',
			r.id
		]);
		const widths =
			rows[0]?.map((_, i) => Math.max(...rows.map((row) => displayWidth(row[i]!)))) ?? [];
		for (const row of rows) {
			console.log(
				row.map((cell, i) => cell + ' '.repeat(widths[i]! - displayWidth(cell))).join('  ')
			);
		}
	}
	const distinct = records.filter((r) => r.repeatOf === null).length;
	console.log(`\n${records.length} records (${distinct} distinct statements, ↺ marks a repeat)`);
}

/** Columns line up in a terminal: Chinese characters take two cells. */
function displayWidth(s: string): number {
	let w = 0;
	for (const ch of s)
		w +=
			/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
				ch
			)
				? 2
				: 1;
	return w;
}
