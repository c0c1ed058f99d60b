/**
 * The benchmark's scale corpus: real Chinese text written by nobody here, the `chinese-poetry` npm
 * package (Traditional script), pinned so every run measures the same characters.
 *
 * The package is ~350 MB unpacked, so it is never a dependency: `npm pack` fetches the tarball
 * into a cache once and `tar` extracts only the poem files a run needs. Poems are taken in file
 * order from the Complete Tang Poems (全唐詩, 3.67M characters in all), then from the Complete
 * Song Poems (全宋詩) once the Tang ones run out, up to the requested number of characters.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildCorpus, metaFileName, type SourceFile } from '../../lib/corpus/build-corpus';
import type { Corpus, SourceMeta } from '../../lib/corpus/types';
import { PROJECT_ROOT } from '../corpus-files';

export const POETRY_PACKAGE = 'chinese-poetry';
export const POETRY_VERSION = '2.0.1';
export const BENCH_CACHE = path.join(PROJECT_ROOT, 'node_modules/.cache/nianjian-bench');
export const POETRY_CACHE = path.join(BENCH_CACHE, `${POETRY_PACKAGE}-${POETRY_VERSION}`);

const TARBALL = `${POETRY_PACKAGE}-${POETRY_VERSION}.tgz`;
const MANIFEST = 'manifest.json';
/**
 * A poem file holds 1000 poems, ~63 000 characters in the Tang files and ~50 000 in the Song ones:
 * the guess of how many files to extract errs towards a second pass rather than spare files.
 */
const CHARS_PER_FILE_ESTIMATE = 60_000;

const COLLECTIONS = [
	{ key: 'tang', title: '全唐詩' },
	{ key: 'song', title: '全宋詩' }
] as const;
type Collection = (typeof COLLECTIONS)[number]['key'];

interface PoemFile {
	/** Path inside the tarball, e.g. `package/dist/quantangshi/poet.tang.0.json`. */
	member: string;
	collection: Collection;
	/** Index of the file's first poem in its collection (the number in the file name). */
	start: number;
}

interface Manifest {
	package: string;
	version: string;
	integrity: string;
	size: number;
	files: PoemFile[];
}

export interface PoetrySources {
	files: SourceFile[];
	poems: number;
	/** Characters of poem text (UTF-16 code units), the quantity the sizes are cut to. */
	chars: number;
	/** The tarball members the text came from, in order. */
	members: string[];
	integrity: string;
}

export interface PoetryOptions {
	/** Progress messages; silent when absent. */
	log?: (message: string) => void;
}

/**
 * Source files holding about `chars` characters of poems: one file per poem file of the package,
 * one poem per line, cut at the last whole poem that fits.
 */
export function poetrySources(chars: number, options: PoetryOptions = {}): PoetrySources {
	if (!Number.isFinite(chars) || chars <= 0) throw new Error(`--chars must be positive: ${chars}`);
	const log = options.log ?? (() => {});
	const manifest = ensureTarball(log);
	const files: SourceFile[] = [];
	const members: string[] = [];
	let total = 0;
	let poems = 0;
	let full = false;
	for (let k = 0; k < manifest.files.length && !full; k++) {
		const entry = manifest.files[k]!;
		const onDisk = path.join(POETRY_CACHE, entry.member);
		if (!fs.existsSync(onDisk)) {
			// Extracting from the 85 MB tarball costs ~2 s per pass, whatever the number of files, so
			// take enough for the rest of the request at once.
			const count = Math.max(1, Math.ceil((chars - total) / CHARS_PER_FILE_ESTIMATE));
			const batch = manifest.files
				.slice(k, k + count)
				.map((f) => f.member)
				.filter((m) => !fs.existsSync(path.join(POETRY_CACHE, m)));
			log(`extracting ${batch.length} poem files from ${TARBALL}`);
			execFileSync('tar', ['-xzf', path.join(POETRY_CACHE, TARBALL), '-C', POETRY_CACHE, ...batch]);
		}
		const lines: string[] = [];
		let first = -1;
		let last = -1;
		for (const [i, text] of readPoems(onDisk).entries()) {
			if (text.length === 0) continue;
			if (total + text.length > chars) {
				full = true;
				break;
			}
			lines.push(text);
			total += text.length;
			if (first < 0) first = i;
			last = i;
		}
		if (lines.length === 0) continue;
		poems += lines.length;
		members.push(entry.member);
		files.push(sourceFile(files.length, entry, first, last, lines));
	}
	if (!full) {
		throw new Error(`${POETRY_PACKAGE} ${POETRY_VERSION} holds only ${total} characters of poems`);
	}
	return { files, poems, chars: total, members, integrity: manifest.integrity };
}

