/** The benchmark's figures as tables, ratios and a targets check. */
import { ENGINE_LABELS, ENGINE_NAMES, type EngineName } from './engines';
import type { MemoryResult, QueryRow, TimingResult } from './protocol';
import { GZIP_LEVEL, median } from './stats';

export interface CorpusResult {
	label: string;
	description: string;
	/** Characters of source text (poem text, or the seed passages' text). */
	chars: number;
	/** The size asked for with `--chars`; null for the seed corpus. */
	requestedChars: number | null;
	documents: number;
	passages: number;
	poems?: number;
	/** `buildCorpus` over the poetry sources. */
	buildCorpusMs?: number;
	members?: string[];
	timing: TimingResult;
	memory: Record<EngineName, MemoryResult>;
}

export type Metric = 'build' | 'load' | 'raw' | 'gzip' | 'p50' | 'p95' | 'heap';
const METRICS: readonly Metric[] = ['build', 'load', 'raw', 'gzip', 'p50', 'p95', 'heap'];

export function metric(c: CorpusResult, engine: EngineName, m: Metric): number {
	const t = c.timing.engines[engine];
	switch (m) {
		case 'build':
			return median(t.buildMs);
		case 'load':
			return median(t.loadMs);
		case 'raw':
			return t.rawBytes;
		case 'gzip':
			return t.gzipBytes;
		case 'p50':
			return c.timing.latency[engine].p50;
		case 'p95':
			return c.timing.latency[engine].p95;
		case 'heap':
			return c.memory[engine].heapMB;
	}
}

const MIN_HEAP_MB = 0.1;

export type Ratios = Record<'flex-bigram' | 'scan', Record<Metric, number>>;

export function ratios(c: CorpusResult): Ratios {
	const of = (other: EngineName) =>
		Object.fromEntries(
			METRICS.map((m) => {
				const theirs = metric(c, other, m);
				// A heap delta this small is measurement noise (even negative): no ratio to speak of.
				const meaningful = m !== 'heap' || theirs >= MIN_HEAP_MB;
				return [m, meaningful ? metric(c, 'ours', m) / theirs : NaN];
			})
		) as Record<Metric, number>;
	return { 'flex-bigram': of('flex-bigram'), scan: of('scan') };
}

export interface TargetCheck {
	target: string;
	/** null: the corpus it applies to was not measured in this run. */
	pass: boolean | null;
	detail: string;
}

/** The targets: ours against FlexSearch's bigram index at 1M characters, and heap at 5M. */
export function checkTargets(results: readonly CorpusResult[]): TargetCheck[] {
	const checks: TargetCheck[] = [];
	const at1M = results.find((c) => c.requestedChars === 1_000_000);
	const at5M = results.find((c) => c.requestedChars === 5_000_000);
	const skip = (target: string, size: string) =>
		checks.push({ target, pass: null, detail: `no ${size} corpus in this run` });
	const oneM = [
		'1M: query p95 ≤ 2× FlexSearch bigram',
		'1M: query p95 < 1/3 of the scan',
		'1M: build ≤ 1.5× FlexSearch bigram',
		'1M: load ≥ 3× faster than our build',
		'1M: load ≤ 1.5× FlexSearch import',
		'1M: gzipped index ≤ FlexSearch bigram',
		'1M: recall 1.0 against the scan',
		'1M: zero false hits against the scan'
	];
	if (!at1M) {
		for (const t of oneM) skip(t, '1M');
	} else {
		const o = (m: Metric) => metric(at1M, 'ours', m);
		const f = (m: Metric) => metric(at1M, 'flex-bigram', m);
		const s = (m: Metric) => metric(at1M, 'scan', m);
		const acc = at1M.timing.accuracy.ours;
		const add = (target: string, pass: boolean, detail: string) =>
			checks.push({ target, pass, detail });
		add(oneM[0]!, o('p95') <= 2 * f('p95'), `${ms(o('p95'))} vs 2 × ${ms(f('p95'))}`);
		add(oneM[1]!, o('p95') < s('p95') / 3, `${ms(o('p95'))} vs ${ms(s('p95'))} / 3`);
		add(oneM[2]!, o('build') <= 1.5 * f('build'), `${ms(o('build'))} vs 1.5 × ${ms(f('build'))}`);
		add(oneM[3]!, o('load') * 3 <= o('build'), `${ms(o('load'))} vs ${ms(o('build'))} / 3`);
		add(oneM[4]!, o('load') <= 1.5 * f('load'), `${ms(o('load'))} vs 1.5 × ${ms(f('load'))}`);
		add(oneM[5]!, o('gzip') <= f('gzip'), `${bytes(o('gzip'))} vs ${bytes(f('gzip'))}`);
		add(oneM[6]!, acc.recall === 1, `${acc.correct} of ${at1M.timing.truth} matches found`);
		add(oneM[7]!, acc.falseHits === 0, `${acc.falseHits} false hits`);
	}
	const heapTarget = '5M: heap of our loaded index < 400 MB';
	if (!at5M) skip(heapTarget, '5M');
	else {
		const heap = at5M.memory.ours.heapMB;
		checks.push({ target: heapTarget, pass: heap < 400, detail: `${heap.toFixed(0)} MB` });
	}
	return checks;
}

