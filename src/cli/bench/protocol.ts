/** What the benchmark's parent process asks of its child processes, and what they answer. */
import type { EngineName } from './engines';

/** Query rows: each engine's all-matches call, plus the app's own paged path. */
export const QUERY_ROWS = ['ours', 'ours-search20', 'flex-bigram', 'flex-cjk', 'scan'] as const;
export type QueryRow = (typeof QUERY_ROWS)[number];

export interface Rounds {
	buildReps: number;
	loadReps: number;
	warmupRounds: number;
	timedRounds: number;
}

/** Build, serialize, load and query every engine in one process, interleaved. */
export interface TimingTask extends Rounds {
	kind: 'timing';
	corpusPath: string;
	queries: string[];
	/** Where serialized indexes are written for the memory runs. */
	outDir: string;
	label: string;
	resultPath: string;
}

/** Load one engine's serialized index in a fresh process and weigh it. */
export interface MemoryTask {
	kind: 'memory';
	corpusPath: string;
	engine: EngineName;
	serializedPath: string;
	queries: string[];
	resultPath: string;
}

export type Task = TimingTask | MemoryTask;

export interface EngineTiming {
	buildMs: number[];
	serializeMs: number;
	rawBytes: number;
	gzipBytes: number;
	loadMs: number[];
	serializedPath: string;
	/** Every query gives the same answer from the loaded index as from the freshly built one. */
	roundTrip: boolean;
}

export interface LatencySummary {
	p50: number;
	p95: number;
	mean: number;
	max: number;
	samples: number;
}

export interface Accuracy {
	/** Results over all queries (distinct per query). */
	matched: number;
	/** Results that the scan also finds. */
	correct: number;
	/** Results the scan does not find. */
	falseHits: number;
	/** correct / truth over all queries. */
	recall: number;
}

export interface QueryDetail {
	query: string;
	truth: number;
	matched: Record<'ours' | 'flex-bigram' | 'flex-cjk', number>;
	/** Passages holding every (exact) bigram of the query, but not the query. */
	bigramOnly: number;
	/** Passages holding every bigram bucket of the query, but not the query: ours confirms these away. */
	bucketOnly: number;
	/** Median over timed rounds, ms. */
	medianMs: Record<QueryRow, number>;
}

export interface TimingResult {
	label: string;
	passages: number;
	formChars: number;
	engines: Record<EngineName, EngineTiming>;
	latency: Record<QueryRow, LatencySummary>;
	accuracy: Record<'ours' | 'flex-bigram' | 'flex-cjk', Accuracy>;
	/** The truth over all queries, summed. */
	truth: number;
	bigramOnly: number;
	bucketOnly: number;
	/** `search(q, { limit: 20 })` reported the scan's count as its total for every query. */
	search20TotalsMatch: boolean;
	queries: QueryDetail[];
}

export interface MemoryResult {
	engine: EngineName;
	heapBeforeMB: number;
	heapLoadedMB: number;
	/** Heap held by the loaded index: after load and gc, minus before. */
	heapMB: number;
	/** The same after one pass of every query (caches, lazily built structures). */
	heapAfterQueriesMB: number;
	rssMB: number;
	loadMs: number;
}
