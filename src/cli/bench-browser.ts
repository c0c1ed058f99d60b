/**
 * npm run bench:browser [-- options]
 *
 * Measures the built site in headless Chromium against the issue's budgets and prints one table
 * (figure | measured | budget | result); exits 1 when a budget is broken. Builds the site itself
 * (KIT_OUT_DIR=.svelte-kit-perf, output under the system's temporary folder) unless given one,
 * serves it like a static host (tests/support/static-server.ts) and drives Debian's Chromium.
 *
 *   bytes       first visit until the first result of a typed query: every response of the page
 *               and its worker, gzip -9, against 150 KiB; chart.js, the indicators page and
 *               OpenCC's converter/phrase tables must not be among them; the service worker's
 *               precache (after idle) listed apart
 *   load        cold (fresh profile) and warm (index in IndexedDB) visits: navigation → first
 *               results, index-start → index-ready (warm ≤ cold / 2), long tasks meanwhile
 *   typing      queries typed a character at a time: results arrival → paint (p95 ≤ one frame),
 *               keystroke → results painted, Event Timing; then the same typing under the CPU
 *               profiler and a trace, to say where the main thread's time goes
 *   lighthouse  Lighthouse 12 (mobile preset) on home, a document and the indicators page
 *   scale       the app built on ~5M characters of poems through `npm run corpus`: bytes, cold
 *               build, warm load, long tasks, typing
 *
 *   --build DIR         measure this build instead of building (root base path)
 *   --scale             add the scale section (builds the 5M-character site, ~2 minutes)
 *   --scale-build DIR   measure this scale build instead of building one (implies --scale)
 *   --chars SIZE        scale corpus size, e.g. 5M (default) or 2000000
 *   --only LIST         only these sections, e.g. --only load,typing
 *   --runs N            cold/warm visit pairs on the seed site (default 5)
 *   --scale-runs N      cold/warm visit pairs at scale (default 1)
 *   --lighthouse-runs N Lighthouse runs per page, the median reported (default 5)
 *   --typing-visits N   fresh visits whose keystrokes are pooled for the typing figures (default 2)
 *   --uncompressed      Lighthouse on the test server as it is; by default it goes through a
 *                       gzip front, as a static host would serve the site
 *   --json              print only the JSON (progress still goes to stderr)
 *
 * Results are also written to node_modules/.cache/nianjian-bench/browser-<date>.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from '../../tests/support/browser';
import { serveStatic, type StaticServer } from '../../tests/support/static-server';
import { BENCH_CACHE } from './bench/poetry-corpus';
import { POETRY_QUERIES } from './bench/queries';
import { measureFirstVisit, type FirstVisit } from './bench-browser/first-visit';
import { gzipProxy } from './bench-browser/gzip-proxy';
import { lighthousePages, LIGHTHOUSE_VERSION } from './bench-browser/lighthouse';
import { measureLoads } from './bench-browser/load-timing';
import {
	bytesSection,
	failed,
	formatSections,
	lighthouseSection,
	loadSection,
	scaleCorpusSection,
	typingSection,
	type ScaleFacts,
	type Section
} from './bench-browser/report';
import {
	buildScaleSite,
	buildSeedSite,
	builtCorpus,
	firstDocumentPath,
	siteSize,
	WORK_DIR,
	type SiteSize
} from './bench-browser/site';
import { DEFAULT_TYPING_VISITS, measureTyping, profileTyping } from './bench-browser/typing';

const SECTIONS = ['bytes', 'load', 'typing', 'lighthouse', 'scale'] as const;
type SectionName = (typeof SECTIONS)[number];

/** Seed queries typed a character at a time: 45 keystrokes, Simplified and Traditional. */
const SEED_TYPING = [
	'公共资源交易',
	'信息资源共享',
	'電子政務外網',
	'办公自动化',
	'辦公業務網',
	'政务信息化',
	'行政审批',
	'智慧城市',
	'网上办事'
];
/** Poetry queries for the scale site, from the search benchmark's list: 45 keystrokes. */
const POETRY_TYPING = [
	'海内存知己',
	'春眠不觉晓',
	'春江花月',
	'月落烏啼',
	'桃花潭水',
	'黄鹤楼',
	'明月光',
	'一杯酒',
	'寒山寺',
	'洛陽',
	'長安',
	'天涯',
	'楊柳',
	'夕陽'
].filter((q) => POETRY_QUERIES.includes(q));
const SEED_QUERY = '电子政务';
const POETRY_QUERY = '明月';

function usage(message: string): never {
	console.error(`${message}\nSee npm run bench:browser -- --help`);
	process.exit(2);
}

const { values } = parseArgs({
	options: {
		build: { type: 'string' },
		scale: { type: 'boolean' },
		'scale-build': { type: 'string' },
		chars: { type: 'string' },
		only: { type: 'string' },
		runs: { type: 'string' },
		'scale-runs': { type: 'string' },
		'lighthouse-runs': { type: 'string' },
		'typing-visits': { type: 'string' },
		uncompressed: { type: 'boolean' },
		json: { type: 'boolean' },
		help: { type: 'boolean', short: 'h' }
	}
});

