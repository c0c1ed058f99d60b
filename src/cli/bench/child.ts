/**
 * One measurement run, started by the benchmark as `node --expose-gc --import tsx child.ts TASK`:
 * a fresh process per corpus for timings, and per corpus and engine for memory, so no run pays
 * for the garbage or the JIT state another one left behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Corpus } from '../../lib/corpus/types';
import { postings } from '../../lib/search/postings';
import { parseQuery } from '../../lib/search/query';
import { SearchIndex } from '../../lib/search/search-index';
import { searchForm } from '../../lib/text/fold';
import {
	ENGINES,
	ENGINE_NAMES,
	bigramsOfFoldedText,
	type EngineName,
	type Instance
} from './engines';
import {
	QUERY_ROWS,
	type Accuracy,
	type EngineTiming,
	type LatencySummary,
	type MemoryResult,
	type MemoryTask,
	type QueryDetail,
	type QueryRow,
	type Task,
	type TimingResult,
	type TimingTask
} from './protocol';
import { fullGc, gzipBytes, median, percentile, utf8Bytes } from './stats';

const MB = 1024 * 1024;
/** Keeps query results observable so no call can be optimized away. */
let sink = 0;

function log(message: string): void {
	process.stderr.write(`  ${message}\n`);
}

function readCorpus(file: string): Corpus {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as Corpus;
}

/** Folding builds its tables on first use; no engine should be charged for that. */
function warmFolding(): void {
	searchForm('預熱 warm 1.5');
}

/** Each repetition starts with a different engine, so none always runs right after a big GC. */
function rotated<T>(items: readonly T[], by: number): T[] {
	const k = by % items.length;
	return [...items.slice(k), ...items.slice(0, k)];
}

function oursIndex(instance: Instance): SearchIndex {
	const index = (instance as { index?: unknown }).index;
	if (!(index instanceof SearchIndex)) throw new Error('not our engine');
	return index;
}

async function timing(task: TimingTask): Promise<TimingResult> {
	const corpus = readCorpus(task.corpusPath);
	warmFolding();
	const queries = task.queries;
	const engines = ENGINE_NAMES;
	const timings = {} as Record<EngineName, EngineTiming>;
	const builtAnswers = {} as Record<EngineName, string>;
	const serialized = {} as Record<EngineName, string>;
	for (const name of engines) {
		timings[name] = {
			buildMs: [],
			serializeMs: 0,
			rawBytes: 0,
			gzipBytes: 0,
			loadMs: [],
			serializedPath: path.join(task.outDir, `${task.label}-${name}.index`),
			roundTrip: false
		};
	}

	for (let rep = 0; rep < task.buildReps; rep++) {
		for (const name of rotated(engines, rep)) {
			fullGc();
			const t0 = performance.now();
			const instance = ENGINES[name].build(corpus);
			const ms = performance.now() - t0;
			timings[name].buildMs.push(ms);
			log(`${task.label} build ${name} #${rep + 1}: ${ms.toFixed(0)} ms`);
			if (rep === task.buildReps - 1) {
				builtAnswers[name] = JSON.stringify(queries.map((q) => [...instance.all(q)]));
				const s0 = performance.now();
				serialized[name] = await instance.serialize();
				timings[name].serializeMs = performance.now() - s0;
			}
		}
	}
	for (const name of engines) {
		const text = serialized[name];
		fs.writeFileSync(timings[name].serializedPath, text);
		timings[name].rawBytes = utf8Bytes(text);
		timings[name].gzipBytes = gzipBytes(text);
	}

	const loaded = {} as Record<EngineName, Instance>;
	for (let rep = 0; rep < task.loadReps; rep++) {
		for (const name of rotated(engines, rep)) {
			delete (loaded as Partial<Record<EngineName, Instance>>)[name];
			fullGc();
			const t0 = performance.now();
			const instance = await ENGINES[name].load(serialized[name], corpus);
			const ms = performance.now() - t0;
			timings[name].loadMs.push(ms);
			loaded[name] = instance;
			log(`${task.label} load ${name} #${rep + 1}: ${ms.toFixed(0)} ms`);
		}
	}
	for (const name of engines) {
		const answers = JSON.stringify(queries.map((q) => [...loaded[name].all(q)]));
		timings[name].roundTrip = answers === builtAnswers[name];
		delete (serialized as Partial<Record<EngineName, string>>)[name];
	}

	const ours = oursIndex(loaded.ours);
	const run: Record<QueryRow, (q: string) => number> = {
		ours: (q) => loaded.ours.all(q).length,
		'ours-search20': (q) => ours.search(q, { limit: 20 }).results.length,
		'flex-bigram': (q) => loaded['flex-bigram'].all(q).length,
		'flex-cjk': (q) => loaded['flex-cjk'].all(q).length,
		scan: (q) => loaded.scan.all(q).length
	};
	const samples = Object.fromEntries(QUERY_ROWS.map((r) => [r, [] as number[]])) as Record<
		QueryRow,
		number[]
	>;
	const perQuery = Object.fromEntries(
		QUERY_ROWS.map((r) => [r, queries.map(() => [] as number[])])
	) as Record<QueryRow, number[][]>;
	fullGc();
	const rounds = task.warmupRounds + task.timedRounds;
	for (let round = 0; round < rounds; round++) {
		const timed = round >= task.warmupRounds;
		for (const row of rotated(QUERY_ROWS, round)) {
			const fn = run[row];
			for (let k = 0; k < queries.length; k++) {
				const t0 = performance.now();
				sink += fn(queries[k]!);
				const ms = performance.now() - t0;
				if (timed) {
					samples[row].push(ms);
					perQuery[row][k]!.push(ms);
				}
			}
		}
	}
	log(`${task.label} queries: ${task.warmupRounds} warm-up + ${task.timedRounds} timed rounds`);

	const latency = Object.fromEntries(
		QUERY_ROWS.map((row) => [row, summarize(samples[row])])
	) as Record<QueryRow, LatencySummary>;

	const forms = corpus.passages.map((p) => searchForm(p.text));
	const accuracy = {
		ours: emptyAccuracy(),
		'flex-bigram': emptyAccuracy(),
		'flex-cjk': emptyAccuracy()
	};
	let truthTotal = 0;
	let bigramOnlyTotal = 0;
	let bucketOnlyTotal = 0;
	let search20TotalsMatch = true;
	const details: QueryDetail[] = queries.map((q, k) => {
		const truth = new Set(loaded.scan.all(q));
		truthTotal += truth.size;
		const matched = { ours: 0, 'flex-bigram': 0, 'flex-cjk': 0 };
		for (const name of ['ours', 'flex-bigram', 'flex-cjk'] as const) {
			const found = new Set(loaded[name].all(q));
			let correct = 0;
			for (const i of found) if (truth.has(i)) correct++;
			matched[name] = found.size;
			accuracy[name].matched += found.size;
			accuracy[name].correct += correct;
			accuracy[name].falseHits += found.size - correct;
		}
		if (ours.search(q, { limit: 20 }).total !== truth.size) search20TotalsMatch = false;
		const bigramOnly = bigramAndCount(forms, q) - truth.size;
		const bucketOnly = bucketAndCount(ours, q) - truth.size;
		bigramOnlyTotal += bigramOnly;
		bucketOnlyTotal += bucketOnly;
		return {
			query: q,
			truth: truth.size,
			matched,
			bigramOnly,
			bucketOnly,
			medianMs: Object.fromEntries(
				QUERY_ROWS.map((row) => [row, median(perQuery[row][k]!)])
			) as Record<QueryRow, number>
		};
	});
	for (const a of Object.values(accuracy)) {
		a.recall = truthTotal === 0 ? 1 : a.correct / truthTotal;
	}
	return {
		label: task.label,
		passages: corpus.passages.length,
		formChars: forms.reduce((n, f) => n + f.length, 0),
		engines: timings,
		latency,
		accuracy,
		truth: truthTotal,
		bigramOnly: bigramOnlyTotal,
		bucketOnly: bucketOnlyTotal,
		search20TotalsMatch,
		queries: details
	};
}

