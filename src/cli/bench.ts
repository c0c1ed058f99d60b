/**
 * npm run bench [-- --quick] [-- --chars 1M,5M] [-- --json]
 * npm run bench -- --write-sources DIR [--chars 5000000]
 *
 * Measures our search index against FlexSearch (a bigram index over the same folded text, and its
 * own CJK preset) and a brute-force scan, on the seed corpus and on ~1M and ~5M characters of
 * Tang (then Song) poems fetched on demand from the pinned `chinese-poetry` package. Prints a
 * table, ratios and a targets check, and writes every figure as JSON. A failed target is a
 * measurement, not an error: the exit code stays 0.
 *
 *   --quick               seed + 1M only, fewer repetitions (for development)
 *   --chars LIST          poetry sizes, e.g. 1M,5M or 2000000 (repeatable)
 *   --json                print only the JSON (progress still goes to stderr)
 *   --write-sources DIR   write the poetry sources (.txt + .meta.json) for `npm run corpus`
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildCorpus } from '../lib/corpus/build-corpus';
import type { Corpus } from '../lib/corpus/types';
import { ENGINE_NAMES, type EngineName } from './bench/engines';
import {
	BENCH_CACHE,
	POETRY_PACKAGE,
	POETRY_VERSION,
	poetrySources,
	writePoetrySources
} from './bench/poetry-corpus';
import type { MemoryResult, Rounds, Task, TimingResult } from './bench/protocol';
import { POETRY_QUERIES, SEED_QUERIES } from './bench/queries';
import { checkTargets, formatReport, ratios, type CorpusResult } from './bench/report';
import { GZIP_LEVEL } from './bench/stats';
import { DEFAULT_OUT, PROJECT_ROOT } from './corpus-files';

const { values } = parseArgs({
	options: {
		quick: { type: 'boolean' },
		chars: { type: 'string', multiple: true },
		json: { type: 'boolean' },
		'write-sources': { type: 'string' },
		help: { type: 'boolean', short: 'h' }
	}
});

if (values.help) {
	console.log(
		fs
			.readFileSync(import.meta.filename, 'utf8')
			.split('*/')[0]!
			.replace(/^\/\*\*?/u, '')
	);
	process.exit(0);
}

/** Relative to the working directory when inside it, absolute otherwise. */
function shortPath(file: string): string {
	const relative = path.relative(process.cwd(), file);
	return relative === '' ? '.' : relative.startsWith('..') ? file : relative;
}

function log(message: string): void {
	process.stderr.write(message + '\n');
}

/** `1M`, `5e6`, `500k`, `2000000`; comma-separated lists allowed. */
function parseSizes(list: readonly string[]): number[] {
	return list
		.flatMap((s) => s.split(','))
		.map((s) => s.trim())
		.filter(Boolean)
		.map((s) => {
			const m = /^(\d+(?:\.\d+)?(?:e\d+)?)([kKmM]?)$/u.exec(s);
			const n = m ? Number(m[1]) * (m[2] === '' ? 1 : /k/iu.test(m[2]!) ? 1e3 : 1e6) : NaN;
			if (!Number.isFinite(n) || n < 1000) {
				console.error(`--chars takes sizes such as 1M, 500k or 2000000, not "${s}"`);
				process.exit(2);
			}
			return Math.round(n);
		});
}

function sizeLabel(chars: number): string {
	if (chars >= 1e6) return `${+(chars / 1e6).toFixed(2)}M`;
	return `${+(chars / 1e3).toFixed(1)}k`;
}

const sizes = values.chars ? parseSizes(values.chars) : values.quick ? [1e6] : [1e6, 5e6];

if (values['write-sources']) {
	const dir = path.resolve(values['write-sources']);
	const chars = values.chars ? sizes[0]! : 5e6;
	const sources = poetrySources(chars, { log });
	const written = writePoetrySources(dir, sources);
	log(
		`wrote ${written.length} sources (${sources.poems.toLocaleString('en-US')} poems, ` +
			`${sources.chars.toLocaleString('en-US')} characters) to ${dir}; ` +
			`build with npm run corpus -- --sources ${shortPath(dir)}`
	);
	process.exit(0);
}

/** Repetitions per corpus: enough for stable medians, few enough that 5M stays in minutes. */
function roundsFor(chars: number | null): Rounds {
	if (chars === null) {
		return values.quick
			? { buildReps: 3, loadReps: 3, warmupRounds: 3, timedRounds: 20 }
			: { buildReps: 5, loadReps: 5, warmupRounds: 5, timedRounds: 50 };
	}
	if (values.quick) return { buildReps: 1, loadReps: 2, warmupRounds: 2, timedRounds: 5 };
	if (chars <= 2e6) return { buildReps: 3, loadReps: 5, warmupRounds: 3, timedRounds: 20 };
	return { buildReps: 3, loadReps: 3, warmupRounds: 2, timedRounds: 10 };
}

const started = performance.now();
const date = new Date();
const runDir = path.join(BENCH_CACHE, `run-${process.pid}`);
fs.mkdirSync(runDir, { recursive: true });
const CHILD = path.join(import.meta.dirname, 'bench/child.ts');

/** A fresh Node with the collector exposed; TypeScript through tsx, as `npm run bench` itself. */
function runChild<T>(task: Task): T {
	const taskPath = task.resultPath.replace(/\.json$/u, '.task.json');
	fs.writeFileSync(taskPath, JSON.stringify(task));
	const child = spawnSync(
		process.execPath,
		['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', CHILD, taskPath],
		// The child's stdout goes to our stderr: with --json, stdout carries the JSON alone.
		{ cwd: PROJECT_ROOT, stdio: ['ignore', 2, 2] }
	);
	if (child.status !== 0) {
		throw new Error(`benchmark child (${task.kind}) failed with ${child.status ?? child.signal}`);
	}
	return JSON.parse(fs.readFileSync(task.resultPath, 'utf8')) as T;
}

