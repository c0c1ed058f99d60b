/**
 * Chart.js with only what the indicator charts draw: bars on category, linear and log axes, and
 * tooltips. Imported dynamically, so neither Chart.js nor this module is in any page's first load.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	LinearScale,
	LogarithmicScale,
	Tooltip
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LogarithmicScale, Tooltip);

export { Chart };
