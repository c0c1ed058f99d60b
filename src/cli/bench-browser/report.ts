/** The browser benchmark's figures as one table: figure | measured | budget | result. */
import path from 'node:path';
import {
	FIRST_VISIT_BUDGET_BYTES,
	FRAME_MS,
	LIGHTHOUSE_BUDGET,
	LONG_TASK_MS,
	WARM_RATIO
} from './budgets';
import type { FetchedFile, FirstVisit } from './first-visit';
import { CATEGORIES, type LighthousePage } from './lighthouse';
import { referenceIndex, STARVED_BELOW } from './starved-runs';
import type { Visit } from './load-timing';
import { describeLongTask } from './probe';
import type { SiteSize } from './site';
import { count, kib, max, median, ms, percentile } from './stats';
import type { TypingProfile, TypingResult } from './typing';

export type Status = 'PASS' | 'FAIL' | '';

export interface Row {
	figure: string;
	measured: string;
	budget: string;
	status: Status;
}

export interface Section {
	title: string;
	rows: Row[];
	/** Lines printed under the section's table: file lists, attributions, failing audits. */
	details: string[];
}

const row = (figure: string, measured: string, budget = '', status: Status = ''): Row => ({
	figure,
	measured,
	budget,
	status
});
const check = (pass: boolean): Status => (pass ? 'PASS' : 'FAIL');

/** Broken budgets, each named by its section's title and its figure. */
export function failed(sections: readonly Section[]): (Row & { section: string })[] {
	return sections.flatMap((s) =>
		s.rows.filter((r) => r.status === 'FAIL').map((r) => ({ ...r, section: s.title }))
	);
}

export function formatSections(sections: readonly Section[]): string {
	const header = row('figure', 'measured', 'budget', '');
	const all = [header, ...sections.flatMap((s) => s.rows)];
	const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
	const widths = { figure: width('figure'), measured: width('measured'), budget: width('budget') };
	const line = (r: Row | { [K in keyof Row]: string }) =>
		[
			r.figure.padEnd(widths.figure),
			r.measured.padEnd(widths.measured),
			r.budget.padEnd(widths.budget),
			r.status || (r === header ? 'result' : '')
		]
			.join(' | ')
			.trimEnd();
	const rule = ['figure', 'measured', 'budget']
		.map((k) => '-'.repeat(widths[k as keyof typeof widths]))
		.concat('------')
		.join('-|-');
	const out: string[] = [];
	for (const section of sections) {
		out.push('', `## ${section.title}`, '', line(header), rule);
		for (const r of section.rows) out.push(line(r));
		if (section.details.length > 0) out.push('', ...section.details);
	}
	return out.join('\n');
}

/** p50 and p95 of a list, as one cell. */
function p50p95(values: readonly number[]): string {
	if (values.length === 0) return '–';
	return `p50 ${ms(percentile(values, 50))} · p95 ${ms(percentile(values, 95))}`;
}

function fileLine(f: FetchedFile): string {
	return `  ${count(f.gzip).padStart(9)}  ${count(f.bytes).padStart(10)}  ${f.kind.padEnd(8)} ${f.path}`;
}

const KIND_LABELS: Record<string, string> = {
	js: 'JavaScript (page)',
	worker: 'search worker',
	corpus: 'corpus JSON',
	css: 'CSS',
	html: 'HTML',
	json: 'other JSON',
	image: 'icons',
	manifest: 'manifest',
	other: 'other'
};

