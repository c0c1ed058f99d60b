/**
 * The first visit's bytes: everything the page and its search worker fetch, in a fresh profile,
 * from navigation until the first result of a typed query is on screen, each response gzipped
 * at level 9 as a static host would precompress it (the test server sends files as they are).
 * Also says whether code that the first screen must not need came along: chart.js, the
 * indicators page, OpenCC's converter or any OpenCC dictionary that search folding does not use.
 *
 * Shared by `npm run bench:browser` and the CI byte-budget test, so both count the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Request } from 'playwright-core';
import { freshContext } from '../../../tests/support/browser';
import { waitForMark } from './probe';

export const GZIP_LEVEL = 9;
/** The first-visit budget: 150 KiB (150 × 1024 bytes) gzipped. */
export const FIRST_VISIT_BUDGET_BYTES = 150 * 1024;
/** A query of the seed corpus with many results. */
export const FIRST_VISIT_QUERY = '电子政务';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const OPENCC_DICT_DIR = path.join(ROOT, 'node_modules/opencc-js/dist/esm-lib/dict');
const FOLD_SOURCE = path.join(ROOT, 'src/lib/text/fold.ts');

export type Initiator = 'page' | 'service worker';

export interface FetchedFile {
	/** Path on the site, e.g. `/_app/immutable/chunks/abc.js`. */
	path: string;
	kind: string;
	initiator: Initiator;
	status: number;
	bytes: number;
	gzip: number;
	/** Counted in the budget: fetched by the page before its first results, not a font. */
	counted: boolean;
}

export interface Finding {
	path: string;
	what: string;
}

export interface FirstVisit {
	query: string;
	/** ms from navigation to the `first-results` mark. */
	firstResultsMs: number;
	/** The page's and its worker's requests until the first results, one row per URL. */
	files: FetchedFile[];
	/** Requests the page made after its first results (not counted). */
	later: FetchedFile[];
	/** The service worker's own requests (its script and precache), when it was allowed to run. */
	serviceWorker: FetchedFile[];
	/** Whether the service worker finished precaching before the measurement ended. */
	precacheComplete: boolean | null;
	bytes: number;
	gzip: number;
	/** Code found among the counted files that the first screen must not load. */
	forbidden: Finding[];
	/** OpenCC dictionaries found among the counted files that search folding needs (allowed). */
	foldDictionaries: Finding[];
}

export interface FirstVisitOptions {
	query?: string;
	/** 'block' keeps the count independent of when the service worker happens to install. */
	serviceWorkers?: 'allow' | 'block';
	/** With service workers allowed: wait for the precache to finish and list its requests. */
	waitForPrecache?: boolean;
	timeoutMs?: number;
}

export function gzipSize(body: Buffer): number {
	return zlib.gzipSync(body, { level: GZIP_LEVEL }).length;
}

function kindOf(pathname: string, request: Request): string {
	const ext = path.extname(pathname).toLowerCase();
	if (/\.(woff2?|ttf|otf|eot)$/u.test(ext) || request.resourceType() === 'font') return 'font';
	if (pathname.includes('/workers/')) return 'worker';
	if (/\/corpus\.[^/]*\.json$/u.test(pathname)) return 'corpus';
	if (ext === '.js') return 'js';
	if (ext === '.css') return 'css';
	if (ext === '.json') return 'json';
	if (ext === '.webmanifest') return 'manifest';
	if (['.png', '.svg', '.ico', '.webp', '.jpg'].includes(ext)) return 'image';
	if (ext === '' || ext === '.html') return 'html';
	return 'other';
}

interface Seen {
	request: Request;
	issued: number;
	initiator: Initiator;
	done?: { status: number; body: Buffer };
}