if (values.help) {
	console.log(
		fs
			.readFileSync(import.meta.filename, 'utf8')
			.split('*/')[0]!
			.replace(/^\/\*\*?/u, '')
			.replace(/^ \* ?/gmu, '')
	);
	process.exit(0);
}

function positive(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1) usage(`--${name} takes a whole number ≥ 1, not "${value}"`);
	return n;
}

function parseChars(value: string | undefined): number {
	if (value === undefined) return 5_000_000;
	const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/u.exec(value.trim());
	const n = m ? Number(m[1]) * (m[2] === '' ? 1 : /k/iu.test(m[2]!) ? 1e3 : 1e6) : NaN;
	if (!Number.isFinite(n) || n < 1000) usage(`--chars takes a size such as 5M, not "${value}"`);
	return Math.round(n);
}

const selected = new Set<SectionName>(
	values.only
		? values.only.split(',').map((s) => {
				const name = s.trim() as SectionName;
				if (!SECTIONS.includes(name)) usage(`--only takes ${SECTIONS.join(', ')}, not "${s}"`);
				return name;
			})
		: [
				'bytes',
				'load',
				'typing',
				'lighthouse',
				...(values.scale || values['scale-build'] ? ['scale' as const] : [])
			]
);
const runs = positive('runs', values.runs, 5);
const scaleRuns = positive('scale-runs', values['scale-runs'], 1);
// Five: "the median Lighthouse score of 5 runs is twice as stable as 1 run" (Lighthouse's
// docs/variability.md); single runs of one build ranged 84–99 on this shared machine.
const lighthouseRuns = positive('lighthouse-runs', values['lighthouse-runs'], 5);
const typingVisits = positive('typing-visits', values['typing-visits'], DEFAULT_TYPING_VISITS);
const chars = parseChars(values.chars);

const log = (message: string) => process.stderr.write(message + '\n');
const loadAverage = () =>
	os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');

const date = new Date();
const started = performance.now();
const cpu = os.cpus()[0]?.model ?? 'unknown';
const loads: { at: string; load: string }[] = [{ at: 'start', load: loadAverage() }];
const sections: Section[] = [];
const results: Record<string, unknown> = {};

async function measureSite(
	dir: string,
	options: {
		label: string;
		query: string;
		typing: readonly string[];
		runs: number;
		sections: Set<SectionName>;
		scale?: boolean;
	}
): Promise<{ server: StaticServer; out: Record<string, unknown>; sections: Section[] }> {
	const server = await serveStatic(dir);
	const browser = await launch();
	const out: Record<string, unknown> = { dir, chromium: browser.version() };
	const produced: Section[] = [];
	const prefix = options.scale ? 'Scale — ' : '';
	try {
		if (options.sections.has('bytes')) {
			log(`${options.label}: first visit…`);
			const visit = await measureFirstVisit(browser, server.url, {
				query: options.query,
				// The seed's precache is measured for real; at scale it is 100+ MB, sized on disk.
				serviceWorkers: options.scale ? 'block' : 'allow',
				waitForPrecache: !options.scale
			});
			out.firstVisit = visit;
			if (options.scale) {
				out.siteSize = siteSize(dir);
			} else {
				produced.push(bytesSection('Bytes — first visit, seed corpus', visit, { budget: true }));
			}
		}
		if (options.sections.has('load')) {
			log(`${options.label}: ${options.runs} cold/warm visit pair(s)… (load ${loadAverage()})`);
			loads.push({ at: `${options.label} load`, load: loadAverage() });
			const measured = await measureLoads(browser, server.url, {
				query: options.query,
				runs: options.runs,
				log
			});
			out.load = measured;
			produced.push(
				loadSection(
					`${prefix}Cold and warm visits (median of ${options.runs}; query typed as soon as the page is live)`,
					measured,
					{ ratioBudget: true }
				)
			);
		}
		if (options.sections.has('typing')) {
			log(`${options.label}: typing, ${typingVisits} visit(s)… (load ${loadAverage()})`);
			loads.push({ at: `${options.label} typing`, load: loadAverage() });
			const typing = await measureTyping(browser, server.url, {
				queries: options.typing,
				visits: typingVisits
			});
			log(`${options.label}: typing again under the CPU profiler…`);
			const profile = await profileTyping(browser, server.url, { queries: options.typing });
			out.typing = typing;
			out.typingProfile = profile;
			produced.push(typingSection(`${prefix}Typing (index ready, in the page)`, typing, profile));
		}
	} catch (error) {
		// The server would keep the process alive after the error is reported.
		await server.close();
		throw error;
	} finally {
		await browser.close();
	}
	return { server, out, sections: produced };
}