export function bytesSection(
	title: string,
	visit: FirstVisit,
	options: { budget: boolean }
): Section {
	const rows: Row[] = [];
	const files = visit.files;
	const within = visit.gzip <= FIRST_VISIT_BUDGET_BYTES;
	rows.push(
		row(
			`first visit → first results, gzip -9 (${files.length} files)`,
			`${kib(visit.gzip)} (${count(visit.gzip)} B)`,
			options.budget ? `≤ 150 KiB (${count(FIRST_VISIT_BUDGET_BYTES)} B)` : '',
			options.budget ? check(within) : ''
		)
	);
	for (const [kind, label] of Object.entries(KIND_LABELS)) {
		const of = files.filter((f) => f.kind === kind);
		if (of.length === 0) continue;
		const gz = of.reduce((n, f) => n + f.gzip, 0);
		const raw = of.reduce((n, f) => n + f.bytes, 0);
		rows.push(row(`  ${label} (${of.length})`, `${kib(gz)} (raw ${kib(raw)})`));
	}
	rows.push(row('  uncompressed', kib(visit.bytes)));
	const forbidden = visit.forbidden;
	rows.push(
		row(
			'chart.js, indicators page, OpenCC converter/phrases',
			forbidden.length === 0 ? 'none loaded' : `${forbidden.length} found`,
			'none on first visit',
			check(forbidden.length === 0)
		)
	);
	const foldTables = [...new Set(visit.foldDictionaries.map((d) => d.what.split(' ').at(-1)))];
	rows.push(
		row(
			'OpenCC character tables (search folding)',
			foldTables.length === 0 ? 'none' : foldTables.join(', '),
			'only what search needs'
		)
	);
	const later = visit.later;
	if (later.length > 0) {
		rows.push(
			row(
				`page requests after first results (${later.length}, not counted)`,
				kib(later.reduce((n, f) => n + f.gzip, 0))
			)
		);
	}
	const sw = visit.serviceWorker;
	if (visit.precacheComplete !== null) {
		const gz = sw.reduce((n, f) => n + f.gzip, 0);
		const raw = sw.reduce((n, f) => n + f.bytes, 0);
		rows.push(
			row(
				`service worker script + precache after idle (${sw.length}, not counted)`,
				`${kib(gz)} (raw ${kib(raw)})${visit.precacheComplete ? '' : ', incomplete'}`
			)
		);
	}
	const details = [
		`First-visit files (query typed: ${visit.query}; first results at ${ms(visit.firstResultsMs)}):`,
		`  ${'gzip -9'.padStart(9)}  ${'raw'.padStart(10)}  ${'kind'.padEnd(8)} path`,
		...[...files].sort((a, b) => b.gzip - a.gzip).map(fileLine)
	];
	if (forbidden.length > 0) {
		details.push('Loaded on first visit but not needed by the first screen:');
		for (const f of forbidden) details.push(`  ${f.path}: ${f.what}`);
	}
	if (visit.foldDictionaries.length > 0) {
		const where = [...new Set(visit.foldDictionaries.map((d) => path.basename(d.path)))];
		details.push(
			`OpenCC tables on first visit are the character tables search folding imports ` +
				`(src/lib/text/fold.ts), in ${where.join(', ')}; no phrase table, no converter.`
		);
	}
	if (later.length > 0) {
		details.push('Requested by the page after its first results (not counted):');
		details.push(...later.map(fileLine));
	}
	return { title, rows, details };
}

function runs(values: readonly number[]): string {
	return values.length > 1 ? ` (runs ${values.map((v) => v.toFixed(0)).join(', ')})` : '';
}

