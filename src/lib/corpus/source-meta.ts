import type { Script, SourceMeta } from './types';

const SCRIPTS: readonly Script[] = ['Simplified', 'Traditional'];
const KINDS: readonly SourceMeta['kind'][] = ['news', 'yearbook-chapter', 'report', 'other'];
const OPTIONAL_STRINGS = [
	'dateline',
	'author',
	'authorRole',
	'issuer',
	'about',
	'container',
	'part',
	'note'
] as const;

/**
 * Checks a hand-written metadata file. Returns the metadata or the list of problems, each naming
 * the field, so the build can stop with a message the editor can act on.
 */
export function parseSourceMeta(value: unknown): { meta: SourceMeta } | { problems: string[] } {
	const problems: string[] = [];
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { problems: ['the metadata must be a JSON object'] };
	}
	const v = value as Record<string, unknown>;
	const known = new Set<string>([
		'title',
		'titleSupplied',
		'script',
		'kind',
		'year',
		'runInHeadings',
		'flattenedPunctuation',
		...OPTIONAL_STRINGS
	]);
	for (const key of Object.keys(v)) {
		if (!known.has(key)) problems.push(`unknown field "${key}"`);
	}
	if (typeof v.title !== 'string' || v.title.trim() === '') problems.push('"title" must be a non-empty string');
	if (!SCRIPTS.includes(v.script as Script)) problems.push(`"script" must be one of ${SCRIPTS.join(', ')}`);
	if (!KINDS.includes(v.kind as SourceMeta['kind'])) problems.push(`"kind" must be one of ${KINDS.join(', ')}`);
	if (v.year !== undefined && !(Number.isInteger(v.year) && (v.year as number) > 1900 && (v.year as number) < 2200)) {
		problems.push('"year" must be a whole year such as 2013');
	}
	for (const key of OPTIONAL_STRINGS) {
		if (v[key] !== undefined && typeof v[key] !== 'string') problems.push(`"${key}" must be a string`);
	}
	if (v.titleSupplied !== undefined && typeof v.titleSupplied !== 'boolean') problems.push('"titleSupplied" must be true or false');
	if (v.flattenedPunctuation !== undefined && typeof v.flattenedPunctuation !== 'boolean') {
		problems.push('"flattenedPunctuation" must be true or false');
	}
	if (
		v.runInHeadings !== undefined &&
		!(Array.isArray(v.runInHeadings) && v.runInHeadings.every((h) => typeof h === 'string' && h.length > 0))
	) {
		problems.push('"runInHeadings" must be a list of non-empty strings');
	}
	if (problems.length > 0) return { problems };
	const meta: SourceMeta = {
		title: (v.title as string).trim(),
		script: v.script as Script,
		kind: v.kind as SourceMeta['kind']
	};
	if (v.titleSupplied !== undefined) meta.titleSupplied = v.titleSupplied as boolean;
	if (v.year !== undefined) meta.year = v.year as number;
	for (const key of OPTIONAL_STRINGS) if (typeof v[key] === 'string') meta[key] = v[key] as string;
	if (v.runInHeadings !== undefined) meta.runInHeadings = v.runInHeadings as string[];
	if (v.flattenedPunctuation !== undefined) meta.flattenedPunctuation = v.flattenedPunctuation as boolean;
	return { meta };
}
