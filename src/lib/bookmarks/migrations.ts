/**
 * Versions of the bookmark record, as stored and as exported, and the pure steps between them.
 *
 * v1 is the first released version. A later version adds one step here (`from` → `from + 1`)
 * and keeps every earlier one, so a database or an export file written by any released version
 * still opens: steps run in order from the version the record was written in.
 */

/** The record shape written by this version of the app (stored and exported). */
export const RECORD_VERSION = 1;

/** Every record version that has been released, oldest first: each must migrate to the current. */
export const RELEASED_RECORD_VERSIONS: readonly number[] = [1];

type Step = (record: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** `steps[n]` turns a version-n record into a version-(n + 1) record. */
const steps: Readonly<Record<number, Step>> = {};

export class UnknownVersion extends Error {
	constructor(readonly version: number) {
		super(`bookmark record version ${version} is not known to this version of Nianjian`);
		this.name = 'UnknownVersion';
	}
}

/**
 * Brings a record written at `from` to RECORD_VERSION. The result still needs validating: a
 * step only reshapes what it is given.
 */
export function migrateRecord(
	record: Readonly<Record<string, unknown>>,
	from: number
): Record<string, unknown> {
	if (!Number.isInteger(from) || from < 1 || from > RECORD_VERSION) throw new UnknownVersion(from);
	let current: Record<string, unknown> = { ...record };
	for (let v = from; v < RECORD_VERSION; v++) {
		const step = steps[v];
		if (!step) throw new UnknownVersion(v);
		current = step(current);
	}
	return current;
}