/** The poetry sources, through the app's own corpus build. */
export function poetryCorpus(
	chars: number,
	options: PoetryOptions = {}
): {
	corpus: Corpus;
	sources: PoetrySources;
} {
	const sources = poetrySources(chars, options);
	return { corpus: buildCorpus(sources.files), sources };
}

/** Writes the sources as `npm run corpus -- --sources DIR` reads them: `.txt` and `.meta.json`. */
export function writePoetrySources(dir: string, sources: PoetrySources): string[] {
	fs.mkdirSync(dir, { recursive: true });
	const written: string[] = [];
	for (const f of sources.files) {
		fs.writeFileSync(path.join(dir, f.name), f.bytes);
		fs.writeFileSync(
			path.join(dir, metaFileName(f.name)),
			JSON.stringify(f.meta, null, '\t') + '\n'
		);
		written.push(f.name);
	}
	return written;
}

function sourceFile(
	sequence: number,
	entry: PoemFile,
	first: number,
	last: number,
	lines: string[]
): SourceFile {
	// The sequence number first: the corpus build orders documents by file name.
	const name = `${String(sequence).padStart(3, '0')}_${entry.collection}_${String(entry.start).padStart(6, '0')}.txt`;
	const collection = COLLECTIONS.find((c) => c.key === entry.collection)!;
	const meta: SourceMeta = {
		title: `${collection.title} ${entry.start + first + 1}–${entry.start + last + 1}`,
		script: 'Traditional',
		kind: 'other',
		note: `${POETRY_PACKAGE} ${POETRY_VERSION}, ${entry.member.replace(/^package\//u, '')}, one poem per line`
	};
	return { name, bytes: new TextEncoder().encode(lines.join('\n') + '\n'), meta };
}

/** Each poem's lines joined into one line of text. */
function readPoems(file: string): string[] {
	const poems = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
	if (!Array.isArray(poems)) throw new Error(`${file}: not a list of poems`);
	return poems.map((poem: { paragraphs?: unknown }) => {
		const lines = Array.isArray(poem?.paragraphs) ? poem.paragraphs : [];
		// A stray line break inside a poem line would split it into two passages.
		return lines
			.filter((l): l is string => typeof l === 'string')
			.join('')
			.replace(/[\r\n]+/gu, '')
			.trim();
	});
}

/** Fetches the tarball once (with npm's own integrity check) and lists its poem files. */
function ensureTarball(log: (message: string) => void): Manifest {
	const manifestPath = path.join(POETRY_CACHE, MANIFEST);
	const tarball = path.join(POETRY_CACHE, TARBALL);
	if (fs.existsSync(manifestPath) && fs.existsSync(tarball)) {
		const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
		if (manifest.version === POETRY_VERSION && fs.statSync(tarball).size === manifest.size) {
			return manifest;
		}
	}
	fs.mkdirSync(POETRY_CACHE, { recursive: true });
	log(`fetching ${POETRY_PACKAGE}@${POETRY_VERSION} (85 MB) with npm pack into ${POETRY_CACHE}`);
	const out = execFileSync(
		'npm',
		['pack', `${POETRY_PACKAGE}@${POETRY_VERSION}`, '--pack-destination', POETRY_CACHE, '--json'],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 }
	);
	const packed = (JSON.parse(out) as NpmPackResult[])[0];
	if (!packed || packed.version !== POETRY_VERSION) {
		throw new Error(`npm pack did not return ${POETRY_PACKAGE}@${POETRY_VERSION}`);
	}
	const files: PoemFile[] = [];
	for (const { key } of COLLECTIONS) {
		const pattern = new RegExp(`^dist/quantangshi/poet\\.${key}\\.(\\d+)\\.json$`, 'u');
		const found: PoemFile[] = [];
		for (const f of packed.files) {
			const m = pattern.exec(f.path);
			if (m) found.push({ member: `package/${f.path}`, collection: key, start: Number(m[1]) });
		}
		files.push(...found.sort((a, b) => a.start - b.start));
	}
	const manifest: Manifest = {
		package: POETRY_PACKAGE,
		version: POETRY_VERSION,
		integrity: packed.integrity,
		size: fs.statSync(tarball).size,
		files
	};
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, '\t') + '\n');
	return manifest;
}

interface NpmPackResult {
	version: string;
	integrity: string;
	files: { path: string }[];
}
