/**
 * What the benchmark records inside the page, from its first script on (`addInitScript`): long
 * tasks, long animation frames, slow events, every search request to the worker and, for each
 * answer, when the next frame after it was painted. Everything is kept on `window.__bench` in
 * `performance.now()` time, the clock of the page's own User Timing marks.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { ms } from './stats';

export interface LongTask {
	start: number;
	duration: number;
}

export interface FrameScript {
	invoker: string;
	invokerType: string;
	sourceURL: string;
	sourceFunctionName: string;
	duration: number;
	forcedStyleAndLayoutDuration: number;
}

/** A long animation frame: what ran in it, for saying what a long task was. */
export interface LongFrame {
	start: number;
	duration: number;
	blockingDuration: number;
	/** Time spent rendering (style, layout, paint) at the end of the frame. */
	renderDuration: number;
	scripts: FrameScript[];
}

export interface SlowEvent {
	name: string;
	start: number;
	duration: number;
	processing: number;
}

export interface InputRecord {
	/** `event.timeStamp` of the `input` event. */
	at: number;
	value: string;
}

export interface SearchRecord {
	id: number;
	query: string;
	/** When the page posted the request. */
	sent: number;
	/** When the answer's `message` event started to be dispatched. */
	answered?: number;
	/** When the app had handled it: its handler and the DOM updates it queued had all run. */
	handled?: number;
	/** The first animation frame after the answer, and the moment right after it was painted. */
	frame?: number;
	painted?: number;
	/** Whether the document changed between the answer and the paint. */
	mutated?: boolean;
	total?: number;
	/** Size of the answer as JSON: a stand-in for what the structured clone carried. */
	answerChars?: number;
}

export interface WorkerNote {
	at: number;
	type: string;
	source?: string;
	storage?: string;
	ms?: Record<string, number>;
}

export interface ProbeData {
	longTasks: LongTask[];
	longFrames: LongFrame[];
	slowEvents: SlowEvent[];
	inputs: InputRecord[];
	searches: SearchRecord[];
	worker: WorkerNote[];
	marks: { name: string; at: number; detail: unknown }[];
}

declare global {
	interface Window {
		__bench?: ProbeData;
	}
}

/**
 * Runs in the page before any of its scripts. Written without closures over module scope: it is
 * sent to the browser as source text.
 */
function probe(): void {
	if (window.__bench) return;
	const data: ProbeData = {
		longTasks: [],
		longFrames: [],
		slowEvents: [],
		inputs: [],
		searches: [],
		worker: [],
		marks: []
	};
	window.__bench = data;
	const observe = (type: string, onEntry: (entry: PerformanceEntry) => void, extra = {}) => {
		try {
			new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({
				type,
				buffered: true,
				...extra
			});
		} catch {
			// An entry type this browser lacks: the figure is reported as missing, not as zero.
		}
	};
	observe('longtask', (e) => data.longTasks.push({ start: e.startTime, duration: e.duration }));
	observe('long-animation-frame', (entry) => {
		const e = entry as PerformanceEntry & {
			blockingDuration: number;
			renderStart: number;
			scripts: FrameScript[];
		};
		data.longFrames.push({
			start: e.startTime,
			duration: e.duration,
			blockingDuration: e.blockingDuration,
			renderDuration: e.renderStart > 0 ? e.startTime + e.duration - e.renderStart : 0,
			scripts: e.scripts.map((s) => ({
				invoker: s.invoker,
				invokerType: s.invokerType,
				sourceURL: s.sourceURL,
				sourceFunctionName: s.sourceFunctionName,
				duration: s.duration,
				forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration
			}))
		});
	});
	// 16 ms is the smallest threshold Event Timing accepts: anything reported missed a frame.
	observe(
		'event',
		(entry) => {
			const e = entry as PerformanceEventTiming;
			data.slowEvents.push({
				name: e.name,
				start: e.startTime,
				duration: e.duration,
				processing: e.processingEnd - e.processingStart
			});
		},
		{ durationThreshold: 16 }
	);
	observe('mark', (e) =>
		data.marks.push({ name: e.name, at: e.startTime, detail: (e as PerformanceMark).detail })
	);

	addEventListener(
		'input',
		(event) => {
			const target = event.target as HTMLInputElement | null;
			if (target?.type === 'search') data.inputs.push({ at: event.timeStamp, value: target.value });
		},
		true
	);

	// Mutations are counted, not kept: enough to tell whether an answer changed what is on screen.
	let mutations = 0;
	new MutationObserver((records) => (mutations += records.length)).observe(document, {
		subtree: true,
		childList: true,
		characterData: true,
		attributes: true
	});

	const NativeWorker = window.Worker;
	const watch = (worker: Worker) => {
		const post = worker.postMessage.bind(worker);
		worker.postMessage = ((message: unknown, options?: StructuredSerializeOptions) => {
			const m = message as { type?: string; id?: number; query?: string } | null;
			if (m?.type === 'search' && typeof m.id === 'number') {
				data.searches.push({ id: m.id, query: m.query ?? '', sent: performance.now() });
			}
			post(message, options);
		}) as Worker['postMessage'];
		// A listener added once the app has set `onmessage` runs after the app's handler and the
		// microtasks it queued (the state and DOM updates): `handled` marks the end of that work.
		// The native handler stays as it is, so long-frame attribution still names the app's code.
		let proto: object | null = worker;
		let native: PropertyDescriptor | undefined;
		while (proto && !native) {
			native = Object.getOwnPropertyDescriptor(proto, 'onmessage');
			proto = Object.getPrototypeOf(proto) as object | null;
		}
		let hooked = false;
		if (native?.set && native.get) {
			const { get, set } = native;
			Object.defineProperty(worker, 'onmessage', {
				configurable: true,
				get: () => get.call(worker),
				set(handler: Worker['onmessage']) {
					set.call(worker, handler);
					if (hooked) return;
					hooked = true;
					worker.addEventListener('message', (event) => {
						const m = event.data as { type?: string; id?: number } | null;
						if (m?.type !== 'results') return;
						const record = data.searches.find((s) => s.id === m.id);
						if (record) record.handled = performance.now();
					});
				}
			});
		}
		// Added before the app sets `onmessage`, so it runs first: `answered` is the dispatch start.
		worker.addEventListener('message', (event) => {
			const answered = performance.now();
			const before = mutations;
			const m = event.data as {
				type: string;
				id?: number;
				source?: string;
				storage?: { kind: string };
				results?: { total: number };
				ms?: Record<string, number>;
			};
			if (m.type === 'results') {
				const record = data.searches.find((s) => s.id === m.id);
				if (!record) return;
				record.answered = answered;
				record.total = m.results?.total;
				// The app updates the DOM in this task; the frame after it is the one that shows it.
				requestAnimationFrame(() => {
					record.frame = performance.now();
					const channel = new MessageChannel();
					channel.port1.onmessage = () => {
						record.painted = performance.now();
						record.mutated = mutations !== before;
						// Measured after the paint, so it costs the timing nothing.
						record.answerChars = JSON.stringify(m).length;
					};
					channel.port2.postMessage(null);
				});
			} else if (m.type !== 'highlights' && m.type !== 'suggestions') {
				data.worker.push({
					at: answered,
					type: m.type,
					source: m.source,
					storage: m.storage?.kind,
					ms: m.ms
				});
			}
		});
	};
	window.Worker = class extends NativeWorker {
		constructor(url: string | URL, options?: WorkerOptions) {
			super(url, options);
			watch(this);
		}
	};
}

