/**
 * npm run corpus [-- --sources DIR --out DIR]
 *
 * Builds the normalized corpus from the raw sources and writes corpus.json and indicators.json.
 * A bad source stops the build with the file and the problem; nothing is half-written.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus, CorpusBuildError } from '../lib/corpus/build-corpus';
import { formatCorpus } from '../lib/corpus/corpus-json';
import { formatIndicators } from '../lib/corpus/indicators/indicators-json';
import { DEFAULT_OUT, DEFAULT_SOURCES, readSources, writeAllOrNothing } from './corpus-files';

const { values } = parseArgs({
	options: { sources: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' } }
});
const sources = path.resolve(values.sources ?? DEFAULT_SOURCES);
const out = path.resolve(values.out ?? DEFAULT_OUT);

try {
	const corpus = buildCorpus(readSources(sources));
	writeAllOrNothing({
		[path.join(out, 'corpus.json')]: formatCorpus(corpus),
		[path.join(out, 'indicators.json')]: formatIndicators(corpus)
	});
	if (!values.quiet) {
		const repaired = corpus.passages.filter((p) => p.edits.length > 0).length;
		console.log(
			`corpus: ${corpus.documents.length} documents, ${corpus.passages.length} passages ` +
				`(${repaired} repaired), hash ${corpus.hash} → ${path.relative(process.cwd(), out) || '.'}/corpus.json`
		);
	}
} catch (e) {
	if (e instanceof CorpusBuildError) {
		console.error(`corpus build stopped: ${e.message}`);
		process.exit(1);
	}
	throw e;
}