/** Measures one first visit in a fresh context of `browser`. `siteUrl` ends with `/`. */
export async function measureFirstVisit(
	browser: Browser,
	siteUrl: string,
	options: FirstVisitOptions = {}
): Promise<FirstVisit> {
	const query = options.query ?? FIRST_VISIT_QUERY;
	const timeout = options.timeoutMs ?? 120_000;
	const context = await freshContext(browser, {
		serviceWorkers: options.serviceWorkers ?? 'block'
	});
	const seen: Seen[] = [];
	const pending = new Set<Promise<void>>();
	context.on('request', (request) => {
		seen.push({
			request,
			issued: Date.now(),
			initiator: request.serviceWorker() ? 'service worker' : 'page'
		});
	});
	const finish = (request: Request) => {
		const entry = seen.find((s) => s.request === request);
		if (!entry) return;
		const job = (async () => {
			const response = await request.response();
			let body = await response?.body().catch(() => null);
			// Chromium keeps no body for a service worker's own fetches: the files are static, so
			// asking the server again gives the same bytes.
			if ((!body || body.length === 0) && response?.ok()) {
				body = Buffer.from(await (await fetch(request.url())).arrayBuffer());
			}
			entry.done = { status: response?.status() ?? 0, body: body ?? Buffer.alloc(0) };
		})().catch(() => {
			entry.done = { status: 0, body: Buffer.alloc(0) };
		});
		pending.add(job);
		void job.finally(() => pending.delete(job));
	};
	context.on('requestfinished', finish);
	context.on('requestfailed', finish);

	try {
		const page = await context.newPage();
		await page.goto(siteUrl, { timeout });
		// `index-start` is marked once the layout has mounted: the input is live from then on.
		await waitForMark(page, 'index-start', timeout);
		await page.focus('input[type="search"]');
		await page.keyboard.insertText(query);
		const firstResultsMs = await waitForMark(page, 'first-results', timeout);
		const timeOrigin = (await page.evaluate('performance.timeOrigin')) as number;
		const cutoff = timeOrigin + firstResultsMs;
		// Requests issued before the first results may still be finishing.
		const deadline = Date.now() + 30_000;
		while (
			seen.some((s) => s.initiator === 'page' && s.issued <= cutoff && !s.done) &&
			Date.now() < deadline
		) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		let precacheComplete: boolean | null = null;
		if (options.serviceWorkers === 'allow' && options.waitForPrecache) {
			precacheComplete = await page
				.waitForFunction(
					async () => !!(await navigator.serviceWorker.getRegistration())?.active,
					undefined,
					{ timeout, polling: 200 }
				)
				.then(() => true)
				.catch(() => false);
		}
		await Promise.all([...pending]);
		const origin = new URL(siteUrl).origin;
		const rows = seen
			.filter((s) => s.done && s.request.url().startsWith(origin))
			.map((s) => {
				const url = new URL(s.request.url());
				const kind = kindOf(url.pathname, s.request);
				const body = s.done!.body;
				const counted = s.initiator === 'page' && s.issued <= cutoff && kind !== 'font';
				const file: FetchedFile = {
					path: url.pathname,
					kind,
					initiator: s.initiator,
					status: s.done!.status,
					bytes: body.length,
					gzip: body.length > 0 ? gzipSize(body) : 0,
					counted
				};
				return { file, body };
			});
		// One row per URL: a repeated request (the favicon) is the same file, not more to load.
		const firstOf = (list: typeof rows) => {
			const byPath = new Map<string, (typeof rows)[number]>();
			for (const row of list) if (!byPath.has(row.file.path)) byPath.set(row.file.path, row);
			return [...byPath.values()];
		};
		const counted = firstOf(rows.filter((r) => r.file.counted));
		const countedPaths = new Set(counted.map((r) => r.file.path));
		const later = firstOf(
			rows.filter(
				(r) => r.file.initiator === 'page' && !r.file.counted && !countedPaths.has(r.file.path)
			)
		);
		const serviceWorker = firstOf(rows.filter((r) => r.file.initiator === 'service worker'));
		const { forbidden, foldDictionaries } = await inspect(
			counted.map((r) => ({ path: r.file.path, body: r.body })),
			siteUrl
		);
		return {
			query,
			firstResultsMs,
			files: counted.map((r) => r.file),
			later: later.map((r) => r.file),
			serviceWorker: serviceWorker.map((r) => r.file),
			precacheComplete,
			bytes: counted.reduce((n, r) => n + r.file.bytes, 0),
			gzip: counted.reduce((n, r) => n + r.file.gzip, 0),
			forbidden,
			foldDictionaries
		};
	} finally {
		await context.close();
	}
}

/** String literals of chart.js that survive minification (its error messages). */
const CHART_JS_MARKERS = [
	'Canvas is already in use. Chart with ID',
	'This method is not implemented: Check that a complete date adapter is provided.'
];
export function containsChartJs(text: string): boolean {
	return CHART_JS_MARKERS.some((m) => text.includes(m));
}

/** An error message of OpenCC's converter (`opencc-js` core), kept verbatim by the minifier. */
const OPENCC_CONVERTER_MARKER = 'Invalid dictionary entry';

interface Dictionary {
	name: string;
	/** Runs of consecutive entries: a table's own order, which no other table shares. */
	windows: string[];
}

let dictionaries: Dictionary[] | null = null;