function summarize(values: number[]): LatencySummary {
	return {
		p50: percentile(values, 50),
		p95: percentile(values, 95),
		mean: values.reduce((a, b) => a + b, 0) / Math.max(1, values.length),
		max: Math.max(...values),
		samples: values.length
	};
}

function emptyAccuracy(): Accuracy {
	return { matched: 0, correct: 0, falseHits: 0, recall: 0 };
}

/** Passages holding every exact bigram of the query: what a bare bigram AND returns. */
function bigramAndCount(forms: readonly string[], query: string): number {
	const grams = bigramsOfFoldedText(searchForm(query));
	if (grams.length === 0) return 0;
	let n = 0;
	for (const form of forms) if (grams.every((g) => form.includes(g))) n++;
	return n;
}

/** Passages holding every bigram term of the query: the candidates our index looks at. */
function bucketAndCount(index: SearchIndex, query: string): number {
	const term = parseQuery(query)[0];
	const terms = term ? index.passageIndex.termsOf(term) : [];
	if (terms.length === 0) return 0;
	const lists = terms.map((t) => postings(index.passageIndex.miniSearch, t));
	if (lists.some((l) => l === undefined)) return 0;
	const [first, ...rest] = (lists as ReadonlyMap<number, number>[]).sort((a, b) => a.size - b.size);
	let n = 0;
	for (const i of first!.keys()) if (rest.every((l) => l.has(i))) n++;
	return n;
}

async function memory(task: MemoryTask): Promise<MemoryResult> {
	const corpus = readCorpus(task.corpusPath);
	warmFolding();
	fullGc();
	const before = process.memoryUsage();
	// Read and load inside one call, so the serialized text is garbage once it returns.
	const { instance, loadMs } = await (async () => {
		const text = fs.readFileSync(task.serializedPath, 'utf8');
		const t0 = performance.now();
		const loadedInstance = await ENGINES[task.engine].load(text, corpus);
		return { instance: loadedInstance, loadMs: performance.now() - t0 };
	})();
	fullGc();
	const loaded = process.memoryUsage();
	for (const q of task.queries) sink += instance.all(q).length;
	fullGc();
	const afterQueries = process.memoryUsage();
	// Still referenced here: the index must stay alive through the last measurement.
	sink += instance.all(task.queries[0] ?? '').length;
	return {
		engine: task.engine,
		heapBeforeMB: before.heapUsed / MB,
		heapLoadedMB: loaded.heapUsed / MB,
		heapMB: (loaded.heapUsed - before.heapUsed) / MB,
		heapAfterQueriesMB: (afterQueries.heapUsed - before.heapUsed) / MB,
		rssMB: (loaded.rss - before.rss) / MB,
		loadMs
	};
}

const taskPath = process.argv[2];
if (!taskPath) throw new Error('usage: child.ts TASK.json');
const task = JSON.parse(fs.readFileSync(taskPath, 'utf8')) as Task;
const result = task.kind === 'timing' ? await timing(task) : await memory(task);
fs.writeFileSync(task.resultPath, JSON.stringify(result));
if (sink === -1) log('unreachable');
