/**
 * The page's side of the search worker: numbered requests, answered in any order, and a stream
 * of progress events.
 */
import type { Range } from '../search/highlight';
import type { SearchOptions, SearchResults } from '../search/search-index';
import type { WorkerEvent, WorkerRequest } from './protocol';
import SearchWorker from './search.worker?worker';

type Answer = Extract<WorkerEvent, { id: number }>;

export class SearchClient {
	readonly #worker: Worker;
	readonly #pending = new Map<
		number,
		{ resolve: (e: Answer) => void; reject: (e: Error) => void }
	>();
	#next = 1;
	/** When the worker was created, as `performance.now()`. */
	readonly createdAt: number;

	/**
	 * The worker starts getting the index ready as soon as its script runs. It learns the corpus
	 * from its name, readable at once as `self.name`: a first message would reach it only when
	 * this thread, busy hydrating and painting, got round to forwarding it.
	 */
	constructor(corpusUrl: string, onEvent: (event: WorkerEvent) => void) {
		this.createdAt = performance.now();
		this.#worker = new SearchWorker({ name: corpusUrl });
		this.#worker.onmessage = (message: MessageEvent<WorkerEvent>) => {
			const event = message.data;
			if ('id' in event) {
				const waiting = this.#pending.get(event.id);
				this.#pending.delete(event.id);
				if (event.type === 'unavailable') waiting?.reject(new Error('search is unavailable'));
				else waiting?.resolve(event);
			} else {
				onEvent(event);
			}
		};
		this.#worker.onerror = (error) => {
			onEvent({
				type: 'failed',
				stage: 'index',
				message: error.message || 'the search worker stopped'
			});
			for (const waiting of this.#pending.values())
				waiting.reject(new Error('the search worker stopped'));
			this.#pending.clear();
		};
	}

	/** Asks a worker whose start failed to try again. */
	retry(): void {
		this.#send({ type: 'retry' });
	}

	async search(query: string, options?: SearchOptions): Promise<SearchResults> {
		const answer = await this.#ask({ type: 'search', id: this.#next++, query, options });
		return answer.type === 'results' ? answer.results : Promise.reject(new Error(answer.type));
	}

	async highlightDocument(docId: string, query: string): Promise<Record<string, Range[]>> {
		const answer = await this.#ask({ type: 'highlight', id: this.#next++, docId, query });
		return answer.type === 'highlights' ? answer.ranges : {};
	}

	/** Ids of every passage matching `query`, best first. */
	async passageIds(query: string): Promise<string[]> {
		const answer = await this.#ask({ type: 'passages', id: this.#next++, query });
		return answer.type === 'passages' ? answer.ids : [];
	}

	async suggestWithout(query: string): Promise<{ without: string; total: number }[]> {
		const answer = await this.#ask({ type: 'suggest', id: this.#next++, query });
		return answer.type === 'suggestions' ? answer.suggestions : [];
	}

	#ask(request: Extract<WorkerRequest, { id: number }>): Promise<Answer> {
		return new Promise((resolve, reject) => {
			this.#pending.set(request.id, { resolve, reject });
			this.#send(request);
		});
	}

	#send(request: WorkerRequest): void {
		this.#worker.postMessage(request);
	}
}
