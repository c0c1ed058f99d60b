/**
 * Typing, measured in the page: queries typed one character at a time, each keystroke followed
 * from its `input` event to the frame that shows its results.
 *
 * Results come back from the worker asynchronously, so each keystroke is split in two:
 * - keystroke → results painted: the `input` event's timestamp to the paint after the worker's
 *   answer (includes the search itself, off the main thread);
 * - render: from the answer's arrival on the main thread to that paint — the work the page does
 *   per keystroke on the main thread, the part a frame budget can hold.
 * Event Timing reports any `input`/`keydown` event that took 16 ms or more to its next paint.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freshContext } from '../../../tests/support/browser';
import { waitForSaved } from './load-timing';
import { describeLongTask, installProbe, probeData, waitForMark, type ProbeData } from './probe';

export interface Keystroke {
	query: string;
	/** `input` → paint after the results. */
	toPaintMs: number;
	/** Results arriving on the main thread → paint. */
	renderMs: number;
	/** Of which: until the next animation frame began (the page's own work plus waiting for it). */
	toFrameMs: number;
	/**
	 * The page's own work for the answer: handling it (script, DOM updates) plus the rendering of
	 * the frame that shows it (from that frame's start to its paint). Waiting for the frame is left
	 * out: it depends on where in the frame interval the answer happened to land.
	 */
	workMs: number;
	handleMs: number;
	renderFrameMs: number;
	/** Request posted → answer dispatched (the worker's search plus messaging). */
	workerMs: number;
	/** Event Timing: the `input` event to its next paint; undefined when under 16 ms (unreported). */
	inputEventMs?: number;
	total: number;
	/** Whether the answer changed the document (false: same results as the keystroke before). */
	mutated: boolean;
	answerChars?: number;
}

export interface TypingResult {
	keystrokes: Keystroke[];
	/** Keystrokes whose answer came after the next keystroke: dropped by the page, by design. */
	superseded: number;
	/** Keystrokes with no answer painted within the wait. */
	unanswered: number;
	/** Event Timing entries of 16 ms or more during typing. */
	slowEvents: { name: string; duration: number; processing: number }[];
	/** An idle page's change → paint, the frame alignment every update pays (calibration). */
	baseline: number[];
	/** Main-thread long tasks during typing (clearing the box between queries included). */
	longTasks: { duration: number; what: string }[];
	delayMs: number;
	/** Visits pooled. */
	visits: number;
}

export interface TypingOptions {
	queries: readonly string[];
	delayMs?: number;
	timeoutMs?: number;
	/**
	 * Fresh visits that each type every query; their keystrokes are pooled. One visit's p95 rests
	 * on its two or three slowest keystrokes, so a second visit halves how much one stray frame
	 * on a shared machine moves it. Each visit keeps its own first keystroke (the page's code
	 * still cold), so the pool has the same mix as one visit.
	 */
	visits?: number;
}

const INPUT = 'input[type="search"]';
/** Between typed characters unless told otherwise: a quick typist. */
const DEFAULT_DELAY_MS = 120;
/** Visits pooled unless told otherwise (see `TypingOptions.visits`). */
export const DEFAULT_TYPING_VISITS = 2;

/** Types `queries` in each of `visits` fresh visits, after the index is ready and saved. */
export async function measureTyping(
	browser: Browser,
	siteUrl: string,
	options: TypingOptions
): Promise<TypingResult> {
	const pooled: TypingResult[] = [];
	for (let visit = 0; visit < (options.visits ?? DEFAULT_TYPING_VISITS); visit++) {
		pooled.push(await typeInOneVisit(browser, siteUrl, options));
	}
	return {
		keystrokes: pooled.flatMap((r) => r.keystrokes),
		superseded: pooled.reduce((sum, r) => sum + r.superseded, 0),
		unanswered: pooled.reduce((sum, r) => sum + r.unanswered, 0),
		slowEvents: pooled.flatMap((r) => r.slowEvents),
		baseline: pooled.flatMap((r) => r.baseline),
		longTasks: pooled.flatMap((r) => r.longTasks),
		delayMs: options.delayMs ?? DEFAULT_DELAY_MS,
		visits: pooled.length
	};
}

async function typeInOneVisit(
	browser: Browser,
	siteUrl: string,
	options: TypingOptions
): Promise<TypingResult> {
	const delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
	const { context, page } = await openReadyPage(browser, siteUrl, options);
	try {
		const baseline = await frameBaseline(page);
		const started = await page.evaluate(() => performance.now());
		await typeQueries(page, options.queries, delayMs);
		return { ...analyse(await probeData(page), started, delayMs), baseline, visits: 1 };
	} finally {
		await context.close();
	}
}

/**
 * A fresh visit with the probe installed, once search can answer and the index is saved (saving
 * serializes the index in the worker: it must not share the CPU with the typing). The caller
 * closes the context.
 */
