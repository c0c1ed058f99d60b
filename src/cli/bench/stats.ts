/** Small numeric helpers for the benchmark. */
import zlib from 'node:zlib';

/** gzip level 9, as a host would precompress a static asset; stated in every report. */
export const GZIP_LEVEL = 9;

export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (`p` in 0–100): always one of the measured values. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function gzipBytes(text: string): number {
	return zlib.gzipSync(Buffer.from(text, 'utf8'), { level: GZIP_LEVEL }).length;
}

export function utf8Bytes(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/** Calls the collector a few times: one pass can leave garbage that the next one frees. */
export function fullGc(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('run with node --expose-gc');
	for (let i = 0; i < 3; i++) gc();
}
