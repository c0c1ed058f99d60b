/**
 * The page's colours and font as a chart needs them, read from CSS custom properties so a chart
 * looks like the page around it. Reading through `readTheme` inside an effect re-runs it when the
 * system switches between light and dark.
 */
import { MediaQuery } from 'svelte/reactivity';
import type { AdminLevel } from '../corpus/indicators/indicator';

export interface ChartTheme {
	text: string;
	muted: string;
	grid: string;
	surface: string;
	font: string;
	/** Bar colours by level; `none` for figures of no stated level. */
	levels: Record<AdminLevel | 'none', string>;
}

const dark = new MediaQuery('(prefers-color-scheme: dark)', false);

export function readTheme(element: Element): ChartTheme {
	// Read for the dependency: the custom properties below change with it.
	void dark.current;
	const style = getComputedStyle(element);
	const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
	return {
		text: get('--text', '#1d1d1f'),
		muted: get('--muted', '#575760'),
		grid: get('--rule', '#dcd8d0'),
		surface: get('--surface', '#ffffff'),
		font: style.fontFamily || 'sans-serif',
		levels: {
			省: get('--chart-province', '#1f5f99'),
			市: get('--chart-city', '#b85c00'),
			县: get('--chart-county', '#2e7d32'),
			乡: get('--chart-township', '#7b3294'),
			none: get('--chart-none', '#6b6b76')
		}
	};
}
