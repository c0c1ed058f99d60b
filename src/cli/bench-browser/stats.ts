/** Numbers as the browser benchmark reports them. */
export { median, percentile } from '../bench/stats';

export function ms(value: number): string {
	if (!Number.isFinite(value)) return '–';
	return value >= 10_000
		? `${(value / 1000).toFixed(1)} s`
		: `${value.toFixed(value < 100 ? 1 : 0)} ms`;
}

export function kib(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
	return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function count(n: number): string {
	return n.toLocaleString('en-US');
}

export function max(values: readonly number[]): number {
	return values.length === 0 ? 0 : Math.max(...values);
}
