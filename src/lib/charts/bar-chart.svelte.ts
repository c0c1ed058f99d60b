/**
 * The one place a Chart.js instance lives: `{@attach barChart(() => input)}` on a canvas creates
 * the chart once Chart.js has loaded, updates it in place when the panel, the language or the
 * colour scheme change, and destroys it with the canvas. The canvas's parent is the box Chart.js
 * resizes with; its height follows the number of bars and how far their labels wrap.
 */
import type {
	ActiveElement,
	BarElement,
	Chart,
	ChartConfiguration,
	ChartEvent,
	Plugin,
	Scale,
	TooltipItem
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import type { AdminLevel } from '../corpus/indicators/indicator';
import type { Locale } from '../i18n/locale';
import type { ChartPoint, Panel } from './series/panels';
import { formatAxisNumber, textWidth, wrapText } from './series/text';
import { hatch } from './hatch';
import { levelColor, readTheme, type ChartTheme } from './theme.svelte';

/** What the chart says in the reader's language. */
export interface BarChartText {
	level: (level: AdminLevel | null) => string;
	/** A figure with its level: `市级：90%以上`. */
	levelValue: (level: AdminLevel, written: string) => string;
	/** The value axis title: the unit, and whether it is logarithmic. */
	axis: string;
	/** What a qualified figure's hedge means, for the tooltip; null for an exact one. */
	bound: (point: ChartPoint) => string | null;
	document: (docId: string) => string;
	/** The tooltip's last line: a click opens the passage. */
	open: string;
}

export interface BarChartInput {
	panel: Panel;
	locale: Locale;
	text: BarChartText;
	onpoint: (point: ChartPoint) => void;
}

type BarChart = Chart<'bar', (number | null)[], string>;

/** What the callbacks, made once, read at the time they run. */
interface Live {
	input: BarChartInput | null;
	theme: ChartTheme | null;
	/** The bar a finger last tapped. */
	tapped: string | null;
}
type ChartClass = typeof Chart;

const FONT_SIZE = 12;
const LINE_HEIGHT = 16;
const BAR = 18;

export function barChart(input: () => BarChartInput): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const box = canvas.parentElement!;
		// Chart.js arrives asynchronously; the effect below draws as soon as it is here.
		let ChartJs = $state.raw<ChartClass | null>(null);
		let chart: BarChart | null = null;
		let gone = false;
		// The plugins and callbacks read the latest input through this, so they are made only once.
		const live: Live = { input: null, theme: null, tapped: null };

		// Chart.js is fetched and run only once the page has painted and the browser is idle, and
		// each chart is drawn in a task of its own: none of it lengthens the page's first tasks.
		void afterIdle()
			.then(() => import('./chart-js'))
			.then(async (module) => {
				await afterIdle();
				if (!gone) ChartJs = module.Chart;
			});

		// The box takes the chart's height as soon as its width is known, not when Chart.js
		// arrives, so nothing below it moves then. The width comes from a ResizeObserver, after
		// the browser's own layout: reading clientWidth here forced a layout of the whole page
		// in the middle of hydration.
		let width = $state(0);
		const observer = new ResizeObserver(([entry]) => {
			if (entry) width = entry.contentRect.width;
		});
		observer.observe(box);
		$effect(() => {
			const panel = input().panel;
			if (width > 0) fitHeight(box, panel, width);
		});

		$effect(() => {
			const current = input();
			const ChartJsClass = ChartJs;
			if (!ChartJsClass) return;
			// Only now: reading the computed style earlier made hydration recalculate styles.
			const theme = readTheme(canvas);
			live.input = current;
			live.theme = theme;
			const config = configure(current, theme, live);
			if (chart) {
				chart.data = config.data;
				chart.options = config.options!;
				chart.update('none');
			} else {
				chart = new ChartJsClass(canvas, config) as BarChart;
				countInstances(ChartJsClass);
			}
		});

		return () => {
			gone = true;
			observer.disconnect();
			chart?.destroy();
			chart = null;
			if (ChartJs) countInstances(ChartJs);
		};
	};
}

/** Resolves when the browser has nothing more urgent to do (a timeout where it cannot say). */
function afterIdle(): Promise<void> {
	return new Promise((resolve) => {
		if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 1000 });
		else setTimeout(resolve, 50);
	});
}

/**
 * How many Chart.js instances are alive, on the root element: the browser tests check that
 * switching views, languages and sizes never leaves one behind.
 */
function countInstances(ChartJs: ChartClass): void {
	document.documentElement.dataset.chartInstances = String(Object.keys(ChartJs.instances).length);
}

