/**
 * Opening IndexedDB can fail (private windows, disabled storage), throw (no `indexedDB` at all)
 * or hang (a blocked upgrade, a wedged profile). Callers get an answer within `ms` either way and
 * carry on in memory.
 */
export class StorageUnavailable extends Error {
	constructor(
		readonly reason: 'missing' | 'failed' | 'timeout' | 'blocked',
		detail = ''
	) {
		super(`IndexedDB ${reason}${detail ? `: ${detail}` : ''}`);
		this.name = 'StorageUnavailable';
	}
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new StorageUnavailable('timeout', `no answer in ${ms} ms`)),
			ms
		);
		promise.then(
			(value) => {
				clearTimeout(timer);
				resolve(value);
			},
			(error: unknown) => {
				clearTimeout(timer);
				reject(
					error instanceof StorageUnavailable
						? error
						: new StorageUnavailable('failed', String((error as Error)?.message ?? error))
				);
			}
		);
	});
}

export function hasIndexedDb(): boolean {
	try {
		return typeof indexedDB !== 'undefined' && indexedDB !== null;
	} catch {
		return false;
	}
}

/** Whether an error means the disk or the quota is full. */
export function isQuotaError(error: unknown): boolean {
	const name = (error as { name?: string })?.name ?? '';
	const message = String((error as { message?: string })?.message ?? '');
	return name === 'QuotaExceededError' || /quota/iu.test(message);
}
