/**
 * The page's side of the chart worker: one worker for every chart on the page, started with the
 * first one. A `WorkerChart` hands its canvas over, forwards the pointer events Chart.js needs and
 * passes on what the worker reports: the cursor, the bar chosen, where the bars are.
 */
import type { BarChartInput, PointPosition } from './bar-chart-config';
import type { ChartReply, ChartRequest, ForwardedEventType } from './chart-protocol';
import type { ChartTheme } from './theme.svelte';
import ChartWorker from './chart.worker?worker';

export interface WorkerChartEvents {
	hover(overBar: boolean): void;
	open(indicatorId: string): void;
	positions(points: PointPosition[]): void;
	failed(message: string): void;
}

export interface ChartSize {
	/** CSS pixels. */
	width: number;
	height: number;
	pixelRatio: number;
}

let worker: Worker | null = null;
let nextChart = 1;
let nextRequest = 1;
const charts = new Map<number, WorkerChartEvents>();
const images = new Map<number, (image: ImageBitmap | null) => void>();

function receive(reply: ChartReply): void {
	switch (reply.type) {
		case 'hover':
			return charts.get(reply.id)?.hover(reply.overBar);
		case 'open':
			return charts.get(reply.id)?.open(reply.indicatorId);
		case 'positions':
			return charts.get(reply.id)?.positions(reply.points);
		case 'failed':
			return charts.get(reply.id)?.failed(reply.message);
		case 'image':
			images.get(reply.request)?.(reply.image);
			images.delete(reply.request);
			return;
		case 'instances':
			// Read by the browser tests: switching views, languages and sizes never leaves one behind.
			document.documentElement.dataset.chartInstances = String(reply.count);
			return;
	}
}

function failAll(message: string): void {
	for (const chart of charts.values()) chart.failed(message);
	for (const answer of images.values()) answer(null);
	images.clear();
}

function post(request: ChartRequest, transfer: Transferable[] = []): void {
	if (!worker) {
		try {
			worker = new ChartWorker();
		} catch (error) {
			// A worker refused (a strict policy, a broken script URL): every chart says so.
			failAll(error instanceof Error ? error.message : String(error));
			return;
		}
		worker.onmessage = (message: MessageEvent<ChartReply>) => receive(message.data);
		worker.onerror = (error) => failAll(error.message || 'the chart worker stopped');
	}
	worker.postMessage(request, transfer);
}

/** Whether this browser can hand a canvas to a worker (every current one; Safari since 16.4). */
export function canDrawInWorker(canvas: HTMLCanvasElement): boolean {
	return typeof canvas.transferControlToOffscreen === 'function' && typeof Worker !== 'undefined';
}

export class WorkerChart {
	readonly #id = nextChart++;
	readonly #canvas: HTMLCanvasElement;
	#offscreen: OffscreenCanvas | null;
	#size: ChartSize | null = null;
	#pendingMove: PointerEvent | null = null;
	readonly #stopForwarding: () => void;

	constructor(canvas: HTMLCanvasElement, events: WorkerChartEvents) {
		this.#canvas = canvas;
		this.#offscreen = canvas.transferControlToOffscreen();
		charts.set(this.#id, events);
		this.#stopForwarding = this.#forwardEvents();
	}

	/** Draws the chart the first time, redraws it after: the worker keeps one Chart.js instance. */
	draw(input: BarChartInput, theme: ChartTheme, size: ChartSize): void {
		const offscreen = this.#offscreen;
		if (offscreen) {
			this.#offscreen = null;
			this.#size = size;
			post({ type: 'create', id: this.#id, canvas: offscreen, ...size, input, theme }, [offscreen]);
			return;
		}
		post({ type: 'update', id: this.#id, input, theme });
		this.resize(size);
	}

	resize(size: ChartSize): void {
		const last = this.#size;
		if (!last) return;
		if (
			last.width === size.width &&
			last.height === size.height &&
			last.pixelRatio === size.pixelRatio
		)
			return;
		this.#size = size;
		post({ type: 'resize', id: this.#id, ...size });
	}

	/** The chart as drawn, or null when it has not been drawn or the worker cannot say. */
	image(): Promise<ImageBitmap | null> {
		if (!this.#size) return Promise.resolve(null);
		const request = nextRequest++;
		return new Promise((resolve) => {
			images.set(request, resolve);
			post({ type: 'image', id: this.#id, request });
		});
	}

	destroy(): void {
		this.#stopForwarding();
		charts.delete(this.#id);
		if (this.#size) post({ type: 'destroy', id: this.#id });
	}

	#send(event: ForwardedEventType, pointer: MouseEvent): void {
		post({
			type: 'event',
			id: this.#id,
			event,
			x: pointer.offsetX,
			y: pointer.offsetY,
			pointerType: (pointer as PointerEvent).pointerType ?? 'mouse'
		});
	}

	/** Chart.js's events, from the canvas on the page to the chart in the worker. */
	#forwardEvents(): () => void {
		const canvas = this.#canvas;
		let frame = 0;
		// As Chart.js does on a page: at most one move per frame, the latest.
		const move = (event: PointerEvent) => {
			this.#pendingMove = event;
			frame ||= requestAnimationFrame(() => {
				frame = 0;
				if (this.#pendingMove) this.#send('mousemove', this.#pendingMove);
				this.#pendingMove = null;
			});
		};
		const leave = (event: PointerEvent) => {
			this.#pendingMove = null;
			this.#send('mouseout', event);
		};
		const click = (event: MouseEvent) => this.#send('click', event);
		canvas.addEventListener('pointermove', move);
		canvas.addEventListener('pointerleave', leave);
		canvas.addEventListener('click', click);
		return () => {
			cancelAnimationFrame(frame);
			canvas.removeEventListener('pointermove', move);
			canvas.removeEventListener('pointerleave', leave);
			canvas.removeEventListener('click', click);
		};
	}
}
