/** The budgets, in one place for the table and the exit code. */
export { FIRST_VISIT_BUDGET_BYTES } from './first-visit';

/** No main-thread task longer than this while the index is built or loaded. */
export const LONG_TASK_MS = 50;
/** Warm index readiness at most this fraction of cold (at least 2× shorter). */
export const WARM_RATIO = 0.5;
/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60;
export const LIGHTHOUSE_BUDGET = {
	performance: 95,
	accessibility: 100,
	'best-practices': 100
} as const;
