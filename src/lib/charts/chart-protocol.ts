/**
 * Messages between the indicators page and the chart worker. A chart is known by the number the
 * page gave it; its canvas is handed over once, in `create`, and drawn only in the worker after.
 */
import type { BarChartInput, PointPosition } from './bar-chart-config';
import type { ChartTheme } from './theme.svelte';

/** The pointer events Chart.js listens for, as the page forwards them. */
export type ForwardedEventType = 'mousemove' | 'mouseout' | 'click';

export type ChartRequest =
	| {
			type: 'create';
			id: number;
			canvas: OffscreenCanvas;
			/** CSS pixels, and how many device pixels each one has. */
			width: number;
			height: number;
			pixelRatio: number;
			input: BarChartInput;
			theme: ChartTheme;
	  }
	| { type: 'update'; id: number; input: BarChartInput; theme: ChartTheme }
	| { type: 'resize'; id: number; width: number; height: number; pixelRatio: number }
	| {
			type: 'event';
			id: number;
			event: ForwardedEventType;
			x: number;
			y: number;
			pointerType: string;
	  }
	/** The chart as drawn, for the figure's PNG. */
	| { type: 'image'; id: number; request: number }
	| { type: 'destroy'; id: number };

export type ChartReply =
	| { type: 'hover'; id: number; overBar: boolean }
	| { type: 'open'; id: number; indicatorId: string }
	| { type: 'positions'; id: number; points: PointPosition[] }
	/** How many Chart.js instances the worker holds, after each one is made or destroyed. */
	| { type: 'instances'; count: number }
	| { type: 'image'; request: number; image: ImageBitmap | null }
	| { type: 'failed'; id: number; message: string };