/** Label width in ems for a chart this wide: about a third of it, within reason. */
function labelEms(width: number): number {
	return Math.max(5, Math.min(18, Math.floor((width * 0.3) / FONT_SIZE)));
}

/** Tooltip line width in ems: 24, or less when the chart is narrower than the tooltip would be. */
function tooltipEms(width: number): number {
	return Math.max(10, Math.min(24, Math.floor((width - 48) / FONT_SIZE)));
}

function categoryLines(panel: Panel, index: number, width: number): string[] {
	const category = panel.categories[index];
	if (!category) return [];
	const ems = labelEms(width);
	const title = wrapText(category.title, ems, 3);
	return category.context ? [...title, ...wrapText(category.context, ems, 1)] : title;
}

/** Sets the box's height (through the CSSOM, which the page's CSP allows) for the bars to breathe. */
function fitHeight(box: HTMLElement, panel: Panel, width: number): void {
	const bars = Math.max(1, panel.datasets.filter((d) => d.points.some(Boolean)).length);
	let band = 0;
	panel.categories.forEach((_, n) => {
		const lines = categoryLines(panel, n, width || 600).length;
		band = Math.max(band, lines * LINE_HEIGHT + 14, bars * BAR + 12);
	});
	const height = `${Math.round(panel.categories.length * band + 64)}px`;
	if (box.style.height !== height) box.style.height = height;
}

function pointAt(panel: Panel | undefined, dataset: number, index: number): ChartPoint | null {
	return panel?.datasets[dataset]?.points[index] ?? null;
}

function configure(
	input: BarChartInput,
	theme: ChartTheme,
	live: Live
): ChartConfiguration<'bar', (number | null)[], string> {
	const { panel, locale, text } = input;
	const font = { family: theme.font, size: FONT_SIZE };
	const widest = Math.max(
		0,
		...panel.datasets.flatMap((d) => d.points.map((p) => (p ? textWidth(p.written) : 0)))
	);
	const max = Math.max(0, ...panel.datasets.flatMap((d) => d.points.map((p) => p?.value ?? 0)));
	const valueAxis = panel.percent
		? {
				type: 'linear' as const,
				min: 0,
				max: max <= 100 ? 100 : undefined,
				ticks: {
					color: theme.muted,
					font,
					maxRotation: 0,
					callback: (v: number | string) => `${v}%`
				}
			}
		: panel.log
			? {
					type: 'logarithmic' as const,
					ticks: {
						color: theme.muted,
						font,
						autoSkip: false,
						maxRotation: 0,
						// Powers of ten only: a log axis with every tick labelled is unreadable.
						callback: (v: number | string) => {
							const n = Number(v);
							return Number.isInteger(Math.log10(n)) ? formatAxisNumber(n, locale) : '';
						}
					}
				}
			: {
					type: 'linear' as const,
					beginAtZero: true,
					ticks: {
						color: theme.muted,
						font,
						precision: 0,
						maxRotation: 0,
						callback: (v: number | string) => formatAxisNumber(Number(v), locale)
					}
				};

	return {
		type: 'bar',
		data: {
			labels: panel.categories.map((c) => c.title),
			datasets: panel.datasets.map((d) => ({
				label: d.level ? text.level(d.level) : '',
				data: d.points.map((p) => (p ? p.value : null)),
				backgroundColor: d.points.map((p) => {
					const color = levelColor(theme, p?.indicator.level ?? d.level);
					return p?.bound ? hatch(color) : color;
				}),
				borderColor: d.points.map((p) => levelColor(theme, p?.indicator.level ?? d.level)),
				borderWidth: d.points.map((p) => (p?.bound ? 1.5 : 0)),
				borderSkipped: false,
				maxBarThickness: BAR,
				categoryPercentage: 0.85,
				barPercentage: 0.9,
				skipNull: true
			}))
		},
		options: {
			indexAxis: 'y',
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			locale,
			font,
			color: theme.text,
			layout: { padding: { right: Math.ceil(widest * FONT_SIZE + 12), top: 4, left: 4 } },
			interaction: { mode: 'nearest', axis: 'y', intersect: false },
			scales: {
				x: {
					...valueAxis,
					grid: { color: theme.grid },
					border: { color: theme.grid },
					title: { display: true, text: text.axis, color: theme.muted, font }
				},
				y: {
					type: 'category',
					grid: { display: false },
					border: { color: theme.grid },
					ticks: {
						color: theme.text,
						font,
						autoSkip: false,
						callback(this: Scale, _value: number | string, index: number) {
							return categoryLines(live.input?.panel ?? panel, index, this.chart.width);
						}
					}
				}
			},
			onResize: (chart) => {
				const current = live.input;
				if (current) fitHeight(chart.canvas.parentElement!, current.panel, chart.width);
			},
			onHover: (event: ChartEvent, elements: ActiveElement[], chart) => {
				chart.canvas.style.cursor = elements.length > 0 ? 'pointer' : 'default';
			},
			onClick: (event: ChartEvent, elements: ActiveElement[]) => {
				const hit = elements[0];
				const current = live.input;
				const point = hit && pointAt(current?.panel, hit.datasetIndex, hit.index);
				if (!point || !current) return;
				// A finger has no hover: the first tap on a bar shows its tooltip, the second opens it.
				const touch = (event.native as PointerEvent | null)?.pointerType === 'touch';
				if (touch && live.tapped !== point.indicator.id) {
					live.tapped = point.indicator.id;
					return;
				}
				current.onpoint(point);
			},
			plugins: {
				tooltip: {
					backgroundColor: theme.surface,
					titleColor: theme.text,
					bodyColor: theme.text,
					footerColor: theme.muted,
					borderColor: theme.grid,
					borderWidth: 1,
					padding: 10,
					boxPadding: 4,
					titleFont: { ...font, size: 13, weight: 'bold' },
					bodyFont: font,
					footerFont: { ...font, size: 11 },
					callbacks: {
						title: (items: TooltipItem<'bar'>[]) => {
							const category = panel.categories[items[0]?.dataIndex ?? -1];
							if (!category) return '';
							const ems = tooltipEms(items[0]!.chart.width);
							return [...wrapText(category.title, ems), category.context].filter(Boolean);
						},
						label: (item: TooltipItem<'bar'>) => {
							const point = pointAt(panel, item.datasetIndex, item.dataIndex);
							if (!point) return '';
							const level = point.indicator.level;
							return level ? text.levelValue(level, point.written) : point.written;
						},
						afterLabel: (item: TooltipItem<'bar'>) => {
							const point = pointAt(panel, item.datasetIndex, item.dataIndex);
							if (!point) return '';
							const bound = text.bound(point);
							const ems = tooltipEms(item.chart.width);
							return [
								...(bound ? [bound] : []),
								...wrapText(`「${point.excerpt}」`, ems, 6),
								...wrapText(`— ${text.document(point.indicator.docId)}`, ems, 2)
							];
						},
						footer: () => text.open
					}
				}
			}
		},
		plugins: [valueLabels(live), pointPositions(live)]
	};
}

