/**
 * The first-visit byte budget, the one performance figure that is deterministic enough for CI:
 * what the page and its search worker fetch in a fresh profile until the first result of a typed
 * query is on screen, each response gzipped at level 9, at most 150 KiB (150 × 1024 bytes).
 * Counted the same way as `npm run bench:browser` (src/cli/bench-browser/first-visit.ts), with
 * the service worker blocked so that when it happens to install cannot change the count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	containsChartJs,
	FIRST_VISIT_BUDGET_BYTES,
	measureFirstVisit,
	type FirstVisit
} from '../src/cli/bench-browser/first-visit';
import { startApp, type App } from './support/app';
import { BUILD } from './support/builds';

let app: App;
let visit: FirstVisit;

beforeAll(async () => {
	app = await startApp();
	visit = await measureFirstVisit(app.browser, app.url, { serviceWorkers: 'block' });
});
afterAll(() => app?.close());

const listing = (v: FirstVisit) =>
	v.files
		.toSorted((a, b) => b.gzip - a.gzip)
		.map((f) => `${String(f.gzip).padStart(8)} B  ${f.path}`)
		.join('\n');

/** Every file under `dir` whose name ends with `ending`. */
function builtFiles(dir: string, ending: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name.endsWith(ending))
		.map((e) => path.join(e.parentPath, e.name));
}

describe('first visit, built site in Chromium', () => {
	it('counts the page and its search worker, corpus included', () => {
		const kinds = new Set(visit.files.map((f) => f.kind));
		expect(kinds).toContain('html');
		expect(kinds).toContain('worker');
		expect(kinds).toContain('corpus');
		expect(visit.files.every((f) => f.status === 200)).toBe(true);
	});

	it('fetches at most 150 KiB gzipped until the first results', () => {
		expect(
			visit.gzip,
			`first visit is ${visit.gzip} B gzip -9, over the budget of ${FIRST_VISIT_BUDGET_BYTES} B ` +
				`(150 KiB):\n${listing(visit)}`
		).toBeLessThanOrEqual(FIRST_VISIT_BUDGET_BYTES);
	});

	it('loads no chart.js, indicators page code, OpenCC converter or phrase table', () => {
		// The markers must find chart.js where it is, or their absence proves nothing.
		const chartFiles = builtFiles(path.join(BUILD, '_app'), '.js').filter((file) =>
			containsChartJs(fs.readFileSync(file, 'utf8'))
		);
		expect(chartFiles.length).toBeGreaterThan(0);
		const loaded = new Set(visit.files.map((f) => path.basename(f.path)));
		expect(chartFiles.map((f) => path.basename(f)).filter((f) => loaded.has(f))).toEqual([]);
		expect(
			visit.forbidden,
			`loaded on first visit but not needed by the first screen:\n${listing(visit)}`
		).toEqual([]);
	});
});

describe('prerendered pages', () => {
	it('carry their styles inline: no stylesheet for the first paint to wait for', () => {
		const pages = builtFiles(BUILD, '.html');
		expect(pages.length).toBeGreaterThan(3);
		// SvelteKit inlines a page's stylesheet under `inlineStyleThreshold` and leaves a disabled
		// link for it; an enabled one is a request the first paint waits for.
		const blocking = pages.flatMap((page) =>
			[...fs.readFileSync(page, 'utf8').matchAll(/<link\b[^>]*>/gu)]
				.map((m) => m[0])
				.filter((link) => /rel="stylesheet"/u.test(link) && !/\bdisabled\b/u.test(link))
				.map((link) => `${path.relative(BUILD, page)}: ${link}`)
		);
		expect(blocking).toEqual([]);
	});
});
