/**
 * The one place a chart is attached to a canvas: `{@attach barChart(() => props)}` draws the
 * panel, redraws it in place when the panel, the language or the colour scheme change, and
 * destroys it with the canvas. Chart.js runs in the chart worker where the browser can hand the
 * canvas over (every current one), and on the page, once it is idle, where it cannot. The
 * canvas's parent is the box the chart fills; its height follows the number of bars and how far
 * their labels wrap.
 */
import type { Chart } from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { devicePixelRatio } from 'svelte/reactivity/window';
import { drawnPoints, type ChartPoint, type Panel } from './series/panels';
import type { BarChart, BarChartInput, ChartHooks, LiveChart } from './bar-chart-config';
import { chartHeight } from './chart-size';
import { canDrawInWorker, WorkerChart } from './chart-worker-client';
import { readTheme } from './theme.svelte';

export interface BarChartProps extends BarChartInput {
	onpoint: (point: ChartPoint) => void;
	/** The chart could not be drawn: the page says so (the data table still has every figure). */
	onfailed: (message: string) => void;
}

/** How to get each drawn chart's picture, for the figure's PNG. */
const pictures = new WeakMap<HTMLCanvasElement, () => Promise<CanvasImageSource | null>>();

/** The chart on this canvas as an image, or null when it has not been drawn. */
export function chartPicture(canvas: HTMLCanvasElement): Promise<CanvasImageSource | null> {
	return pictures.get(canvas)?.() ?? Promise.resolve(null);
}

export function barChart(props: () => BarChartProps): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const box = canvas.parentElement!;
		// The box takes the chart's height as soon as its width is known, before anything is
		// drawn, so nothing below it moves then. The width comes from a ResizeObserver, after the
		// browser's own layout: reading clientWidth here forced a layout of the whole page in the
		// middle of hydration.
		let width = $state(0);
		const observer = new ResizeObserver(([entry]) => {
			if (entry) width = entry.contentRect.width;
		});
		observer.observe(box);
		$effect(() => {
			const panel = props().panel;
			if (width > 0) fitHeight(box, panel, width);
		});

		const stop = canDrawInWorker(canvas)
			? drawInWorker(canvas, props, () => width)
			: drawOnPage(canvas, props);
		return () => {
			observer.disconnect();
			stop();
		};
	};
}

function fitHeight(box: HTMLElement, panel: Panel, width: number): void {
	// Through the CSSOM, which the page's CSP allows.
	const height = `${chartHeight(panel, width)}px`;
	if (box.style.height !== height) box.style.height = height;
}

/** What either way of drawing tells the canvas: a pointer over bars, and where the bars are. */
function canvasReports(canvas: HTMLCanvasElement): Pick<ChartHooks, 'hover' | 'positions'> {
	return {
		hover: (overBar) => (canvas.style.cursor = overBar ? 'pointer' : 'default'),
		positions: (points) => (canvas.dataset.points = JSON.stringify(points))
	};
}

/** What crosses to the worker: plain data, without the page's reactive proxies or callbacks. */
function plain(props: BarChartProps): BarChartInput {
	return $state.snapshot({ panel: props.panel, locale: props.locale, words: props.words });
}

function drawInWorker(
	canvas: HTMLCanvasElement,
	props: () => BarChartProps,
	width: () => number
): () => void {
	let current = untrack(props);
	const chart = new WorkerChart(canvas, {
		...canvasReports(canvas),
		open: (indicatorId) => {
			const point = drawnPoints(current.panel).find((p) => p.indicator.id === indicatorId);
			if (point) current.onpoint(point);
		},
		failed: (message) => {
			console.error(`The chart could not be drawn: ${message}`);
			current.onfailed(message);
		}
	});
	pictures.set(canvas, () => chart.image());
	const measured = $derived(width() > 0);
	const size = (panel: Panel) => ({
		width: width(),
		height: chartHeight(panel, width()),
		// Reactive: a window moved to a screen of another density redraws at its density.
		pixelRatio: devicePixelRatio.current ?? 1
	});

	$effect(() => {
		current = props();
		if (!measured) return;
		// Read here, after the page's first layout: reading computed style earlier made hydration
		// recalculate styles. Inside the effect, so a switch to dark mode redraws.
		const theme = readTheme(canvas);
		const input = plain(current);
		untrack(() => chart.draw(input, theme, size(input.panel)));
	});
	$effect(() => {
		const panel = props().panel;
		if (measured) chart.resize(size(panel));
	});
	return () => chart.destroy();
}

function drawOnPage(canvas: HTMLCanvasElement, props: () => BarChartProps): () => void {
	// Chart.js and the configuration arrive asynchronously; the effect below draws once they are here.
	let loaded = $state.raw<{
		ChartJs: typeof Chart;
		configure: typeof import('./bar-chart-config').configure;
		redraw: typeof import('./bar-chart-config').redraw;
	} | null>(null);
	let chart: BarChart | null = null;
	let gone = false;
	let live: LiveChart | null = null;
	const hooks: ChartHooks = {
		...canvasReports(canvas),
		open: (point) => untrack(props).onpoint(point)
	};
	pictures.set(canvas, () => Promise.resolve(chart ? canvas : null));

	// Chart.js is fetched and run only once the page has painted and the browser is idle, and
	// each chart is drawn in a task of its own: none of it lengthens the page's first tasks.
	void afterIdle()
		.then(() => Promise.all([import('./chart-js'), import('./bar-chart-config')]))
		.then(async ([chartJs, config]) => {
			await afterIdle();
			if (!gone)
				loaded = { ChartJs: chartJs.Chart, configure: config.configure, redraw: config.redraw };
		})
		.catch((error: unknown) => {
			// Offline before the chart code was ever cached, or a failed download.
			if (!gone) untrack(props).onfailed(error instanceof Error ? error.message : String(error));
		});

	$effect(() => {
		const input = props();
		if (!loaded) return;
		const { ChartJs, configure, redraw } = loaded;
		const theme = readTheme(canvas);
		if (live) Object.assign(live, { input, theme });
		else live = { input, theme, hooks, tapped: null };
		const config = configure(live);
		if (chart) {
			redraw(chart, config);
		} else {
			chart = new ChartJs(canvas, config) as BarChart;
			countInstances(ChartJs);
		}
	});

	return () => {
		gone = true;
		chart?.destroy();
		chart = null;
		if (loaded) countInstances(loaded.ChartJs);
	};
}

/** Resolves when the browser has nothing more urgent to do (a timeout where it cannot say). */
function afterIdle(): Promise<void> {
	return new Promise((resolve) => {
		if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 1000 });
		else setTimeout(resolve, 50);
	});
}

/** How many Chart.js instances are alive, for the browser tests (the worker reports its own). */
function countInstances(ChartJs: typeof Chart): void {
	document.documentElement.dataset.chartInstances = String(Object.keys(ChartJs.instances).length);
}