export function loadSection(
	title: string,
	loads: { cold: Visit[]; warm: Visit[] },
	options: { ratioBudget: boolean }
): Section {
	const { cold, warm } = loads;
	const rows: Row[] = [];
	const details: string[] = [];
	const med = (vs: Visit[], f: (v: Visit) => number) => median(vs.map(f));
	const nav = (v: Visit) => v.firstResultsMs;
	const idx = (v: Visit) => v.indexMs;
	rows.push(row('cold: navigation → first results', ms(med(cold, nav)) + runs(cold.map(nav))));
	rows.push(row('cold: index-start → index-ready', ms(med(cold, idx)) + runs(cold.map(idx))));
	rows.push(row('warm: navigation → first results', ms(med(warm, nav)) + runs(warm.map(nav))));
	rows.push(row('warm: index-start → index-ready', ms(med(warm, idx)) + runs(warm.map(idx))));
	const ratio = med(warm, idx) / med(cold, idx);
	rows.push(
		row(
			'warm ÷ cold index readiness (medians)',
			`${ratio.toFixed(2)} (${(1 / ratio).toFixed(1)}× shorter)`,
			options.ratioBudget ? `≤ ${WARM_RATIO.toFixed(2)} (≥ 2× shorter)` : '',
			options.ratioBudget ? check(ratio <= WARM_RATIO) : ''
		)
	);
	const loaded = warm.filter((v) => v.source === 'loaded').length;
	const built = cold.filter((v) => v.source === 'built').length;
	rows.push(
		row(
			'index source: cold built, warm loaded',
			`built ${built}/${cold.length}, loaded ${loaded}/${warm.length}`,
			'all',
			check(loaded === warm.length && built === cold.length)
		)
	);
	const visits = [
		...cold.map((v, i) => ({ v, frames: v.longFrames, label: `cold run ${i + 1}` })),
		...warm.map((v, i) => ({ v, frames: v.longFrames, label: `warm run ${i + 1}` }))
	];
	// Tasks that began inside the interval belong to it; the one running when `index-start` was
	// marked is the app starting up, reported on its own line.
	const during = visits.flatMap(({ v, frames, label }) =>
		v.longTasksDuringIndex
			.filter((t) => t.start >= v.indexStartMs)
			.map((t) => ({ t, frames, label, v }))
	);
	const straddling = visits.flatMap(({ v, frames, label }) =>
		v.longTasksDuringIndex
			.filter((t) => t.start < v.indexStartMs)
			.map((t) => ({ t, frames, label, v }))
	);
	const longestDuring = max(during.map((d) => d.t.duration));
	rows.push(
		row(
			`main-thread tasks > ${LONG_TASK_MS} ms, index-start…index-ready`,
			during.length === 0
				? `none (${visits.length} visits)`
				: `${during.length} in ${visits.length} visits, longest ${ms(longestDuring)}`,
			`none > ${LONG_TASK_MS} ms`,
			check(during.every((d) => d.t.duration <= LONG_TASK_MS))
		)
	);
	if (straddling.length > 0) {
		rows.push(
			row(
				'  start-up task running at index-start',
				`${straddling.length} in ${visits.length} visits, longest ${ms(max(straddling.map((d) => d.t.duration)))}`
			)
		);
	}
	const whole = visits.flatMap(({ v }) => v.longTasksUntilResults);
	rows.push(
		row(
			'long tasks, navigation → first results (all)',
			whole.length === 0
				? 'none'
				: `${(whole.length / visits.length).toFixed(1)} per visit, longest ${ms(max(whole.map((t) => t.duration)))}`
		)
	);
	rows.push(
		row('query typed at (after navigation)', ms(med([...cold, ...warm], (v) => v.typedMs)))
	);
	const worker = (vs: Visit[], key: string) => median(vs.map((v) => v.workerMs[key] ?? NaN));
	rows.push(
		row(
			'worker, cold: fetch+parse corpus / make index',
			`${ms(worker(cold, 'fetch'))} / ${ms(worker(cold, 'index'))}`
		)
	);
	rows.push(
		row(
			'worker, warm: fetch+parse corpus / load index',
			`${ms(worker(warm, 'fetch'))} / ${ms(worker(warm, 'index'))}`
		)
	);
	rows.push(
		row(
			'worker, cold / warm: created → its script running',
			`${ms(worker(cold, 'boot'))} / ${ms(worker(warm, 'boot'))}`
		)
	);
	const stored = cold.map((v) => v.storedBytes ?? 0).filter((b) => b > 0);
	if (stored.length > 0) rows.push(row('storage used after saving the index', kib(median(stored))));
	const described = [...during, ...straddling];
	if (described.length > 0) {
		details.push('Long tasks in index-start…index-ready (from the Long Animation Frames API):');
		for (const { t, frames, label, v } of described) {
			const when = t.start < v.indexStartMs ? 'began before index-start' : 'during the index';
			details.push(
				`  ${label}: ${ms(t.duration)} at ${ms(t.start)} (${when}) — ${describeLongTask(t, frames)}`
			);
		}
	}
	const others = visits.flatMap(({ v, frames, label }) =>
		v.longTasksUntilResults
			.filter((t) => !v.longTasksDuringIndex.includes(t))
			.map(
				(t) => `  ${label}: ${ms(t.duration)} at ${ms(t.start)} — ${describeLongTask(t, frames)}`
			)
	);
	if (others.length > 0) details.push('Other long tasks before the first results:', ...others);
	return { title, rows, details };
}

