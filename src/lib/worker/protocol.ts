/** Messages between the page and the search worker. */
import type { SearchOptions, SearchResults } from '../search/search-index';
import type { Range } from '../search/highlight';

export type IndexSource = 'built' | 'loaded';

/** How the stored index fared: used, saved, or why it could not be. */
export type StorageState =
	| { kind: 'ok' }
	| { kind: 'unavailable'; reason: string }
	| { kind: 'quota'; reason: string }
	| { kind: 'failed'; reason: string };

export type WorkerRequest =
	| { type: 'retry' }
	| { type: 'search'; id: number; query: string; options?: SearchOptions }
	| { type: 'highlight'; id: number; docId: string; query: string }
	| { type: 'suggest'; id: number; query: string }
	| { type: 'passages'; id: number; query: string };

export type WorkerEvent =
	| { type: 'progress'; phase: 'fetching' | 'loading' | 'building' | 'saving'; detail?: string }
	| {
			type: 'ready';
			source: IndexSource;
			passages: number;
			corpusHash: string;
			storage: StorageState;
			/** Why a stored index was not used, when one was found. */
			rebuiltBecause?: string;
			/** When search could answer, as `performance.timeOrigin + performance.now()` (epoch ms). */
			readyAt: number;
			/** When the worker's script began to run, the same way. */
			scriptAt: number;
			/** Where the time went, in the worker: corpus fetch, storage open and read, index. */
			ms: { fetch: number; open: number; read: number; index: number };
	  }
	| { type: 'storage'; storage: StorageState }
	| { type: 'failed'; stage: 'fetch' | 'index'; message: string }
	| { type: 'results'; id: number; results: SearchResults }
	| { type: 'highlights'; id: number; ranges: Record<string, Range[]> }
	| { type: 'suggestions'; id: number; suggestions: { without: string; total: number }[] }
	| { type: 'passages'; id: number; ids: string[] }
	/** A request that came when no index could be made (see the `failed` event). */
	| { type: 'unavailable'; id: number };
