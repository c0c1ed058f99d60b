/**
 * The search as the page sees it: how far the index is, the query, the results. One instance,
 * shared by every page, so the index is made once per visit.
 */
import type { SearchResults } from '../search/search-index';
import type { Range } from '../search/highlight';
import type { IndexSource, StorageState, WorkerEvent } from '../worker/protocol';
import { SearchClient } from '../worker/search-client';

export type IndexStatus = 'idle' | 'fetching' | 'loading' | 'building' | 'ready' | 'failed';

/** Results shown at first, and added by "show more": ten keep each keystroke within a frame. */
export const PAGE_SIZE = 10;

class SearchState {
	status = $state<IndexStatus>('idle');
	saving = $state(false);
	source = $state<IndexSource | null>(null);
	passages = $state(0);
	storage = $state<StorageState>({ kind: 'ok' });
	rebuiltBecause = $state<string | undefined>(undefined);
	failure = $state<{ stage: 'fetch' | 'index'; message: string } | null>(null);
	query = $state('');
	docIds = $state<string[]>([]);
	limit = $state(PAGE_SIZE);
	results = $state<SearchResults | null>(null);
	searching = $state(false);
	suggestions = $state<{ without: string; total: number }[]>([]);

	#client: SearchClient | null = null;
	#sequence = 0;
	#ready!: Promise<void>;
	#resolveReady: () => void = () => {};
	#rejectReady: (error: Error) => void = () => {};

	constructor() {
		this.#resetReady();
	}

	/** A fresh promise for the next attempt; it rejects if that attempt fails. */
	#resetReady(): void {
		this.#ready = new Promise<void>((resolve, reject) => {
			this.#resolveReady = resolve;
			this.#rejectReady = reject;
		});
		// Failure is shown by the status; callers that wait handle the rejection themselves.
		this.#ready.catch(() => {});
	}

	/** Starts the worker, which gets the index ready by itself. Safe to call on every page. */
	start(corpusUrl: string): void {
		if (this.#client) return;
		performance.mark('index-start');
		this.status = 'fetching';
		this.#client = new SearchClient(corpusUrl, (event) => this.#onEvent(event));
		// A page may have asked before the worker existed (a link with ?q=): answer it now.
		if (this.query.trim()) void this.#run();
	}

	retry(): void {
		if (!this.#client || this.status !== 'failed') return;
		this.#resetReady();
		this.failure = null;
		this.status = 'fetching';
		performance.mark('index-start');
		this.#client.retry();
		if (this.query) void this.#run();
	}

	/** Resolves once search can answer; rejects when the index could not be made. */
	whenReady(): Promise<void> {
		return this.#ready;
	}

	/** Ids of every passage matching `query`, in any document, best first. */
	async passageIds(query: string): Promise<string[]> {
		if (!query.trim()) return [];
		await this.#ready;
		return this.#client!.passageIds(query);
	}

	setQuery(query: string): void {
		if (query === this.query && this.results) return;
		this.query = query;
		this.limit = PAGE_SIZE;
		void this.#run();
	}

	setDocuments(docIds: string[]): void {
		this.docIds = docIds;
		this.limit = PAGE_SIZE;
		void this.#run();
	}

	showMore(): void {
		this.limit += PAGE_SIZE;
		void this.#run();
	}

	/**
	 * Highlights for a document. A page may ask before the layout has started the worker (child
	 * effects run first), so this waits for the index rather than for the client.
	 */
	async highlightDocument(docId: string, query: string): Promise<Record<string, Range[]>> {
		if (!query.trim()) return {};
		try {
			await this.#ready;
			return await this.#client!.highlightDocument(docId, query);
		} catch {
			return {};
		}
	}

	/** The latest query wins: answers to older ones are dropped, so typing never shows stale results. */
	async #run(): Promise<void> {
		const sequence = ++this.#sequence;
		const query = this.query;
		if (!this.#client || query.trim() === '') {
			this.results = null;
			this.suggestions = [];
			this.searching = false;
			return;
		}
		this.searching = true;
		try {
			const results = await this.#client.search(query, {
				limit: this.limit,
				// A plain copy: state proxies cannot be posted to a worker.
				docIds: this.docIds.length > 0 ? $state.snapshot(this.docIds) : undefined
			});
			if (sequence !== this.#sequence) return;
			this.results = results;
			this.suggestions =
				results.total === 0 && results.terms.length > 1
					? await this.#client.suggestWithout(query)
					: [];
		} catch (error) {
			// A worker that could not make an index says so through its `failed` event; anything
			// else is a bug worth seeing.
			if (this.status !== 'failed') console.error('search failed', error);
		} finally {
			if (sequence === this.#sequence) this.searching = false;
		}
	}

	#onEvent(event: WorkerEvent): void {
		switch (event.type) {
			case 'progress':
				if (event.phase === 'saving') this.saving = true;
				else this.status = event.phase;
				break;
			case 'ready':
				this.status = 'ready';
				this.source = event.source;
				this.passages = event.passages;
				this.storage = event.storage;
				this.rebuiltBecause = event.rebuiltBecause;
				// Stamped when the worker could answer, not when this thread got to the message: a
				// query sent meanwhile is already answered from the index.
				performance.mark('index-ready', {
					startTime: Math.min(performance.now(), event.readyAt - performance.timeOrigin),
					detail: {
						source: event.source,
						// `boot`: from creating the worker to its script running (inside a first attempt's time).
						ms: {
							...event.ms,
							boot: event.scriptAt - performance.timeOrigin - this.#client!.createdAt
						}
					}
				});
				this.#resolveReady();
				break;
			case 'storage':
				this.storage = event.storage;
				this.saving = false;
				break;
			case 'failed':
				this.status = 'failed';
				this.failure = { stage: event.stage, message: event.message };
				this.#rejectReady(new Error(event.message));
				break;
		}
	}
}

export const search = new SearchState();
