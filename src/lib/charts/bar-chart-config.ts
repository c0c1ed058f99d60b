/**
 * A panel as a Chart.js bar chart: the configuration, its two plugins and the sizes, shared by the
 * chart drawn in the chart worker and the one drawn on the page where a browser cannot hand a
 * canvas to a worker. Only data goes in (no callbacks into the page's translations), so the same
 * input can be posted to a worker; what the chart reports back goes out through `ChartHooks`.
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
import type { AdminLevel } from '../corpus/indicators/indicator';
import type { Locale } from '../i18n/locale';
import type { ChartPoint, Panel } from './series/panels';
import { formatAxisNumber, textWidth, wrapText } from './series/text';
import { BAR, categoryLines, FONT_SIZE } from './chart-size';
import { hatch } from './hatch';
import type { ChartTheme } from './theme.svelte';

/** What the chart says in the reader's language, worked out on the page. */
export interface BarChartWords {
	/** Dataset labels: the level's name. */
	levels: Partial<Record<AdminLevel, string>>;
	/** The value axis title: the unit, and whether it is logarithmic. */
	axis: string;
	/** The tooltip's last line: a click opens the passage. */
	open: string;
	/** By indicator id: the figure with its level (`市级：90%以上`), its hedge, its document. */
	points: Record<string, { figure: string; bound: string | null; document: string }>;
}

export interface BarChartInput {
	panel: Panel;
	locale: Locale;
	words: BarChartWords;
}

/** Where a bar is drawn, in CSS pixels: lets a test click a bar it knows, as a reader would. */
export interface PointPosition {
	id: string;
	x: number;
	y: number;
}

/** What a chart tells the page. */
export interface ChartHooks {
	/** Whether the pointer is over a bar (the cursor shows it can be clicked). */
	hover(overBar: boolean): void;
	/** A bar was chosen: the page opens its passage. */
	open(point: ChartPoint): void;
	/** Where the bars are, after every layout. */
	positions(points: PointPosition[]): void;
}

/** What the callbacks, made once per chart, read at the time they run. */
export interface LiveChart {
	input: BarChartInput;
	theme: ChartTheme;
	hooks: ChartHooks;
	/** The bar a finger last tapped. */
	tapped: string | null;
}

export type BarChartConfiguration = ChartConfiguration<'bar', (number | null)[], string>;
export type BarChart = Chart<'bar', (number | null)[], string>;

/** Redraws a chart in place with a new configuration (no animation, no new instance). */
export function redraw(chart: BarChart, config: BarChartConfiguration): void {
	chart.data = config.data;
	chart.options = config.options!;
	chart.update('none');
}

/** Tooltip line width in ems: 24, or less when the chart is narrower than the tooltip would be. */
function tooltipEms(width: number): number {
	return Math.max(10, Math.min(24, Math.floor((width - 48) / FONT_SIZE)));
}

function levelColor(theme: ChartTheme, level: AdminLevel | null): string {
	return theme.levels[level ?? 'none'];
}

function pointAt(panel: Panel, dataset: number, index: number): ChartPoint | null {
	return panel.datasets[dataset]?.points[index] ?? null;
}

export function configure(live: LiveChart): BarChartConfiguration {
	const { panel, locale, words } = live.input;
	const theme = live.theme;
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
				label: d.level ? (words.levels[d.level] ?? '') : '',
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
					title: { display: true, text: words.axis, color: theme.muted, font }
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
							return categoryLines(live.input.panel, index, this.chart.width);
						}
					}
				}
			},
			onHover: (_event: ChartEvent, elements: ActiveElement[]) => {
				live.hooks.hover(elements.length > 0);
			},
			onClick: (event: ChartEvent, elements: ActiveElement[]) => {
				const hit = elements[0];
				const point = hit && pointAt(live.input.panel, hit.datasetIndex, hit.index);
				if (!point) return;
				// A finger has no hover: the first tap on a bar shows its tooltip, the second opens it.
				const touch = (event.native as { pointerType?: string } | null)?.pointerType === 'touch';
				if (touch && live.tapped !== point.indicator.id) {
					live.tapped = point.indicator.id;
					return;
				}
				live.hooks.open(point);
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
							return point ? (words.points[point.indicator.id]?.figure ?? point.written) : '';
						},
						afterLabel: (item: TooltipItem<'bar'>) => {
							const point = pointAt(panel, item.datasetIndex, item.dataIndex);
							if (!point) return '';
							const said = words.points[point.indicator.id];
							const ems = tooltipEms(item.chart.width);
							return [
								...(said?.bound ? [said.bound] : []),
								...wrapText(`「${point.excerpt}」`, ems, 6),
								...wrapText(`— ${said?.document ?? point.indicator.docId}`, ems, 2)
							];
						},
						footer: () => words.open
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
function valueLabels(live: LiveChart): Plugin<'bar'> {
	return {
		id: 'nianjianValueLabels',
		afterDatasetsDraw(chart) {
			const panel = live.input.panel;
			const ctx = chart.ctx;
			ctx.save();
			ctx.font = `${FONT_SIZE}px ${live.theme.font}`;
			ctx.fillStyle = live.theme.text;
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

function pointPositions(live: LiveChart): Plugin<'bar'> {
	return {
		id: 'nianjianPointPositions',
		afterUpdate(chart) {
			const panel = live.input.panel;
			const points: PointPosition[] = [];
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
			live.hooks.positions(points);
		}
	};
}
