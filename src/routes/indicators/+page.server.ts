import fs from 'node:fs';
import path from 'node:path';
import type { IndicatorsFile } from '$lib/corpus/indicators/indicators-json';
import { documentSummaries, loadCorpus } from '$lib/server/corpus';
import type { PageServerLoad } from './$types';

const corpusDir = process.env.NIANJIAN_CORPUS_DIR ?? 'corpus';

/**
 * The committed records, read when the page is prerendered: they reach the browser with this page
 * only, never with the first one. A corpus built without indicators (the benchmark's) has none.
 */
function readIndicators(): IndicatorsFile['indicators'] {
	const file = path.resolve(corpusDir, 'indicators.json');
	if (!fs.existsSync(file)) return [];
	const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as IndicatorsFile;
	if (parsed.corpusHash !== loadCorpus().hash) {
		throw new Error(`${file} was read from another corpus.json: run \`npm run corpus\``);
	}
	return parsed.indicators;
}

export const load: PageServerLoad = () => ({
	indicators: readIndicators(),
	documents: documentSummaries().map(({ id, title, source, script, year }) => ({
		id,
		title,
		source,
		script,
		year
	}))
});