/** Samples of each OpenCC dictionary as the bundler keeps it: a `|`-separated string literal. */
function openccDictionaries(): Dictionary[] {
	if (dictionaries) return dictionaries;
	dictionaries = fs
		.readdirSync(OPENCC_DICT_DIR)
		.filter((f) => f.endsWith('.js'))
		.map((f) => {
			const source = fs.readFileSync(path.join(OPENCC_DICT_DIR, f), 'utf8');
			const literal = /(["'`])((?:(?!\1)[^\\]|\\.)*)\1/su.exec(source)?.[2] ?? '';
			const entries = literal.split('|').filter(Boolean);
			const run = Math.min(3, entries.length);
			const samples = Math.min(8, Math.max(1, entries.length - run + 1));
			const step = Math.max(1, Math.floor((entries.length - run + 1) / samples));
			const windows: string[] = [];
			for (let i = 0; i < samples; i++) {
				windows.push(entries.slice(i * step, i * step + run).join('|'));
			}
			return { name: f.replace(/\.js$/u, ''), windows: windows.filter(Boolean) };
		});
	return dictionaries;
}

/** The dictionaries search folding imports (src/lib/text/fold.ts): needed to search at all. */
export function foldDictionaryNames(): string[] {
	const source = fs.readFileSync(FOLD_SOURCE, 'utf8');
	return [...source.matchAll(/from\s+['"]opencc-js\/dict\/([\w-]+)['"]/gu)].map((m) => m[1]!);
}

interface PageAssets {
	/** Modules and stylesheets the prerendered page links to (`modulepreload`, `stylesheet`). */
	linked: Set<string>;
	/** The page's own route node: the last of SvelteKit's `node_ids` (layouts come first). */
	node: number;
}

async function pageAssets(pageUrl: string): Promise<PageAssets> {
	const response = await fetch(pageUrl);
	if (!response.ok) throw new Error(`${pageUrl}: HTTP ${response.status}`);
	const html = await response.text();
	const linked = new Set<string>();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/giu)) {
		if (!/rel="?(modulepreload|stylesheet)"?/iu.test(tag)) continue;
		const href = /href="([^"]+)"/iu.exec(tag)?.[1];
		if (href) linked.add(new URL(href, pageUrl).pathname);
	}
	const ids = /node_ids:\s*\[([\d,\s]+)\]/u.exec(html)?.[1]?.split(',').map(Number);
	if (!ids || ids.length === 0) throw new Error(`${pageUrl}: no SvelteKit node_ids in the page`);
	return { linked, node: ids.at(-1)! };
}

/** What among the first visit's files the first screen must not load. */
async function inspect(
	files: { path: string; body: Buffer }[],
	siteUrl: string
): Promise<{ forbidden: Finding[]; foldDictionaries: Finding[] }> {
	const forbidden: Finding[] = [];
	const foldDictionaries: Finding[] = [];
	const [home, indicators] = await Promise.all([
		pageAssets(siteUrl),
		pageAssets(new URL('indicators', siteUrl).href)
	]);
	// The indicators page's code: its route node and stylesheet (named by node number, so found
	// even if the home page linked them), and whatever else only that page links to.
	const ownCode = new RegExp(`/_app/immutable/(nodes|assets)/${indicators.node}\\.[^/]*$`, 'u');
	const indicatorsOnly = new Set([...indicators.linked].filter((a) => !home.linked.has(a)));
	if (![...indicators.linked].some((a) => ownCode.test(a))) {
		throw new Error(`the indicators page does not link its own node ${indicators.node}`);
	}
	const allowed = new Set(foldDictionaryNames());
	for (const file of files) {
		if (indicatorsOnly.has(file.path) || ownCode.test(file.path)) {
			forbidden.push({ path: file.path, what: 'code of the indicators page' });
		}
		if (file.body.length > 16 * 1024 * 1024) continue;
		const text = file.body.toString('utf8');
		if (containsChartJs(text)) {
			forbidden.push({ path: file.path, what: 'chart.js' });
		}
		if (text.includes(OPENCC_CONVERTER_MARKER)) {
			forbidden.push({ path: file.path, what: 'OpenCC converter (opencc-js core)' });
		}
		for (const dict of openccDictionaries()) {
			const found = dict.windows.filter((w) => text.includes(w)).length;
			if (found * 2 < dict.windows.length || found === 0) continue;
			const finding = { path: file.path, what: `OpenCC dictionary ${dict.name}` };
			(allowed.has(dict.name) ? foldDictionaries : forbidden).push(finding);
		}
	}
	return { forbidden, foldDictionaries };
}
