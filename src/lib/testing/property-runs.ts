/**
 * How many runs each fast-check property gets: 10 000 in CI and in `npm test` (a fixed seed makes
 * them reproducible), fewer when a developer sets PROPERTY_RUNS for a quick loop.
 */
export function propertyRuns(): number {
	const fromEnv = Number(globalThis.process?.env?.PROPERTY_RUNS);
	return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10_000;
}
