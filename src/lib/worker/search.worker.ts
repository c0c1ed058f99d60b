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
let index: SearchIndex | null = null;
let starting: Promise<boolean> | null = null;

/** Gets the index ready; false when it could not, so a later `init` tries again. */
async function start(corpusUrl: string): Promise<boolean> {
	const t0 = performance.now();
	post({ type: 'progress', phase: 'fetching' });
	let corpus: Corpus;
	try {
		const response = await fetch(corpusUrl);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		corpus = (await response.json()) as Corpus;
	} catch (e) {
		post({ type: 'failed', stage: 'fetch', message: (e as Error).message });
		return false;
	}
	const t1 = performance.now();
	let cache: IndexCache | null = null;
	let storage: StorageState = { kind: 'ok' };
	try {
		cache = await IndexCache.open();
	} catch (e) {
		storage = { kind: 'unavailable', reason: (e as Error).message };
	}
	const t2 = performance.now();
	let t3 = t2;
	let rebuiltBecause: string | undefined;
	if (cache) {
		post({ type: 'progress', phase: 'loading' });
		try {
			const stored = await cache.get();
			t3 = performance.now();
			if (stored) index = SearchIndex.load(stored.data, corpus);
		} catch (e) {
			rebuiltBecause =
				e instanceof IndexFormatMismatch || e instanceof StorageUnavailable
					? e.message
					: `the stored index could not be read (${(e as Error).message})`;
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
		ms: { fetch: t1 - t0, open: t2 - t1, read: t3 - t2, index: t4 - t3 }
	});
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

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	if (request.type === 'init') {
		// A second init while one runs waits for it; one after a failure (a retry) starts again.
		starting ??= start(request.corpusUrl).then((ok) => {
			if (!ok) starting = null;
			return ok;
		});
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