try {
	const seedSections = new Set([...selected].filter((s) => s !== 'scale'));
	if (seedSections.size > 0) {
		const site = values.build ? { dir: path.resolve(values.build) } : buildSeedSite(log);
		if (!fs.existsSync(path.join(site.dir, 'index.html'))) usage(`no index.html in ${site.dir}`);
		const measured = await measureSite(site.dir, {
			label: 'seed',
			query: SEED_QUERY,
			typing: SEED_TYPING,
			runs,
			sections: seedSections
		});
		try {
			sections.push(...measured.sections);
			if (seedSections.has('lighthouse')) {
				loads.push({ at: 'lighthouse', load: loadAverage() });
				log(`seed: Lighthouse ${LIGHTHOUSE_VERSION}, ${lighthouseRuns} run(s) per page…`);
				const proxy = values.uncompressed ? null : await gzipProxy(measured.server.url);
				const url = proxy?.url ?? measured.server.url;
				const pages = await lighthousePages(
					[
						{ name: 'home', url },
						{ name: 'document', url: new URL(firstDocumentPath(site.dir), url).href },
						{ name: 'indicators', url: new URL('indicators', url).href }
					],
					{ runs: lighthouseRuns, outDir: path.join(WORK_DIR, 'lighthouse'), log }
				).finally(() => proxy?.close());
				measured.out.lighthouse = pages;
				sections.push(
					lighthouseSection(
						`Lighthouse ${LIGHTHOUSE_VERSION}, mobile preset, median of ${lighthouseRuns}, ` +
							(proxy ? 'served gzipped' : 'served uncompressed'),
						pages
					)
				);
			}
		} finally {
			await measured.server.close();
		}
		results.seed = {
			...measured.out,
			buildSeconds: 'buildSeconds' in site ? site.buildSeconds : undefined
		};
	}
	if (selected.has('scale')) {
		const given = values['scale-build'];
		const site = given ? { dir: path.resolve(given) } : buildScaleSite(chars, log);
		const measured = await measureSite(site.dir, {
			label: 'scale',
			query: POETRY_QUERY,
			typing: POETRY_TYPING,
			runs: scaleRuns,
			sections: new Set(['bytes', 'load', 'typing']),
			scale: true
		});
		await measured.server.close();
		const built = builtCorpus(site.dir);
		const visit = measured.out.firstVisit as FirstVisit;
		const facts: ScaleFacts = {
			chars: built.chars,
			poems: 'corpus' in site ? site.corpus.poems : undefined,
			documents: built.documents,
			passages: built.passages,
			corpusBytes: built.bytes,
			buildSeconds: 'buildSeconds' in site ? site.buildSeconds : undefined,
			site: measured.out.siteSize as SiteSize
		};
		sections.push(
			scaleCorpusSection(
				`Scale — ${built.chars.toLocaleString('en-US')} characters of poems`,
				facts,
				visit
			),
			...measured.sections
		);
		results.scale = { ...measured.out, corpus: facts };
	}
	loads.push({ at: 'end', load: loadAverage() });

	const broken = failed(sections);
	const seconds = (performance.now() - started) / 1000;
	const chromium = ((results.seed ?? results.scale) as { chromium?: string } | undefined)?.chromium;
	const report = {
		date: date.toISOString(),
		node: process.version,
		chromium,
		cpu,
		cores: os.cpus().length,
		loadAverages: loads,
		options: { sections: [...selected], runs, scaleRuns, lighthouseRuns, typingVisits, chars },
		durationSeconds: Math.round(seconds),
		results,
		table: sections.map(({ title, rows }) => ({ title, rows })),
		failed: broken
	};
	fs.mkdirSync(BENCH_CACHE, { recursive: true });
	const stamp = date.toISOString().replace(/[:.]/gu, '-').replace(/Z$/u, '');
	const resultsPath = path.join(BENCH_CACHE, `browser-${stamp}.json`);
	fs.writeFileSync(resultsPath, JSON.stringify(report, null, '\t') + '\n');
	if (values.json) {
		process.stdout.write(JSON.stringify(report) + '\n');
		log(`results: ${resultsPath}`);
	} else {
		// Other work on the machine inflates every timing: say so when it was there.
		const busy = loads.some((l) => Number(l.load.split(' ')[0]) > os.cpus().length);
		console.log(
			[
				`Nianjian browser benchmark — ${report.date}`,
				`Chromium ${chromium ?? '?'} headless, Node ${process.version}, ${cpu} × ${report.cores}; ` +
					`gzip level 9; KiB = 1024 bytes`,
				`Load average (1/5/15 min): ${loads.map((l) => `${l.at} ${l.load}`).join('; ')}` +
					(busy ? ' — the machine was busy: timings are inflated' : '')
			].join('\n') + formatSections(sections)
		);
		const summary =
			broken.length === 0
				? ['All budgets met.']
				: [
						`${broken.length} budget(s) broken:`,
						...broken.map(
							(r) => `  ${r.section.split(' (')[0]} › ${r.figure.trim()}: ${r.measured}`
						)
					];
		summary.push(`Results: ${path.relative(process.cwd(), resultsPath)} (${seconds.toFixed(0)} s)`);
		console.log('\n' + summary.join('\n'));
	}
	process.exitCode = broken.length === 0 ? 0 : 1;
} catch (error) {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
}