async function openReadyPage(
	browser: Browser,
	siteUrl: string,
	options: TypingOptions
): Promise<{ context: BrowserContext; page: Page }> {
	const timeout = options.timeoutMs ?? 300_000;
	const context = await freshContext(browser, { serviceWorkers: 'block' });
	try {
		await installProbe(context);
		const page = await context.newPage();
		await page.goto(siteUrl, { timeout });
		await waitForMark(page, 'index-ready', timeout, 250);
		await waitForSaved(page, timeout);
		return { context, page };
	} catch (error) {
		await context.close();
		throw error;
	}
}

/** Each query typed into an emptied box a character at a time, its answers awaited. */
async function typeQueries(page: Page, queries: readonly string[], delayMs: number): Promise<void> {
	for (const query of queries) {
		await page.fill(INPUT, '');
		await page.waitForTimeout(300);
		await page.focus(INPUT);
		await page.keyboard.type(query, { delay: delayMs });
		await waitForAnswers(page);
		await page.waitForTimeout(delayMs);
	}
}

/** Until every search posted so far has been answered and painted (or a few seconds passed). */
async function waitForAnswers(page: Page): Promise<void> {
	await page
		.waitForFunction(
			() => (window.__bench?.searches ?? []).every((s) => s.painted !== undefined),
			undefined,
			{ timeout: 10_000, polling: 100 }
		)
		.catch(() => {});
}

/**
 * How long an idle page takes from a DOM change at a random moment to the paint that shows it:
 * the wait for the next frame plus a trivial frame. What any update pays before its own work.
 */
async function frameBaseline(page: Page, samples = 40): Promise<number[]> {
	return page.evaluate(async (n) => {
		const probe = document.createElement('div');
		probe.setAttribute('aria-hidden', 'true');
		probe.style.cssText = 'position:fixed;left:-100px;top:0;width:1px;height:1px;overflow:hidden';
		document.body.append(probe);
		const out: number[] = [];
		for (let i = 0; i < n; i++) {
			await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
			const t0 = performance.now();
			probe.textContent = String(i);
			await new Promise<void>((resolve) =>
				requestAnimationFrame(() => {
					const channel = new MessageChannel();
					channel.port1.onmessage = () => {
						out.push(performance.now() - t0);
						resolve();
					};
					channel.port2.postMessage(null);
				})
			);
		}
		probe.remove();
		return out;
	}, samples);
}

function analyse(
	data: ProbeData,
	started: number,
	delayMs: number
): Omit<TypingResult, 'baseline' | 'visits'> {
	const inputs = data.inputs.filter((i) => i.at >= started && i.value.trim() !== '');
	const keystrokes: Keystroke[] = [];
	let superseded = 0;
	let unanswered = 0;
	for (const input of inputs) {
		const next = data.inputs.find((i) => i.at > input.at);
		const search = data.searches.find((s) => s.sent >= input.at && s.query === input.value);
		if (!search || search.painted === undefined || search.answered === undefined) {
			unanswered++;
			continue;
		}
		if (next && search.answered > next.at) {
			superseded++;
			continue;
		}
		keystrokes.push({
			query: input.value,
			toPaintMs: search.painted - input.at,
			renderMs: search.painted - search.answered,
			toFrameMs: (search.frame ?? search.painted) - search.answered,
			handleMs: (search.handled ?? search.answered) - search.answered,
			renderFrameMs: search.painted - (search.frame ?? search.painted),
			workMs:
				(search.handled ?? search.answered) -
				search.answered +
				search.painted -
				(search.frame ?? search.painted),
			workerMs: search.answered - search.sent,
			inputEventMs: data.slowEvents.find(
				(e) => e.name === 'input' && Math.abs(e.start - input.at) < 1
			)?.duration,
			total: search.total ?? 0,
			mutated: search.mutated ?? false,
			answerChars: search.answerChars
		});
	}
	const ended = Math.max(...data.inputs.map((i) => i.at), started) + 5_000;
	return {
		keystrokes,
		superseded,
		unanswered,
		slowEvents: data.slowEvents
			.filter((e) => e.start >= started && e.start <= ended)
			.filter((e) => ['input', 'beforeinput', 'keydown', 'keyup', 'keypress'].includes(e.name))
			.map(({ name, duration, processing }) => ({ name, duration, processing })),
		longTasks: data.longTasks
			.filter((t) => t.start >= started && t.start <= ended)
			.map((t) => ({ duration: t.duration, what: describeLongTask(t, data.longFrames) })),
		delayMs
	};
}

export interface HotFunction {
	name: string;
	/** File name on the site, line and column (1-based) in the minified build. */
	where: string;
	selfMs: number;
	/** The code at that position, to find it in the source without a source map. */
	snippet: string;
}

export interface TypingProfile {
	/** Main-thread JavaScript time sampled while typing (idle excluded). */
	busyMs: number;
	functions: HotFunction[];
	/** The renderer main thread's time by trace event, self time: scripts, style, layout, paint. */
	work: { name: string; selfMs: number }[];
	/** Main-thread time covered by the trace's events while typing. */
	tracedMs: number;
}

interface CpuProfile {
	nodes: {
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	}[];
	samples: number[];
	timeDeltas: number[];
}

