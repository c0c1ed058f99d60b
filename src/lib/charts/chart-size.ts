/**
 * How big a bar chart is: its height from the number of bars and how far their labels wrap. The
 * page sets the box's height from this before any chart is drawn, so nothing below it moves then.
 */
import type { Panel } from './series/panels';
import { wrapText } from './series/text';

export const FONT_SIZE = 12;
const LINE_HEIGHT = 16;
export const BAR = 18;

/** Label width in ems for a chart this wide: about a third of it, within reason. */
function labelEms(width: number): number {
	return Math.max(5, Math.min(18, Math.floor((width * 0.3) / FONT_SIZE)));
}

export function categoryLines(panel: Panel, index: number, width: number): string[] {
	const category = panel.categories[index];
	if (!category) return [];
	const ems = labelEms(width);
	const title = wrapText(category.title, ems, 3);
	return category.context ? [...title, ...wrapText(category.context, ems, 1)] : title;
}

/** The chart's height in CSS pixels at this width: room for every bar and its wrapped label. */
export function chartHeight(panel: Panel, width: number): number {
	const bars = Math.max(1, panel.datasets.filter((d) => d.points.some(Boolean)).length);
	let band = 0;
	panel.categories.forEach((_, n) => {
		const lines = categoryLines(panel, n, width || 600).length;
		band = Math.max(band, lines * LINE_HEIGHT + 14, bars * BAR + 12);
	});
	return Math.round(panel.categories.length * band + 64);
}