/**
 * The figure as written at the end of each bar (`近90%`, `80%以上`): the hedge is part of the
 * number, visible without hovering.
 */
function valueLabels(live: Live): Plugin<'bar'> {
	return {
		id: 'nianjianValueLabels',
		afterDatasetsDraw(chart) {
			const panel = live.input?.panel;
			const theme = live.theme;
			if (!panel || !theme) return;
			const ctx = chart.ctx;
			ctx.save();
			ctx.font = `${FONT_SIZE}px ${theme.font}`;
			ctx.fillStyle = theme.text;
			ctx.textBaseline = 'middle';
			ctx.textAlign = 'left';
			chart.data.datasets.forEach((_, d) => {
				if (!chart.isDatasetVisible(d)) return;
				chart.getDatasetMeta(d).data.forEach((element, n) => {
					const point = pointAt(panel, d, n);
					if (!point) return;
					const { x, y } = (element as BarElement).getProps(['x', 'y'], true);
					ctx.fillText(point.written, (x ?? 0) + 4, y ?? 0);
				});
			});
			ctx.restore();
		}
	};
}

/**
 * Where each bar is, on the canvas as `data-points` (`[{id, x, y}]` in CSS pixels): lets a test
 * click a bar it knows, the way a reader would.
 */
function pointPositions(live: Live): Plugin<'bar'> {
	return {
		id: 'nianjianPointPositions',
		afterUpdate(chart) {
			const panel = live.input?.panel;
			if (!panel) return;
			const points: { id: string; x: number; y: number }[] = [];
			chart.data.datasets.forEach((_, d) => {
				chart.getDatasetMeta(d).data.forEach((element, n) => {
					const point = pointAt(panel, d, n);
					if (!point) return;
					const { x, y, base } = (element as BarElement).getProps(['x', 'y', 'base'], true);
					points.push({
						id: point.indicator.id,
						x: Math.round(((x ?? 0) + (base ?? 0)) / 2),
						y: Math.round(y ?? 0)
					});
				});
			});
			chart.canvas.dataset.points = JSON.stringify(points);
		}
	};
}