/**
 * The same typing with V8's sampling profiler on, in a visit of its own (profiling slows the page,
 * so it never shares a visit with the timings): where the main thread's time goes, by function.
 */
export async function profileTyping(
	browser: Browser,
	siteUrl: string,
	options: TypingOptions & { top?: number }
): Promise<TypingProfile> {
	const { context, page } = await openReadyPage(browser, siteUrl, options);
	try {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
		await browser.startTracing(page, { categories: TRACE_CATEGORIES });
		await cdp.send('Profiler.start');
		await typeQueries(page, options.queries, options.delayMs ?? DEFAULT_DELAY_MS);
		const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
		const trace = await browser.stopTracing();
		return {
			...(await summarizeProfile(profile, options.top ?? 10)),
			...summarizeTrace(trace, options.top ?? 10)
		};
	} finally {
		await context.close();
	}
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'];

/** DevTools' names for the trace events that matter here. */
const TRACE_LABELS: Record<string, string> = {
	UpdateLayoutTree: 'Recalculate style',
	Layout: 'Layout',
	Paint: 'Paint',
	PrePaint: 'Pre-paint',
	Layerize: 'Layerize',
	FunctionCall: 'Function call (JS)',
	EventDispatch: 'Event dispatch (JS)',
	TimerFire: 'Timer (JS)',
	FireAnimationFrame: 'Animation frame (JS)',
	RunMicrotasks: 'Microtasks (JS)',
	'v8.callFunction': 'JS',
	ParseHTML: 'Parse HTML',
	HitTest: 'Hit test',
	RunTask: 'Task overhead',
	'ThreadControllerImpl::RunTask': 'Task overhead'
};

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { name?: string };
}

/** Self time of each complete event on the renderer main thread(s), by name. */
function summarizeTrace(buffer: Buffer, top: number): Pick<TypingProfile, 'work' | 'tracedMs'> {
	const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
	const mainThreads = new Set(
		events
			.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
			.map((e) => `${e.pid}:${e.tid}`)
	);
	const byThread = new Map<string, TraceEvent[]>();
	for (const e of events) {
		const thread = `${e.pid}:${e.tid}`;
		if (e.ph !== 'X' || !e.dur || !mainThreads.has(thread)) continue;
		const list = byThread.get(thread);
		if (list) list.push(e);
		else byThread.set(thread, [e]);
	}
	const self = new Map<string, number>();
	let traced = 0;
	for (const list of byThread.values()) {
		list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
		const stack: { end: number; name: string; children: number; dur: number }[] = [];
		const close = (until: number) => {
			while (stack.length > 0 && stack.at(-1)!.end <= until) {
				const done = stack.pop()!;
				self.set(done.name, (self.get(done.name) ?? 0) + done.dur - done.children);
				if (stack.length === 0) traced += done.dur;
			}
		};
		for (const e of list) {
			close(e.ts);
			const parent = stack.at(-1);
			if (parent) parent.children += e.dur!;
			stack.push({ end: e.ts + e.dur!, name: e.name, children: 0, dur: e.dur! });
		}
		close(Infinity);
	}
	const work = [...self.entries()]
		.map(([name, us]) => ({
			name: TRACE_LABELS[name] ? `${TRACE_LABELS[name]} (${name})` : name,
			selfMs: us / 1000
		}))
		.sort((a, b) => b.selfMs - a.selfMs)
		.slice(0, top);
	return { work, tracedMs: traced / 1000 };
}

async function summarizeProfile(
	profile: CpuProfile,
	top: number
): Promise<Pick<TypingProfile, 'busyMs' | 'functions'>> {
	const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
	const self = new Map<string, number>();
	let busy = 0;
	profile.samples.forEach((id, i) => {
		const frame = frames.get(id);
		if (!frame || frame.functionName === '(idle)') return;
		const us = profile.timeDeltas[i + 1] ?? 0;
		busy += us;
		const key = JSON.stringify([
			frame.functionName,
			frame.url,
			frame.lineNumber,
			frame.columnNumber
		]);
		self.set(key, (self.get(key) ?? 0) + us);
	});
	const sources = new Map<string, Promise<string>>();
	const source = (url: string) => {
		if (!sources.has(url)) {
			sources.set(
				url,
				fetch(url)
					.then((r) => (r.ok ? r.text() : ''))
					.catch(() => '')
			);
		}
		return sources.get(url)!;
	};
	const hottest = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
	const functions = await Promise.all(
		hottest.map(async ([key, us]) => {
			const [name, url, line, column] = JSON.parse(key) as [string, string, number, number];
			const file = url ? (new URL(url).pathname.split('/').at(-1) ?? url) : '';
			let snippet = '';
			if (url.startsWith('http')) {
				const text = (await source(url)).split('\n')[line] ?? '';
				snippet = text.slice(column, column + 90).replace(/\s+/gu, ' ');
			}
			return {
				name: name || '(anonymous)',
				where: file ? `${file}:${line + 1}:${column + 1}` : '',
				selfMs: us / 1000,
				snippet
			};
		})
	);
	return { busyMs: busy / 1000, functions };
}
