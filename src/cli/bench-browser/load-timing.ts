/**
 * Cold and warm visits: a fresh profile (nothing stored), then the same page opened again in that
 * profile once the index has been saved to IndexedDB. Each reads the page's own marks (`index-start`, `index-ready`,
 * `first-results`) and the main thread's long tasks between the first two.
 */
import type { Browser, Page } from 'playwright-core';
import { freshContext } from '../../../tests/support/browser';
import {
	evaluate,
	installProbe,
	probeData,
	waitForMark,
	type LongFrame,
	type LongTask,
	type ProbeData
} from './probe';

export interface Visit {
	kind: 'cold' | 'warm';
	/** `detail.source` of `index-ready`: 'built' or 'loaded'. */
	source: string;
	/** When the query went in (ms since navigation). */
	typedMs: number;
	indexStartMs: number;
	indexReadyMs: number;
	firstResultsMs: number;
	/** `index-start` → `index-ready`. */
	indexMs: number;
	/** What the worker reported: fetching and parsing the corpus, making the index. */
	workerMs: Record<string, number>;
	/** Main-thread long tasks (> 50 ms) overlapping `index-start`…`index-ready`. */
	longTasksDuringIndex: LongTask[];
	/** Long animation frames until the first results: what ran in each long task. */
	longFrames: LongFrame[];
	/** Every long task from navigation to the first results. */
	longTasksUntilResults: LongTask[];
	/** IndexedDB and cache usage once the index was saved (cold visits). */
	storedBytes?: number;
}

export interface LoadOptions {
	query: string;
	runs: number;
	timeoutMs?: number;
	log?: (message: string) => void;
}

const overlaps = (start: number, duration: number, from: number, to: number) =>
	start < to && start + duration > from;

async function visit(
	page: Page,
	kind: Visit['kind'],
	query: string,
	timeout: number
): Promise<Visit> {
	// Typed as soon as the layout has mounted (`index-start`), as a Chinese input method commits a
	// word: one input event with the whole query.
	const indexStartMs = await waitForMark(page, 'index-start', timeout);
	await page.focus('input[type="search"]');
	await page.keyboard.insertText(query);
	await waitForMark(page, 'first-results', timeout, 250);
	const data = await probeData(page);
	return summarize(data, kind, indexStartMs);
}

function summarize(data: ProbeData, kind: Visit['kind'], indexStartMs: number): Visit {
	const mark = (name: string) => data.marks.find((m) => m.name === name);
	const ready = mark('index-ready');
	const firstResults = mark('first-results');
	if (!ready || !firstResults) throw new Error('the page did not mark index-ready/first-results');
	const detail = (ready.detail ?? {}) as { source?: string; ms?: Record<string, number> };
	const from = indexStartMs;
	const to = ready.at;
	return {
		kind,
		source: detail.source ?? '?',
		typedMs: data.inputs[0]?.at ?? NaN,
		indexStartMs: from,
		indexReadyMs: to,
		firstResultsMs: firstResults.at,
		indexMs: to - from,
		workerMs: detail.ms ?? {},
		longTasksDuringIndex: data.longTasks.filter((t) => overlaps(t.start, t.duration, from, to)),
		longFrames: data.longFrames.filter((f) => f.start <= firstResults.at),
		longTasksUntilResults: data.longTasks.filter((t) => t.start < firstResults.at)
	};
}

/** Waits until the worker says the index it built was saved (or could not be). */
export async function waitForSaved(page: Page, timeout: number): Promise<string> {
	const handle = await page.waitForFunction(
		() => {
			const note = window.__bench?.worker.find((n) => n.type === 'storage');
			return note ? { storage: note.storage ?? '' } : null;
		},
		undefined,
		{ timeout, polling: 250 }
	);
	// waitForFunction resolves only on a truthy value.
	return (await handle.jsonValue())!.storage;
}

/** `runs` pairs of a cold visit and the warm reload after it, each pair in a fresh profile. */
export async function measureLoads(
	browser: Browser,
	siteUrl: string,
	options: LoadOptions
): Promise<{ cold: Visit[]; warm: Visit[] }> {
	const timeout = options.timeoutMs ?? 300_000;
	const cold: Visit[] = [];
	const warm: Visit[] = [];
	for (let run = 0; run < options.runs; run++) {
		// Service workers are blocked: their precache would compete with the index for the CPU
		// at random moments; what it costs is reported with the bytes.
		const context = await freshContext(browser, { serviceWorkers: 'block' });
		try {
			await installProbe(context);
			const page = await context.newPage();
			await page.goto(siteUrl, { timeout });
			const first = await visit(page, 'cold', options.query, timeout);
			const saved = await waitForSaved(page, timeout);
			if (saved !== 'ok') throw new Error(`the index was not saved (${saved})`);
			first.storedBytes = await evaluate(
				page,
				async () => (await navigator.storage.estimate()).usage ?? 0
			);
			cold.push(first);
			// The home page again, not a reload: typing left `?q=` in the URL, and a page opened
			// with a query shows its results without anything being typed.
			await page.goto(siteUrl, { timeout });
			warm.push(await visit(page, 'warm', options.query, timeout));
			options.log?.(
				`  run ${run + 1}: cold ${first.source} ${first.indexMs.toFixed(0)} ms, ` +
					`warm ${warm.at(-1)!.source} ${warm.at(-1)!.indexMs.toFixed(0)} ms`
			);
		} finally {
			await context.close();
		}
	}
	return { cold, warm };
}
