/**
 * Lighthouse 12 (mobile preset, its default) on Debian's Chromium. Never a project dependency:
 * installed on first use into the benchmark's cache, like the poetry corpus. Lighthouse 13 needs
 * Node 22, so the version is pinned to the last 12.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_CACHE } from '../bench/poetry-corpus';
import { countedRuns, isStarved, referenceIndex, type Counted } from './starved-runs';

export const LIGHTHOUSE_VERSION = '12.8.2';
const PREFIX = path.join(BENCH_CACHE, `lighthouse-${LIGHTHOUSE_VERSION}`);
const PACKAGE_DIR = path.join(PREFIX, 'node_modules/lighthouse');
export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export type Category = (typeof CATEGORIES)[number];
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu';

export interface FailingAudit {
	category: Category;
	id: string;
	title: string;
	score: number;
	displayValue?: string;
}

export interface LighthouseRun {
	/** 0–100 per category. */
	scores: Record<Category, number>;
	failing: FailingAudit[];
	warnings: string[];
	benchmarkIndex?: number;
}

export interface LighthousePage {
	name: string;
	url: string;
	runs: LighthouseRun[];
	/** The runs the median is taken over: all but those taken on a starved CPU (starved-runs.ts). */
	counting: Counted<LighthouseRun>;
	/** The counted run with the median performance score, whose audits are listed. */
	median: LighthouseRun;
}

/** Installs Lighthouse into the cache when it is not there yet; the path of its CLI. */
export function ensureLighthouse(log: (message: string) => void): string {
	const manifest = path.join(PACKAGE_DIR, 'package.json');
	const installed = fs.existsSync(manifest)
		? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version
		: null;
	if (installed !== LIGHTHOUSE_VERSION) {
		log(`installing lighthouse@${LIGHTHOUSE_VERSION} into ${PREFIX} (once)`);
		fs.mkdirSync(PREFIX, { recursive: true });
		execFileSync(
			'npm',
			[
				'install',
				'--prefix',
				PREFIX,
				'--no-audit',
				'--no-fund',
				'--save-exact',
				'--loglevel=error',
				`lighthouse@${LIGHTHOUSE_VERSION}`
			],
			{ stdio: ['ignore', 2, 2] }
		);
	}
	return path.join(PACKAGE_DIR, 'cli/index.js');
}

interface AuditJson {
	id: string;
	title: string;
	score: number | null;
	scoreDisplayMode: string;
	displayValue?: string;
}

interface ReportJson {
	runtimeError?: { code: string; message: string };
	runWarnings?: string[];
	environment?: { benchmarkIndex?: number };
	categories: Record<
		Category,
		{ score: number | null; auditRefs: { id: string; weight: number; group?: string }[] }
	>;
	audits: Record<string, AuditJson>;
}

/**
 * What brought a category down. Accessibility and best practices: every scored audit that did
 * not pass. Performance: the metrics scored below 0.9 and the diagnostics that failed.
 */
function failingAudits(report: ReportJson): FailingAudit[] {
	const failing: FailingAudit[] = [];
	for (const category of CATEGORIES) {
		for (const ref of report.categories[category].auditRefs) {
			const audit = report.audits[ref.id];
			if (!audit || audit.score === null) continue;
			if (['informative', 'manual', 'notApplicable'].includes(audit.scoreDisplayMode)) continue;
			const isMetric = ref.group === 'metrics';
			const fails =
				category !== 'performance'
					? ref.weight > 0 && audit.score < 1
					: isMetric
						? audit.score < 0.9
						: ref.group === 'diagnostics' && audit.score < 0.5;
			if (!fails) continue;
			failing.push({
				category,
				id: audit.id,
				title: audit.title,
				score: audit.score,
				displayValue: audit.displayValue
			});
		}
	}
	return failing;
}

/**
 * One Lighthouse run in its own Chromium profile (a first visit). Asynchronous: the site is
 * served from this very process, which must keep answering while Lighthouse loads it.
 */
export async function runLighthouse(
	cli: string,
	url: string,
	outFile: string
): Promise<LighthouseRun> {
	fs.rmSync(outFile, { force: true });
	const args = [
		cli,
		url,
		'--output=json',
		`--output-path=${outFile}`,
		`--only-categories=${CATEGORIES.join(',')}`,
		`--chrome-flags=${CHROME_FLAGS}`,
		'--quiet'
	];
	const run = await new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
		const child = spawn(process.execPath, args, {
			env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		// SIGINT, not SIGTERM: Lighthouse's Chrome launcher closes its Chromium on SIGINT only.
		const timer = setTimeout(() => child.kill('SIGINT'), 300_000);
		child.on('error', reject);
		child.on('close', (status) => {
			clearTimeout(timer);
			resolve({ status, stderr });
		});
	});
	if (!fs.existsSync(outFile)) {
		throw new Error(
			`lighthouse wrote no report for ${url} (exit ${run.status ?? 'killed'}): ${run.stderr}`
		);
	}
	const report = JSON.parse(fs.readFileSync(outFile, 'utf8')) as ReportJson;
	if (report.runtimeError) {
		throw new Error(
			`lighthouse on ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`
		);
	}
	const scores = Object.fromEntries(
		CATEGORIES.map((c) => [c, Math.round((report.categories[c].score ?? 0) * 100)])
	) as Record<Category, number>;
	return {
		scores,
		failing: failingAudits(report),
		warnings: report.runWarnings ?? [],
		benchmarkIndex: report.environment?.benchmarkIndex
	};
}

/**
 * `runs` Lighthouse runs of each page; the median by performance score represents the page. A run
 * taken on a starved CPU is repeated, up to `runs` more per page, and not counted.
 */
export async function lighthousePages(
	pages: { name: string; url: string }[],
	options: { runs: number; outDir: string; log: (message: string) => void }
): Promise<LighthousePage[]> {
	const cli = ensureLighthouse(options.log);
	fs.mkdirSync(options.outDir, { recursive: true });
	const all: LighthouseRun[] = [];
	const byPage: { name: string; url: string; runs: LighthouseRun[] }[] = [];
	for (const { name, url } of pages) {
		const runs: LighthouseRun[] = [];
		const fine = () => runs.filter((r) => !isStarved(r, referenceIndex(all))).length;
		while (
			runs.length < options.runs ||
			(fine() < options.runs && runs.length < 2 * options.runs)
		) {
			const i = runs.length;
			const outFile = path.join(options.outDir, `${name.replace(/\W+/gu, '-')}-${i + 1}.json`);
			const run = await runLighthouse(cli, url, outFile);
			runs.push(run);
			all.push(run);
			const s = run.scores;
			const reference = referenceIndex(all);
			options.log(
				`  lighthouse ${name} ${i + 1}: performance ${s.performance}, ` +
					`accessibility ${s.accessibility}, best practices ${s['best-practices']}; ` +
					`CPU index ${run.benchmarkIndex?.toFixed(0) ?? '?'}` +
					(isStarved(run, reference)
						? ` — starved (below half of ${reference.toFixed(0)}, the median so far): run again`
						: '')
			);
		}
		byPage.push({ name, url, runs });
	}
	// Judged once more against the index of the whole benchmark, which the later runs refined.
	const reference = referenceIndex(all);
	return byPage.map(({ name, url, runs }) => {
		const counting = countedRuns(runs, reference);
		const sorted = [...counting.counted].sort(
			(a, b) => a.scores.performance - b.scores.performance
		);
		return { name, url, runs, counting, median: sorted[Math.floor((sorted.length - 1) / 2)]! };
	});
}