export function ms(value: number): string {
	if (!Number.isFinite(value)) return '—';
	if (value >= 100) return `${value.toFixed(0)} ms`;
	if (value >= 10) return `${value.toFixed(1)} ms`;
	if (value >= 1) return `${value.toFixed(2)} ms`;
	return `${value.toFixed(3)} ms`;
}

export function bytes(value: number): string {
	if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(2)} MB`;
	return `${(value / 1024).toFixed(1)} KB`;
}

/** Deltas within ±0.05 MB are noise: shown as ≈0 rather than as a negative size. */
function megabytes(value: number, digits: number): string {
	return Math.abs(value) < 0.05 ? '≈0' : value.toFixed(digits);
}

function num(value: number): string {
	return value.toLocaleString('en-US');
}

function ratio(value: number): string {
	if (!Number.isFinite(value)) return '—';
	return value >= 10 ? `${value.toFixed(0)}×` : `${value.toFixed(2)}×`;
}

function table(header: string[], rows: string[][]): string[] {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) =>
		cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
	return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

function corpusReport(c: CorpusResult): string[] {
	const t = c.timing;
	const out: string[] = [];
	const extra = c.poems ? `, ${num(c.poems)} poems` : '';
	const built = c.buildCorpusMs ? `, buildCorpus ${ms(c.buildCorpusMs)}` : '';
	out.push(
		`■ ${c.label}: ${c.description} — ${num(c.chars)} characters${extra}, ` +
			`${num(c.documents)} documents, ${num(c.passages)} passages${built}`
	);
	const reps = (name: EngineName) => {
		const e = t.engines[name];
		return `build ×${e.buildMs.length}, load ×${e.loadMs.length}`;
	};
	out.push(
		`  medians of ${reps('ours')}; queries: ${t.queries.length} × ` +
			`${t.latency.ours.samples / Math.max(1, t.queries.length)} timed rounds per row`
	);
	const rows: string[][] = [];
	const accuracy = (name: EngineName): [string, string] => {
		if (name === 'scan') return ['(truth)', '—'];
		const a = t.accuracy[name];
		const share = a.matched === 0 ? 0 : (100 * a.falseHits) / a.matched;
		return [a.recall.toFixed(4), `${num(a.falseHits)} (${share.toFixed(1)}%)`];
	};
	for (const name of ENGINE_NAMES) {
		const e = t.engines[name];
		const m = c.memory[name];
		rows.push([
			name === 'ours' ? 'ours rankedPositions(q)' : ENGINE_LABELS[name],
			ms(median(e.buildMs)),
			ms(median(e.loadMs)),
			bytes(e.rawBytes),
			bytes(e.gzipBytes),
			ms(t.latency[name].p50),
			ms(t.latency[name].p95),
			megabytes(m.heapMB, 1),
			megabytes(m.rssMB, 0),
			...accuracy(name),
			e.roundTrip ? 'yes' : 'NO'
		]);
		if (name === 'ours') {
			const s = t.latency['ours-search20'];
			rows.push([
				'ours search(q, {limit: 20})',
				'',
				'',
				'',
				'',
				ms(s.p50),
				ms(s.p95),
				'',
				'',
				t.search20TotalsMatch ? 'total ok' : 'total WRONG',
				'',
				''
			]);
		}
	}
	out.push(
		...table(
			[
				'engine',
				'build',
				'load',
				'size',
				`gzip -${GZIP_LEVEL}`,
				'p50',
				'p95',
				'heap MB',
				'rss MB',
				'recall',
				'false hits',
				'round trip'
			],
			rows
		).map((l) => '  ' + l)
	);
	const r = ratios(c);
	const ratioRows = (['flex-bigram', 'scan'] as const).map((other) => [
		`ours / ${ENGINE_LABELS[other]}`,
		...METRICS.map((m) => ratio(r[other][m]))
	]);
	out.push('');
	out.push(...table(['ratio', ...METRICS], ratioRows).map((l) => '  ' + l));
	const bigramShare =
		t.bigramOnly + t.truth === 0 ? 0 : (100 * t.bigramOnly) / (t.bigramOnly + t.truth);
	out.push('');
	out.push(
		`  truth: ${num(t.truth)} matching passages over ${t.queries.length} queries. A bare bigram AND ` +
			`would add ${num(t.bigramOnly)} passages that hold every bigram but not the phrase ` +
			`(${bigramShare.toFixed(2)}% of its output);`
	);
	out.push(
		`  our bucketed bigram AND yields ${num(t.bucketOnly)} such candidates, all removed by ` +
			`confirmation on the folded text.`
	);
	const slow = [...t.queries]
		.sort((a, b) => b.medianMs.ours - a.medianMs.ours)
		.slice(0, 3)
		.map(
			(q) =>
				`${q.query} ${ms(q.medianMs.ours)} (${num(q.truth)} hits, ${num(q.bucketOnly)} confirmed away)`
		);
	out.push(`  slowest queries for ours (median): ${slow.join('; ')}`);
	return out;
}

export function formatReport(
	results: readonly CorpusResult[],
	targets: readonly TargetCheck[],
	header: string[]
): string {
	const out: string[] = [...header, ''];
	for (const c of results) out.push(...corpusReport(c), '');
	out.push('Notes: build includes folding the passage texts; load is from the serialized string');
	out.push(
		'(ours: SearchIndex.load, which folds a passage when a query first reaches it; FlexSearch: import; scan: JSON.parse ' +
			'of the stored search forms); heap is the heapUsed delta of a fresh process loading the index.'
	);
	const queryRowNote: Record<QueryRow, string> = {
		ours: 'all matches ranked',
		'ours-search20': 'top 20 with highlights and snippets',
		'flex-bigram': 'all ids, limit 1e9',
		'flex-cjk': 'all ids, limit 1e9',
		scan: 'all matches'
	};
	out.push(
		'Query rows: ' +
			Object.entries(queryRowNote)
				.map(([k, v]) => `${k} = ${v}`)
				.join('; ') +
			'. p50/p95 pool every query of every timed round.'
	);
	out.push(
		'FlexSearch answers a one-bigram query with its own posting array (unranked, corpus order, ' +
			'the same array on every call), so its p50 is a lookup; ours confirms and ranks every hit.'
	);
	out.push(
		"The recall column's `total ok`: search(q, {limit: 20}).total equals the scan's count for " +
			'every query.'
	);
	out.push('');
	out.push('Targets (ours vs FlexSearch bigram; ratios from this run):');
	for (const c of targets) {
		const status = c.pass === null ? 'SKIP' : c.pass ? 'PASS' : 'FAIL';
		out.push(`  ${status}  ${c.target}: ${c.detail}`);
	}
	return out.join('\n');
}
