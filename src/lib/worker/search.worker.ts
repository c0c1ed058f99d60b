/**
 * The search worker: fetches the corpus, loads the stored index or builds one, answers queries.
 * A thin message switch — every decision about text and search lives in the pure core.
 */
import type { Corpus } from '../corpus/types';
import { IndexFormatMismatch, SearchIndex } from '../search/search-index';
import { IndexCache } from '../storage/index-cache';
import { isQuotaError, StorageUnavailable } from '../storage/open-with-timeout';
import type { StorageState, WorkerEvent, WorkerRequest } from './protocol';

const post = (event: WorkerEvent) => self.postMessage(event);
const scriptAt = performance.timeOrigin + performance.now();
let index: SearchIndex | null = null;
let starting: Promise<boolean> | null = null;

/** Why a stored index was not used, for the reader ("the stored index was rebuilt because…"). */
function whyNotLoaded(e: unknown): string {
	return e instanceof IndexFormatMismatch || e instanceof StorageUnavailable
		? e.message
		: `the stored index could not be read (${(e as Error).message})`;
}

/** Opens the index cache and reads the stored index; never rejects. */
async function openCache(): Promise<{
	cache: IndexCache | null;
	storage: StorageState;
	stored: Awaited<ReturnType<IndexCache['get']>> | null;
	readError?: string;
	openMs: number;
	readMs: number;
}> {
	const t0 = performance.now();
	let cache: IndexCache;
	try {
		cache = await IndexCache.open();
	} catch (e) {
		const openMs = performance.now() - t0;
		return {
			cache: null,
			storage: { kind: 'unavailable', reason: (e as Error).message },
			stored: null,
			openMs,
			readMs: 0
		};
	}
	const t1 = performance.now();
	try {
		const stored = (await cache.get()) ?? null;
		return {
			cache,
			storage: { kind: 'ok' },
			stored,
			openMs: t1 - t0,
			readMs: performance.now() - t1
		};
	} catch (e) {
		return {
			cache,
			storage: { kind: 'ok' },
			stored: null,
			readError: whyNotLoaded(e),
			openMs: t1 - t0,
			readMs: performance.now() - t1
		};
	}
}

/** Gets the index ready; false when it could not, so a later `init` tries again. */
async function start(corpusUrl: string): Promise<boolean> {
	const t0 = performance.now();
	post({ type: 'progress', phase: 'fetching' });
	// The stored index is looked up while the corpus downloads: on a return visit the two waits
	// overlap instead of adding up.
	const opening = openCache();
	let corpus: Corpus;
	try {
		const response = await fetch(corpusUrl);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		corpus = (await response.json()) as Corpus;
	} catch (e) {
		post({ type: 'failed', stage: 'fetch', message: (e as Error).message });
		void opening.then(({ cache }) => cache?.close());
		return false;
	}
	const t1 = performance.now();
	const { cache, storage, stored, readError, openMs, readMs } = await opening;
	const t2 = performance.now();
	let rebuiltBecause: string | undefined = readError;
	if (stored) {
		post({ type: 'progress', phase: 'loading' });
		try {
			index = SearchIndex.load(stored.data, corpus);
		} catch (e) {
			rebuiltBecause = whyNotLoaded(e);
		}
	}
	const source = index ? 'loaded' : 'built';
	if (!index) {
		post({ type: 'progress', phase: 'building', detail: rebuiltBecause });
		try {
			index = SearchIndex.build(corpus);
		} catch (e) {
			post({ type: 'failed', stage: 'index', message: (e as Error).message });
			return false;
		}
	}
	const t4 = performance.now();
	post({
		type: 'ready',
		source,
		passages: index.passageCount,
		corpusHash: corpus.hash,
		storage,
		rebuiltBecause,
		readyAt: performance.timeOrigin + t4,
		scriptAt,
		// open and read overlap the fetch; `index` counts from when both were done.
		ms: { fetch: t1 - t0, open: openMs, read: readMs, index: t4 - t2 }
	});
	if (source === 'loaded') void foldWhileIdle(index);
	// Saving happens after search is ready: a slow or full disk never delays the first result.
	if (cache && source === 'built') {
		post({ type: 'progress', phase: 'saving' });
		try {
			const serialized = index.toJSON();
			await cache.put({
				format: serialized.format,
				data: JSON.stringify(serialized),
				savedAt: Date.now()
			});
			post({ type: 'storage', storage: { kind: 'ok' } });
		} catch (e) {
			const reason = (e as Error).message;
			post({
				type: 'storage',
				storage: isQuotaError(e) ? { kind: 'quota', reason } : { kind: 'failed', reason }
			});
		}
	}
	cache?.close();
	return true;
}

/** Longest the worker folds search forms before it looks for queries again. */
const FOLD_SLICE_MS = 8;

/** Folds a loaded index's search forms in short slices, between queries, until all are there. */
async function foldWhileIdle(loaded: SearchIndex): Promise<void> {
	for (;;) {
		const until = performance.now() + FOLD_SLICE_MS;
		if (loaded.foldAhead(() => performance.now() >= until)) return;
		await new Promise((resolve) => setTimeout(resolve));
	}
}

/** Gets the index ready unless that is under way or done; after a failure, tries again. */
function begin(): void {
	starting ??= start(self.name).then((ok) => {
		if (!ok) starting = null;
		return ok;
	});
}

// No first message to wait for: the page names the worker after the corpus it serves (see
// SearchClient's constructor for why).
begin();

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	if (request.type === 'retry') {
		begin();
		return;
	}
	await starting;
	if (!index) {
		post({ type: 'unavailable', id: request.id });
		return;
	}
	switch (request.type) {
		case 'search':
			post({
				type: 'results',
				id: request.id,
				results: index.search(request.query, request.options)
			});
			break;
		case 'highlight':
			post({
				type: 'highlights',
				id: request.id,
				ranges: index.highlightDocument(request.docId, request.query)
			});
			break;
		case 'passages':
			post({ type: 'passages', id: request.id, ids: index.passageIds(request.query) });
			break;
		case 'suggest':
			post({
				type: 'suggestions',
				id: request.id,
				suggestions: index.suggestWithout(request.query)
			});
			break;
	}
};