interface PreparedCorpus {
	label: string;
	description: string;
	corpusPath: string;
	queries: readonly string[];
	requestedChars: number | null;
	chars: number;
	documents: number;
	passages: number;
	poems?: number;
	buildCorpusMs?: number;
	members?: string[];
}

function prepareSeed(): PreparedCorpus {
	const corpusPath = path.join(DEFAULT_OUT, 'corpus.json');
	const corpus = JSON.parse(fs.readFileSync(corpusPath, 'utf8')) as Corpus;
	return {
		label: 'seed',
		description: 'seed corpus (corpus/corpus.json)',
		corpusPath,
		queries: SEED_QUERIES,
		requestedChars: null,
		chars: corpus.passages.reduce((n, p) => n + p.text.length, 0),
		documents: corpus.documents.length,
		passages: corpus.passages.length
	};
}

let poetryIntegrity = '';

function preparePoetry(chars: number): PreparedCorpus {
	const label = sizeLabel(chars);
	const sources = poetrySources(chars, { log });
	const t0 = performance.now();
	const corpus = buildCorpus(sources.files);
	const buildCorpusMs = performance.now() - t0;
	poetryIntegrity = sources.integrity;
	const corpusPath = path.join(runDir, `corpus-${label}.json`);
	fs.writeFileSync(corpusPath, JSON.stringify(corpus));
	log(
		`corpus ${label}: ${sources.poems} poems, ${corpus.passages.length} passages from ` +
			`${sources.files.length} files (buildCorpus ${(buildCorpusMs / 1000).toFixed(1)} s)`
	);
	return {
		label,
		description: `${POETRY_PACKAGE} ${POETRY_VERSION} poems`,
		corpusPath,
		queries: POETRY_QUERIES,
		requestedChars: chars,
		chars: sources.chars,
		documents: corpus.documents.length,
		passages: corpus.passages.length,
		poems: sources.poems,
		buildCorpusMs,
		members: sources.members
	};
}

function measure(prepared: PreparedCorpus): CorpusResult {
	const { label, corpusPath } = prepared;
	const queries = [...prepared.queries];
	log(`measuring ${label}…`);
	const timing = runChild<TimingResult>({
		kind: 'timing',
		corpusPath,
		queries,
		outDir: runDir,
		label,
		resultPath: path.join(runDir, `timing-${label}.json`),
		...roundsFor(prepared.requestedChars)
	});
	const memory = {} as Record<EngineName, MemoryResult>;
	for (const engine of ENGINE_NAMES) {
		memory[engine] = runChild<MemoryResult>({
			kind: 'memory',
			corpusPath,
			engine,
			serializedPath: timing.engines[engine].serializedPath,
			queries,
			resultPath: path.join(runDir, `memory-${label}-${engine}.json`)
		});
		log(`  ${label} heap ${engine}: ${memory[engine].heapMB.toFixed(1)} MB`);
	}
	const { corpusPath: _path, queries: _queries, ...described } = prepared;
	return { ...described, timing, memory };
}

function packageVersion(name: string): string {
	const file = path.join(PROJECT_ROOT, 'node_modules', name, 'package.json');
	return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

try {
	const prepared = [prepareSeed(), ...sizes.map(preparePoetry)];
	const results = prepared.map(measure);
	const targets = checkTargets(results);
	const seconds = (performance.now() - started) / 1000;
	const cpu = os.cpus()[0]?.model ?? 'unknown';
	const report = {
		date: date.toISOString(),
		node: process.version,
		cpu,
		cores: os.cpus().length,
		platform: `${os.platform()} ${os.release()}`,
		versions: {
			minisearch: packageVersion('minisearch'),
			flexsearch: packageVersion('flexsearch'),
			[POETRY_PACKAGE]: POETRY_VERSION
		},
		poetryIntegrity,
		gzipLevel: GZIP_LEVEL,
		options: { quick: !!values.quick, sizes },
		durationSeconds: Math.round(seconds),
		corpora: results.map((c) => ({ ...c, ratios: ratios(c) })),
		targets
	};
	const stamp = date.toISOString().replace(/[:.]/gu, '-').replace(/Z$/u, '');
	const resultsPath = path.join(BENCH_CACHE, `results-${stamp}.json`);
	fs.writeFileSync(resultsPath, JSON.stringify(report, null, '\t') + '\n');
	if (values.json) {
		process.stdout.write(JSON.stringify(report) + '\n');
		log(`results: ${resultsPath}`);
	} else {
		const header = [
			`Nianjian search benchmark — ${report.date}`,
			`Node ${report.node}, ${cpu} × ${report.cores}, minisearch ${report.versions.minisearch}, ` +
				`flexsearch ${report.versions.flexsearch}, ${POETRY_PACKAGE} ${POETRY_VERSION}; ` +
				`gzip level ${GZIP_LEVEL}; ${values.quick ? 'quick run' : 'full run'}`
		];
		console.log(formatReport(results, targets, header));
		console.log(
			`\nResults: ${path.relative(process.cwd(), resultsPath)} (${seconds.toFixed(0)} s)`
		);
	}
} finally {
	fs.rmSync(runDir, { recursive: true, force: true });
}