/**
 * A function's source as an expression the browser can run. tsx compiles with `keepNames`, which
 * wraps inner functions in an `__name` helper the page does not have: give it a harmless one.
 */
export function browserSource(fn: (arg: never) => unknown, arg?: unknown): string {
	return `(() => { const __name = (f) => f; return (${fn.toString()})(${
		arg === undefined ? '' : JSON.stringify(arg)
	}); })()`;
}

/** Evaluates a self-contained function in the page (see `browserSource`). */
export function evaluate<T, A = undefined>(page: Page, fn: (arg: A) => T, arg?: A): Promise<T> {
	return page.evaluate(browserSource(fn as (arg: never) => unknown, arg)) as Promise<T>;
}

export async function installProbe(context: BrowserContext): Promise<void> {
	await context.addInitScript({ content: browserSource(probe) });
}

/**
 * The probe's records. Performance observers deliver entries after the frame that produced
 * them, so a short wait first lets the last long task's frame arrive.
 */
export async function probeData(page: Page, settleMs = 300): Promise<ProbeData> {
	if (settleMs > 0) await page.waitForTimeout(settleMs);
	const data = await evaluate(page, () => window.__bench);
	if (!data) throw new Error('the benchmark probe is not in the page');
	return data;
}

/** What a long task was, from the long animation frame that contains it. */
export function describeLongTask(task: LongTask, frames: readonly LongFrame[]): string {
	const frame = frames.find(
		(f) => task.start >= f.start - 1 && task.start < f.start + f.duration + 1
	);
	if (!frame) return 'no long-animation-frame entry';
	const scripts = frame.scripts
		.filter((s) => s.duration >= 5)
		.map((s) => {
			// Scripts without a URL are injected ones: the benchmark's own polling among them.
			const file = s.sourceURL
				? new URL(s.sourceURL).pathname.split('/').at(-1) || '/'
				: 'no source URL: injected';
			const fn = s.sourceFunctionName ? ` ${s.sourceFunctionName}` : '';
			return `${s.invoker} ${ms(s.duration)} [${file}${fn}]`;
		});
	const render = frame.renderDuration >= 5 ? `; rendering ${ms(frame.renderDuration)}` : '';
	return scripts.length > 0
		? scripts.join(', ') + render
		: `no script over 5 ms: parsing, style/layout or the browser's own work${render}`;
}

/**
 * Waits for a User Timing mark; its `startTime` (ms since navigation). A function, not a string:
 * the app's CSP forbids the `eval` that string predicates need. Each poll is a task in the page:
 * waits that span a measurement poll rarely (`pollMs`), and the figure comes from the mark itself.
 */
export async function waitForMark(
	page: Page,
	name: string,
	timeout = 120_000,
	pollMs = 10
): Promise<number> {
	const handle = await page.waitForFunction(
		(n) => {
			const mark = performance.getEntriesByName(n, 'mark').at(-1);
			return mark ? { at: mark.startTime } : null;
		},
		name,
		{ timeout, polling: pollMs }
	);
	// waitForFunction resolves only on a truthy value.
	return (await handle.jsonValue())!.at;
}
