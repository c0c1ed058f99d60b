/**
 * The committed JSON layout: readable top level, one passage (or outline entry, or indicator) per
 * line, so a change to a repair shows up in review as the lines it touched.
 */

/**
 * Formats `value` with the arrays named in `lineArrays` printed one element per line, containers
 * above `depth` levels broken over lines, and everything deeper compact.
 */
export function formatJson(value: unknown, lineArrays: readonly string[], maxDepth = 3): string {
	return render(value, '', lineArrays, 0, maxDepth) + '\n';
}

function render(
	value: unknown,
	key: string,
	lineArrays: readonly string[],
	depth: number,
	maxDepth: number
): string {
	const indent = '\t'.repeat(depth);
	if (Array.isArray(value) && lineArrays.includes(key)) {
		if (value.length === 0) return '[]';
		return (
			'[\n' +
			value.map((v) => indent + '\t' + JSON.stringify(v)).join(',\n') +
			'\n' +
			indent +
			']'
		);
	}
	if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < maxDepth) {
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		if (entries.length === 0) return '{}';
		return (
			'{\n' +
			entries
				.map(
					([k, v]) => indent + '\t' + JSON.stringify(k) + ': ' + render(v, k, lineArrays, depth + 1, maxDepth)
				)
				.join(',\n') +
			'\n' +
			indent +
			'}'
		);
	}
	if (Array.isArray(value) && depth < maxDepth) {
		if (value.length === 0) return '[]';
		return (
			'[\n' +
			value.map((v) => indent + '\t' + render(v, '', lineArrays, depth + 1, maxDepth)).join(',\n') +
			'\n' +
			indent +
			']'
		);
	}
	return JSON.stringify(value);
}
