/**
 * Draws the indicator charts off the main thread: Chart.js building a chart with many wrapped
 * Chinese labels took one ~130 ms task on the page (four times that on a phone), the longest the
 * indicators page had. The page hands each canvas over and forwards the pointer events Chart.js
 * needs; everything Chart.js does happens here.
 */
/// <reference lib="webworker" />
import { BasicPlatform, type Chart, type ChartEvent } from 'chart.js';
import { configure, redraw, type BarChart, type LiveChart } from './bar-chart-config';
import type { ChartReply, ChartRequest } from './chart-protocol';
import { Chart as ChartJs } from './chart-js';

declare const self: DedicatedWorkerGlobalScope;

type Listener = (event: ChartEvent) => void;

/** Chart.js's listeners, by chart and event type, for the events the page forwards. */
const listeners = new WeakMap<Chart, Map<string, Listener>>();

/** A canvas without a DOM: no resize observer, and events arrive as messages. */
class ForwardedEventsPlatform extends BasicPlatform {
	override addEventListener(chart: Chart, type: string, listener: Listener): void {
		let byType = listeners.get(chart);
		if (!byType) listeners.set(chart, (byType = new Map()));
		byType.set(type, listener);
	}
	override removeEventListener(chart: Chart, type: string): void {
		listeners.get(chart)?.delete(type);
	}
}

interface Drawn {
	chart: BarChart;
	live: LiveChart;
	pixelRatio: number;
}

const charts = new Map<number, Drawn>();

function reply(message: ChartReply, transfer: Transferable[] = []): void {
	self.postMessage(message, transfer);
}

function reportInstances(): void {
	reply({ type: 'instances', count: Object.keys(ChartJs.instances).length });
}

function configured(drawn: Pick<Drawn, 'live' | 'pixelRatio'>) {
	const config = configure(drawn.live);
	config.platform = ForwardedEventsPlatform;
	// Sized by the page's messages only: a "responsive" chart without a DOM reads its size back
	// from the canvas, already scaled by the pixel ratio, and doubled itself on a phone.
	config.options!.responsive = false;
	config.options!.devicePixelRatio = drawn.pixelRatio;
	return config;
}

function hooks(id: number): LiveChart['hooks'] {
	let overBar = false;
	return {
		hover(now) {
			if (now === overBar) return;
			overBar = now;
			reply({ type: 'hover', id, overBar });
		},
		open(point) {
			reply({ type: 'open', id, indicatorId: point.indicator.id });
		},
		positions(points) {
			reply({ type: 'positions', id, points });
		}
	};
}

async function handle(request: ChartRequest): Promise<void> {
	switch (request.type) {
		case 'create': {
			const live: LiveChart = {
				input: request.input,
				theme: request.theme,
				hooks: hooks(request.id),
				tapped: null
			};
			// Chart.js sizes a chart with no DOM from its canvas: CSS pixels first, then it scales.
			request.canvas.width = request.width;
			request.canvas.height = request.height;
			const drawn = { live, pixelRatio: request.pixelRatio };
			// Chart.js draws on an OffscreenCanvas (it picks its DOM-free platform for one), though its
			// types name only the DOM's canvas.
			const canvas = request.canvas as unknown as HTMLCanvasElement;
			const chart = new ChartJs(canvas, configured(drawn)) as Drawn['chart'];
			charts.set(request.id, { ...drawn, chart });
			reportInstances();
			return;
		}
		case 'update': {
			const drawn = charts.get(request.id);
			if (!drawn) return;
			drawn.live.input = request.input;
			drawn.live.theme = request.theme;
			redraw(drawn.chart, configured(drawn));
			return;
		}
		case 'resize': {
			const drawn = charts.get(request.id);
			if (!drawn) return;
			if (drawn.pixelRatio !== request.pixelRatio) {
				drawn.pixelRatio = request.pixelRatio;
				drawn.chart.options.devicePixelRatio = request.pixelRatio;
			}
			drawn.chart.resize(request.width, request.height);
			return;
		}
		case 'event': {
			const drawn = charts.get(request.id);
			const listener = drawn && listeners.get(drawn.chart)?.get(request.event);
			if (!drawn || !listener) return;
			// What Chart.js's DOM platform gives its handlers; `native` is what onClick reads.
			listener({
				type: request.event,
				native: { type: request.event, pointerType: request.pointerType } as unknown as Event,
				x: request.x,
				y: request.y
			});
			return;
		}
		case 'image': {
			const drawn = charts.get(request.id);
			const image = drawn ? await createImageBitmap(drawn.chart.canvas) : null;
			reply({ type: 'image', request: request.request, image }, image ? [image] : []);
			return;
		}
		case 'destroy': {
			charts.get(request.id)?.chart.destroy();
			charts.delete(request.id);
			reportInstances();
			return;
		}
	}
}

self.onmessage = (message: MessageEvent<ChartRequest>) => {
	const request = message.data;
	handle(request).catch((error: unknown) => {
		reply({
			type: 'failed',
			id: request.id,
			message: error instanceof Error ? error.message : String(error)
		});
	});
};
