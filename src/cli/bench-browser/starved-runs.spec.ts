import { describe, expect, it } from 'vitest';
import { countedRuns, isStarved, referenceIndex } from './starved-runs';

const run = (benchmarkIndex?: number) => ({ benchmarkIndex });

describe('starved Lighthouse runs', () => {
	it('judges a run against half the median index of all runs', () => {
		const runs = [1111, 1063, 1099, 1281, 169.5, 545, 274.5].map(run);
		const reference = referenceIndex(runs);
		expect(reference).toBe(1063);
		expect(runs.filter((r) => isStarved(r, reference)).map((r) => r.benchmarkIndex)).toEqual([
			169.5, 274.5
		]);
	});

	it('leaves the starved runs out when enough remain', () => {
		const runs = [169.5, 936, 545, 274.5, 1125.5, 1090, 1010].map(run);
		const { counted, starved, allCounted } = countedRuns(runs, 1100);
		expect(starved.map((r) => r.benchmarkIndex)).toEqual([169.5, 545, 274.5]);
		expect(counted.map((r) => r.benchmarkIndex)).toEqual([936, 1125.5, 1090, 1010]);
		expect(allCounted).toBe(false);
	});

	it('counts every run when fewer than three would remain', () => {
		const runs = [169.5, 936, 274.5, 1125.5].map(run);
		const { counted, starved, allCounted } = countedRuns(runs, 1100);
		expect(counted).toHaveLength(4);
		expect(starved).toHaveLength(2);
		expect(allCounted).toBe(true);
	});

	it('leaves nothing out on a machine that is slow throughout', () => {
		const runs = [300, 280, 310, 290, 305].map(run);
		expect(countedRuns(runs, referenceIndex(runs)).starved).toEqual([]);
	});

	it('never calls a run without an index starved', () => {
		expect(isStarved(run(undefined), 1000)).toBe(false);
		expect(isStarved(run(100), NaN)).toBe(false);
	});
});