export function typingSection(
	title: string,
	typing: TypingResult,
	profile?: TypingProfile
): Section {
	const k = typing.keystrokes;
	const work = k.map((x) => x.workMs);
	const workP95 = percentile(work, 95);
	// Event Timing reports only events of 16 ms or more: the others count as under 16.
	const events = k.map((x) => x.inputEventMs ?? 0);
	const eventCell = (p: number) => {
		const v = percentile(events, p);
		return v === 0 ? '< 16 ms' : ms(v);
	};
	const rows: Row[] = [
		row(
			'keystrokes measured',
			`${k.length} in ${typing.visits} visit(s) (${typing.superseded} superseded, ${typing.unanswered} unanswered)`,
			`≥ ${40 * typing.visits}`
		),
		row(
			'results render work (handle + frame)',
			p50p95(work),
			`p95 ≤ ${FRAME_MS.toFixed(1)} ms`,
			k.length === 0 ? 'FAIL' : check(workP95 <= FRAME_MS)
		),
		row('  answer handling (script, DOM updates)', p50p95(k.map((x) => x.handleMs))),
		row('  its frame: style, layout, paint', p50p95(k.map((x) => x.renderFrameMs))),
		row('results arrive → painted (wall clock)', p50p95(k.map((x) => x.renderMs))),
		row('  idle page: change → painted (baseline)', p50p95(typing.baseline)),
		row('keystroke → results painted', p50p95(k.map((x) => x.toPaintMs))),
		row('  of which worker round trip', p50p95(k.map((x) => x.workerMs))),
		row(
			'input event → next paint (Event Timing)',
			k.length === 0 ? '–' : `p50 ${eventCell(50)} · p95 ${eventCell(95)}`
		),
		row(
			'long tasks while typing (clearing included)',
			typing.longTasks.length === 0
				? 'none'
				: `${typing.longTasks.length}, longest ${ms(max(typing.longTasks.map((t) => t.duration)))}`
		)
	];
	const details = [
		`Typed one character every ${typing.delayMs} ms, the index ready. Held to the frame budget:`,
		'"results render work", the main-thread work that shows one keystroke\'s results — handling',
		"the worker's answer (the app's handler and the state and DOM updates it queues) plus the",
		'frame that paints them (its start to its paint). It must fit in one frame for the results to',
		'show in the next one. Not held to it: the wall clock from the answer to the paint, which',
		'adds the wait for the next frame slot (an idle page pays it too: see the baseline), and',
		'"keystroke → results", which adds the search in the worker and a message round trip, off',
		'the main thread.'
	];
	const slowest = [...k].sort((a, b) => b.workMs - a.workMs).slice(0, 5);
	if (slowest.length > 0) {
		details.push(
			'Slowest keystrokes (query so far: results; render work = handling + frame; wall clock):'
		);
		for (const x of slowest) {
			details.push(
				`  ${x.query}: ${x.total} results; ${ms(x.workMs)} = ${ms(x.handleMs)} + ` +
					`${ms(x.renderFrameMs)}; ${ms(x.renderMs)}` +
					(x.mutated ? '' : ' (results unchanged)')
			);
		}
	}
	for (const t of typing.longTasks) {
		details.push(`Long task while typing: ${ms(t.duration)} — ${t.what}`);
	}
	const chars = k.map((x) => x.answerChars ?? 0);
	if (chars.length > 0) {
		details.push(
			`Answers from the worker: median ${count(median(chars))} characters of JSON, ` +
				`largest ${count(max(chars))} (what the structured clone carries).`
		);
	}
	if (profile) {
		details.push(
			`The renderer's main thread while typing, by trace event (self time; ` +
				`${ms(profile.tracedMs)} in tasks in all, a separate visit under the profiler):`
		);
		for (const w of profile.work) {
			const share = ((w.selfMs / profile.tracedMs) * 100).toFixed(0);
			details.push(`  ${ms(w.selfMs).padStart(9)} ${share.padStart(3)}%  ${w.name}`);
		}
		details.push(
			`Where the main thread's time went while typing (V8 CPU profile of a separate visit, ` +
				`self time; ${ms(profile.busyMs)} busy in all):`
		);
		for (const f of profile.functions) {
			const share = ((f.selfMs / profile.busyMs) * 100).toFixed(0);
			details.push(
				`  ${ms(f.selfMs).padStart(9)} ${share.padStart(3)}%  ${f.name} ${f.where}` +
					(f.snippet ? `  ${f.snippet}` : '')
			);
		}
	}
	return { title, rows, details };
}

