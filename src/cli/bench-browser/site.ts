/**
 * The sites the browser benchmark measures, built apart from everyone else's: SvelteKit's work
 * files in `.svelte-kit-perf`, the output under the system's temporary folder. The scale site
 * goes through the same corpus build as the real one: poetry sources written by the search
 * benchmark's module, `npm run corpus` on them, then the app built on that corpus.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { poetrySources, writePoetrySources } from '../bench/poetry-corpus';
import { PROJECT_ROOT } from '../corpus-files';
import { GZIP_LEVEL } from './first-visit';

/** Where this benchmark's builds go; one folder per site, replaced on every build. */
export const WORK_DIR = path.join(os.tmpdir(), 'nianjian-bench-browser');
const KIT_OUT_DIR = '.svelte-kit-perf';
const VITE = path.join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js');
const TSX = path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface BuiltSite {
	dir: string;
	/** Seconds the build took; absent for a site given with --build. */
	buildSeconds?: number;
}

function viteBuild(outDir: string, env: Record<string, string> = {}): void {
	fs.rmSync(outDir, { recursive: true, force: true });
	try {
		// Quiet unless it fails: SvelteKit warns on every build that tsconfig.json extends
		// .svelte-kit's config rather than this build's own work folder, which is expected here.
		execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'error'], {
			cwd: PROJECT_ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, ...env, KIT_OUT_DIR, BUILD_DIR: outDir },
			maxBuffer: 64 * 1024 * 1024
		});
	} catch (error) {
		const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
		process.stderr.write(`${stdout ?? ''}${stderr ?? ''}`);
		throw new Error(`the site build into ${outDir} failed`, { cause: error });
	}
	if (!fs.existsSync(path.join(outDir, 'index.html'))) {
		throw new Error(`the build wrote no index.html to ${outDir}`);
	}
}

/** The app on its own corpus (corpus/corpus.json). */
export function buildSeedSite(log: (message: string) => void): BuiltSite {
	const dir = path.join(WORK_DIR, 'seed');
	log(`building the site into ${dir} (KIT_OUT_DIR=${KIT_OUT_DIR})`);
	const t0 = performance.now();
	viteBuild(dir);
	return { dir, buildSeconds: (performance.now() - t0) / 1000 };
}

export interface ScaleCorpus {
	chars: number;
	poems: number;
	sourceFiles: number;
	documents: number;
	passages: number;
	corpusBytes: number;
}

/** The app on `chars` characters of poems, through `npm run corpus`. */
export function buildScaleSite(
	chars: number,
	log: (message: string) => void
): BuiltSite & { corpus: ScaleCorpus } {
	const sourcesDir = path.join(WORK_DIR, 'scale-sources');
	const corpusDir = path.join(WORK_DIR, 'scale-corpus');
	const dir = path.join(WORK_DIR, 'scale');
	const t0 = performance.now();
	fs.rmSync(sourcesDir, { recursive: true, force: true });
	const sources = poetrySources(chars, { log });
	writePoetrySources(sourcesDir, sources);
	log(`corpus build of ${sources.files.length} poetry sources into ${corpusDir}`);
	execFileSync(
		process.execPath,
		[TSX, 'src/cli/corpus.ts', '--sources', sourcesDir, '--out', corpusDir, '--quiet'],
		{ cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] }
	);
	log(`building the scale site into ${dir} (KIT_OUT_DIR=${KIT_OUT_DIR})`);
	viteBuild(dir, { NIANJIAN_CORPUS_DIR: corpusDir });
	const corpusFile = path.join(corpusDir, 'corpus.json');
	const corpus = JSON.parse(fs.readFileSync(corpusFile, 'utf8')) as {
		documents: unknown[];
		passages: unknown[];
	};
	return {
		dir,
		buildSeconds: (performance.now() - t0) / 1000,
		corpus: {
			chars: sources.chars,
			poems: sources.poems,
			sourceFiles: sources.files.length,
			documents: corpus.documents.length,
			passages: corpus.passages.length,
			corpusBytes: fs.statSync(corpusFile).size
		}
	};
}

export interface SiteSize {
	files: number;
	bytes: number;
	gzip: number;
}

/**
 * Every file of a built site, raw and gzipped: what the service worker precaches (its build,
 * static and prerendered files), without driving it through 100+ MB of requests at scale.
 */
export function siteSize(dir: string): SiteSize {
	let files = 0;
	let bytes = 0;
	let gzip = 0;
	const walk = (d: string) => {
		for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
			const file = path.join(d, entry.name);
			if (entry.isDirectory()) walk(file);
			else if (entry.name !== 'service-worker.js') {
				const body = fs.readFileSync(file);
				files++;
				bytes += body.length;
				gzip += zlib.gzipSync(body, { level: GZIP_LEVEL }).length;
			}
		}
	};
	walk(dir);
	return { files, bytes, gzip };
}

/** The first document's page, read from the home page's list of documents. */
export function firstDocumentPath(dir: string): string {
	const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
	const href = /href="(?:\.\/|\/)?(doc\/[^"?#]+)"/u.exec(html)?.[1];
	if (!href) throw new Error(`no document link in ${path.join(dir, 'index.html')}`);
	return href;
}

export interface BuiltCorpus {
	documents: number;
	passages: number;
	/** Characters of passage text. */
	chars: number;
	bytes: number;
}

/** The corpus a built site fetches, as built into it (`_app/immutable/assets/corpus.*.json`). */
export function builtCorpus(dir: string): BuiltCorpus {
	const assets = path.join(dir, '_app/immutable/assets');
	const name = fs.readdirSync(assets).find((f) => /^corpus\.[^.]+\.json$/u.test(f));
	if (!name) throw new Error(`no corpus.*.json in ${assets}`);
	const text = fs.readFileSync(path.join(assets, name), 'utf8');
	const corpus = JSON.parse(text) as { documents: unknown[]; passages: { text: string }[] };
	return {
		documents: corpus.documents.length,
		passages: corpus.passages.length,
		chars: corpus.passages.reduce((n, p) => n + p.text.length, 0),
		bytes: Buffer.byteLength(text)
	};
}
