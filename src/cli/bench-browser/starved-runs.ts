/**
 * Which Lighthouse runs count. Lighthouse measures the CPU at the start of every run (its
 * benchmark index). On this shared virtual machine that index sometimes falls to a fifth of its
 * usual value for a run or two while a neighbour takes the cores; such a run scores the
 * neighbour, not the page. A run whose index is below half the median index of the whole
 * benchmark is shown, repeated, and left out of the page's median. A machine that is slow
 * throughout has a low median index, so nothing is left out and its scores stand.
 */
import { median } from './stats';

/** A run is starved when its benchmark index is below this share of the reference index. */
export const STARVED_BELOW = 0.5;
/** Fewer runs left than this, and every run counts again: a median of one or two is no better. */
export const MIN_COUNTED = 3;

export interface IndexedRun {
	benchmarkIndex?: number;
}

/** The index the runs are judged against: the median of every run's index so far. */
export function referenceIndex(runs: readonly IndexedRun[]): number {
	return median(runs.flatMap((r) => (r.benchmarkIndex === undefined ? [] : [r.benchmarkIndex])));
}

export function isStarved(run: IndexedRun, reference: number): boolean {
	return (
		run.benchmarkIndex !== undefined &&
		Number.isFinite(reference) &&
		run.benchmarkIndex < STARVED_BELOW * reference
	);
}

export interface Counted<T> {
	counted: T[];
	starved: T[];
	/** Too few runs were left without the starved ones, so all of them count. */
	allCounted: boolean;
}

export function countedRuns<T extends IndexedRun>(
	runs: readonly T[],
	reference: number
): Counted<T> {
	const starved = runs.filter((r) => isStarved(r, reference));
	const rest = runs.filter((r) => !isStarved(r, reference));
	return rest.length >= MIN_COUNTED || starved.length === 0
		? { counted: rest, starved, allCounted: false }
		: { counted: [...runs], starved, allCounted: true };
}