export function lighthouseSection(title: string, pages: readonly LighthousePage[]): Section {
	const rows: Row[] = [];
	const details: string[] = [];
	const labels = {
		performance: 'performance',
		accessibility: 'accessibility',
		'best-practices': 'best practices'
	} as const;
	for (const page of pages) {
		const { starved, allCounted } = page.counting;
		const mark = (run: LighthousePage['runs'][number]) =>
			starved.includes(run) && !allCounted ? '*' : '';
		for (const category of CATEGORIES) {
			const score = page.median.scores[category];
			const all = page.runs.map((r) => `${r.scores[category]}${mark(r)}`);
			const budget = LIGHTHOUSE_BUDGET[category];
			rows.push(
				row(
					`${page.name}: ${labels[category]}`,
					String(score) + (all.length > 1 ? ` (runs ${all.join(', ')})` : ''),
					budget === 100 ? '100' : `≥ ${budget}`,
					check(score >= budget)
				)
			);
		}
		if (starved.length > 0) {
			details.push(
				allCounted
					? `${page.name}: ${starved.length} run(s) on a starved CPU, all counted (fewer than three left otherwise).`
					: `${page.name}: * a run on a starved CPU, repeated and not counted ` +
							`(CPU index ${starved.map((r) => r.benchmarkIndex?.toFixed(0)).join(', ')}).`
			);
		}
		const below = CATEGORIES.filter((c) => page.median.scores[c] < LIGHTHOUSE_BUDGET[c]);
		const failing = page.median.failing.filter((a) => below.includes(a.category));
		if (failing.length > 0) {
			details.push(`${page.name} (${page.url}), audits below par in the median run:`);
			for (const a of failing) {
				const value = a.displayValue ? `, ${a.displayValue}` : '';
				details.push(`  ${a.category}: ${a.id} — ${a.title} (score ${a.score}${value})`);
			}
		}
	}
	const warnings = [...new Set(pages.flatMap((p) => p.runs.flatMap((r) => r.warnings)))];
	const reference = referenceIndex(pages.flatMap((p) => p.runs));
	details.push(
		`Lighthouse's CPU benchmark index on this machine: median ${reference.toFixed(0)} ` +
			'(its mobile preset simulates a 4× slower CPU on top of it). A run whose index was below ' +
			`half of it (${(STARVED_BELOW * reference).toFixed(0)}) was taken while the shared machine's CPU was starved: ` +
			'it is shown, repeated and left out of the median.'
	);
	for (const w of warnings) details.push(`Lighthouse warning: ${w.replace(/\s+/gu, ' ')}`);
	return { title, rows, details };
}

export interface ScaleFacts {
	chars: number;
	/** Known when the benchmark wrote the sources itself. */
	poems?: number;
	documents: number;
	passages: number;
	corpusBytes: number;
	buildSeconds?: number;
	site: SiteSize;
}

export function scaleCorpusSection(title: string, facts: ScaleFacts, visit: FirstVisit): Section {
	const corpus = visit.files.filter((f) => f.kind === 'corpus');
	const rest = visit.files.filter((f) => f.kind !== 'corpus');
	const sum = (fs: FetchedFile[], key: 'gzip' | 'bytes') => fs.reduce((n, f) => n + f[key], 0);
	const rows = [
		row(
			'corpus: characters / poems / documents / passages',
			[facts.chars, facts.poems, facts.documents, facts.passages]
				.map((n) => (n === undefined ? '–' : count(n)))
				.join(' / ')
		),
		row('corpus.json (raw)', kib(facts.corpusBytes)),
		row(
			'first visit → first results, gzip -9',
			`${kib(visit.gzip)} (raw ${kib(visit.bytes)})`,
			'reported (150 KiB is for the seed)'
		),
		row('  corpus JSON', `${kib(sum(corpus, 'gzip'))} (raw ${kib(sum(corpus, 'bytes'))})`),
		row('  everything else', `${kib(sum(rest, 'gzip'))} (raw ${kib(sum(rest, 'bytes'))})`),
		row(
			'chart.js, indicators page, OpenCC converter/phrases',
			visit.forbidden.length === 0 ? 'none loaded' : `${visit.forbidden.length} found`,
			'none on first visit',
			check(visit.forbidden.length === 0)
		),
		row(
			`whole site, what the service worker precaches (${count(facts.site.files)} files)`,
			`${kib(facts.site.gzip)} gzip (raw ${kib(facts.site.bytes)})`
		)
	];
	if (facts.buildSeconds !== undefined) {
		rows.push(row('sources + corpus build + site build', `${facts.buildSeconds.toFixed(0)} s`));
	}
	return { title, rows, details: [] };
}
