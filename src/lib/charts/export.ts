/**
 * A chart to keep: one PNG with the title, every panel, the legend and the source line, so an
 * image pasted into a paper still says where its numbers come from; and files saved from the page.
 */
import { textWidth } from './series/text';
import type { ChartTheme } from './theme.svelte';

export interface PngPanel {
	heading: string;
	/** The chart as drawn: its canvas, or a picture of it from the chart worker. */
	image: CanvasImageSource;
	/** CSS pixels. */
	width: number;
	height: number;
}

export interface PngLegendItem {
	label: string;
	color: string;
	hatched: boolean;
}

export interface PngFigure {
	title: string;
	description: string;
	panels: PngPanel[];
	legend: PngLegendItem[];
	/** Source line, note and link, each drawn as a paragraph under the charts. */
	footer: string[];
}

const SCALE = 2;
const PAD = 24;

export async function figurePng(figure: PngFigure, theme: ChartTheme): Promise<Blob> {
	const width = Math.max(480, ...figure.panels.map((p) => p.width)) + PAD * 2;
	const font = (size: number, weight = 'normal') => `${weight} ${size}px ${theme.font}`;
	const measure = document.createElement('canvas').getContext('2d')!;

	const wrap = (text: string, size: number, weight?: string): string[] => {
		measure.font = font(size, weight);
		const lines: string[] = [];
		let line = '';
		for (const ch of text) {
			if (measure.measureText(line + ch).width > width - PAD * 2 && line) {
				lines.push(line);
				line = '';
			}
			line += ch;
		}
		if (line) lines.push(line);
		return lines;
	};

	const title = wrap(figure.title, 20, 'bold');
	const description = figure.description ? wrap(figure.description, 13) : [];
	const footer = figure.footer.flatMap((f) => wrap(f, 12));
	const legendRows = legendLayout(figure.legend, width - PAD * 2);
	let height = PAD + title.length * 28 + description.length * 19 + 8;
	for (const p of figure.panels) height += 26 + p.height + 12;
	height += legendRows.length * 22 + 8 + footer.length * 17 + PAD;

	const canvas = document.createElement('canvas');
	canvas.width = Math.round(width * SCALE);
	canvas.height = Math.round(height * SCALE);
	const ctx = canvas.getContext('2d')!;
	ctx.scale(SCALE, SCALE);
	ctx.fillStyle = theme.surface;
	ctx.fillRect(0, 0, width, height);
	ctx.textBaseline = 'top';

	let y = PAD;
	ctx.fillStyle = theme.text;
	ctx.font = font(20, 'bold');
	for (const line of title) {
		ctx.fillText(line, PAD, y);
		y += 28;
	}
	ctx.fillStyle = theme.muted;
	ctx.font = font(13);
	for (const line of description) {
		ctx.fillText(line, PAD, y);
		y += 19;
	}
	y += 8;
	ctx.font = font(12);
	for (const row of legendRows) {
		let x = PAD;
		for (const item of row) {
			drawSwatch(ctx, x, y + 2, item);
			ctx.fillStyle = theme.text;
			ctx.fillText(item.label, x + 18, y + 1);
			x += legendItemWidth(item);
		}
		y += 22;
	}
	y += 8;
	for (const p of figure.panels) {
		ctx.fillStyle = theme.text;
		ctx.font = font(14, 'bold');
		ctx.fillText(p.heading, PAD, y + 4);
		y += 26;
		ctx.drawImage(p.image, PAD, y, p.width, p.height);
		y += p.height + 12;
	}
	ctx.fillStyle = theme.muted;
	ctx.font = font(12);
	for (const line of footer) {
		ctx.fillText(line, PAD, y);
		y += 17;
	}

	return new Promise((resolve, reject) =>
		canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png')
	);
}

function legendItemWidth(item: PngLegendItem): number {
	return 18 + textWidth(item.label) * 12 + 20;
}

function legendLayout(items: PngLegendItem[], width: number): PngLegendItem[][] {
	const rows: PngLegendItem[][] = [];
	let row: PngLegendItem[] = [];
	let used = 0;
	for (const item of items) {
		const w = legendItemWidth(item);
		if (used + w > width && row.length > 0) {
			rows.push(row);
			row = [];
			used = 0;
		}
		row.push(item);
		used += w;
	}
	if (row.length > 0) rows.push(row);
	return rows;
}

function drawSwatch(
	ctx: CanvasRenderingContext2D,
	x: number,
	y: number,
	item: PngLegendItem
): void {
	ctx.save();
	ctx.fillStyle = item.color;
	ctx.strokeStyle = item.color;
	if (item.hatched) {
		ctx.globalAlpha = 0.22;
		ctx.fillRect(x, y, 12, 12);
		ctx.globalAlpha = 1;
		ctx.lineWidth = 1.5;
		ctx.strokeRect(x + 0.75, y + 0.75, 10.5, 10.5);
		ctx.beginPath();
		ctx.moveTo(x, y + 12);
		ctx.lineTo(x + 12, y);
		ctx.moveTo(x, y + 6);
		ctx.lineTo(x + 6, y);
		ctx.moveTo(x + 6, y + 12);
		ctx.lineTo(x + 12, y + 6);
		ctx.stroke();
	} else {
		ctx.fillRect(x, y, 12, 12);
	}
	ctx.restore();
}

/** Saves a file the way a link with `download` does. */
export function download(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// The download has started from the URL; keep it a moment for slow browsers.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
