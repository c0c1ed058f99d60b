/**
 * The indicators page on the built site: every chart drawn with its data table, a bar opens its
 * passage with the number marked, CSV and PNG downloads, shared links, search results, language,
 * colour scheme, resizing without leaking Chart.js instances, a sub-path, a phone, offline.
 * Screenshots of every chart go to /tmp/indicators-*.png for people to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { freshContext, watch } from './support/browser';
import {
	cspViolations,
	recordCspViolations,
	resultTexts,
	waitForIndex,
	waitForOffline
} from './support/page-helpers';

interface Record {
	id: string;
	value: number;
	unit: string;
	qualifier: string | null;
	label: string;
	quote: string;
	passageId: string;
	docId: string;
	at: [number, number];
	level: string | null;
	repeatOf: string | null;
}

const indicators = (
	JSON.parse(
		fs.readFileSync(path.resolve(import.meta.dirname, '../corpus/indicators.json'), 'utf8')
	) as { indicators: Record[] }
).indicators;
const byId = new Map(indicators.map((i) => [i.id, i]));
const SHOTS = '/tmp';
const READY_VIEWS = ['levels', 'network', 'henan', 'scale'] as const;

let app: App;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

/** Waits until every chart panel on the page has drawn its bars. */
async function chartsDrawn(page: Page): Promise<number> {
	await page.waitForSelector('figure.indicator-chart canvas[data-points]', { timeout: 20_000 });
	await expect
		.poll(() =>
			page.evaluate(() =>
				[...document.querySelectorAll('figure.indicator-chart canvas')].every(
					(c) => (c as HTMLCanvasElement).dataset.points
				)
			)
		)
		.toBe(true);
	return page.locator('figure.indicator-chart canvas').count();
}

/** The table below the chart, as a reader finds it on scrolling down: it is drawn once near. */
async function scrollToTable(page: Page): Promise<void> {
	await page.locator('footer').scrollIntoViewIfNeeded();
	await page.locator('.indicator-table tbody tr').first().waitFor();
}

/** Resolves once the page has begun `count` more animation frames. */
async function afterFrames(page: Page, count: number): Promise<void> {
	await page.evaluate(
		(n) =>
			new Promise<void>((done) => {
				const next = () => (--n === 0 ? done() : requestAnimationFrame(next));
				requestAnimationFrame(next);
			}),
		count
	);
}

/** Chart.js instances alive, as the chart wrapper reports them. */
function liveCharts(page: Page): Promise<number> {
	return page.evaluate(() => Number(document.documentElement.dataset.chartInstances ?? 0));
}

/** Ids of the rows of every chart data table, in order. */
function chartRows(page: Page): Promise<string[]> {
	return page
		.locator('figure.indicator-chart .data-table tbody tr')
		.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id ?? ''));
}

/** Clicks (or taps) the bar of an indicator where a reader would: its middle. */
async function clickBar(page: Page, id: string, how: 'click' | 'tap' = 'click'): Promise<void> {
	const canvases = page.locator('figure.indicator-chart canvas');
	for (let n = 0; n < (await canvases.count()); n++) {
		const canvas = canvases.nth(n);
		const points = JSON.parse((await canvas.getAttribute('data-points')) ?? '[]') as {
			id: string;
			x: number;
			y: number;
		}[];
		const point = points.find((p) => p.id === id);
		if (!point) continue;
		await canvas.scrollIntoViewIfNeeded();
		if (how === 'tap') await canvas.tap({ position: { x: point.x, y: point.y } });
		else await canvas.click({ position: { x: point.x, y: point.y } });
		return;
	}
	throw new Error(`no bar for ${id}`);
}

/** Points the mouse at a bar of the first chart and waits for the pointer cursor. */
async function hoverBar(page: Page, id: string): Promise<{ x: number; y: number }> {
	const canvas = page.locator('figure.indicator-chart canvas').first();
	const points = JSON.parse((await canvas.getAttribute('data-points'))!) as {
		id: string;
		x: number;
		y: number;
	}[];
	const bar = points.find((p) => p.id === id)!;
	await canvas.hover({ position: { x: bar.x, y: bar.y } });
	await expect.poll(() => canvas.evaluate((c) => (c as HTMLElement).style.cursor)).toBe('pointer');
	return bar;
}

/** The reader's link to a passage with the figure marked, as `markedPassageHref` makes it. */
function passageLink(root: string, i: Record): string {
	const mark = new URLSearchParams({ mark: `${i.passageId}:${i.at[0]}-${i.at[1]}` });
	return `${root}doc/${i.docId}?${mark}#p-${i.passageId}`;
}

function written(i: Record): string {
	return `${i.value}${i.unit}`;
}

describe('indicators page, built site in Chromium', () => {
	it('is in the main navigation and lists every indicator, each linked to its passage', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(app.url);
		await page
			.getByRole('navigation', { name: '主导航' })
			.getByRole('link', { name: '指标' })
			.click();
		await page.waitForURL(/\/indicators$/u);
		await chartsDrawn(page);
		await scrollToTable(page);
		const rows = page.locator('.indicator-table tbody tr');
		// The first rows only, until asked for the rest.
		await expect.poll(() => rows.count()).toBe(20);
		await page.getByRole('button', { name: '再显示 20 行' }).click();
		expect(await rows.count()).toBe(40);
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.dataset.id))
			.toBe(indicators[20]!.id);
		await page.getByRole('button', { name: `显示全部 ${indicators.length} 行` }).click();
		expect(await rows.count()).toBe(indicators.length);
		expect(await page.getByRole('button', { name: /再显示/u }).count()).toBe(0);
		const hrefs = await page
			.locator('.indicator-table tbody td.value a')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs).toHaveLength(indicators.length);
		for (const [n, href] of hrefs.entries()) {
			expect(href).toBe(passageLink('/', indicators[n]!));
		}
		// Qualifiers stay with their numbers.
		expect(await page.locator('.indicator-table tbody td.value').allInnerTexts()).toContain(
			'近90%'
		);
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('draws every ready-made chart with a data table, title and source line', async () => {
		const context = await freshContext(app.browser, { viewport: { width: 1200, height: 900 } });
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${app.url}indicators`);
		for (const view of READY_VIEWS) {
			await page.locator('nav.views a').nth(READY_VIEWS.indexOf(view)).click();
			if (view !== 'levels') await page.waitForURL(new RegExp(`chart=${view}`, 'u'));
			const canvases = await chartsDrawn(page);
			expect(canvases, view).toBeGreaterThan(0);
			expect(await liveCharts(page), view).toBe(canvases);
			const rows = await chartRows(page);
			expect(rows.length, view).toBeGreaterThan(0);
			// Charted once: no restatement among the rows.
			expect(
				rows.every((id) => byId.get(id)?.repeatOf === null),
				view
			).toBe(true);
			expect(await page.locator('figure.indicator-chart h2').innerText()).not.toBe('');
			expect(await page.locator('figure.indicator-chart .source').innerText()).toMatch(/^来源：/u);
			await page.waitForTimeout(100);
			await page
				.locator('figure.indicator-chart')
				.screenshot({ path: path.join(SHOTS, `indicators-${view}.png`) });
		}
		// The level comparison: 省 → 市 → 县 within a statement, the hedge kept.
		await page.locator('nav.views a').first().click();
		await chartsDrawn(page);
		const cells = await page
			.locator('figure.indicator-chart .data-table tbody tr')
			.evaluateAll((rows) =>
				rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((c) => c.textContent?.trim()))
			);
		const statement = cells
			.filter(([, level]) => level)
			.map(([value, level]) => `${level}${value}`);
		expect(statement).toEqual(
			expect.arrayContaining(['市级90%以上', '县级80%以上', '省级75%以上', '市级60%', '县级40%'])
		);
		const at = (s: string) => statement.indexOf(s);
		expect(at('省级75%以上')).toBeLessThan(at('市级60%'));
		expect(at('市级60%')).toBeLessThan(at('县级40%'));
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('opens the source passage of a clicked bar with the number marked', async () => {
		const context = await freshContext(app.browser, { viewport: { width: 1200, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${app.url}indicators?chart=network`);
		await chartsDrawn(page);
		const target = byId.get('p8mjmx20c@199')!; // 1918个县, on a log axis
		await clickBar(page, target.id);
		await page.waitForURL(/\/doc\//u);
		const url = new URL(page.url());
		expect(url.pathname).toBe(`/doc/${target.docId}`);
		expect(url.searchParams.get('mark')).toBe(
			`${target.passageId}:${target.at[0]}-${target.at[1]}`
		);
		expect(url.hash).toBe(`#p-${target.passageId}`);
		await expect
			.poll(() => page.locator(`#p-${target.passageId} mark`).allInnerTexts())
			.toEqual([written(target)]);

		// A hedged figure: the mark is the number the hedge qualifies.
		await page.goto(`${app.url}indicators?chart=levels`);
		await chartsDrawn(page);
		const hedged = byId.get('pgkcgbdeh@166')!; // 75%以上
		await clickBar(page, hedged.id);
		await page.waitForURL(/\/doc\//u);
		await expect
			.poll(() => page.locator(`#p-${hedged.passageId} mark`).allInnerTexts())
			.toEqual(['75%']);
		await context.close();
	});

	it('shows a tooltip on hover (screenshot) and a pointer over bars', async () => {
		const context = await freshContext(app.browser, { viewport: { width: 1200, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${app.url}indicators?chart=levels`);
		await chartsDrawn(page);
		await hoverBar(page, 'pptx76jn8@51'); // 90%以上
		await page.waitForTimeout(150);
		await page
			.locator('figure.indicator-chart .canvas-box')
			.first()
			.screenshot({ path: path.join(SHOTS, 'indicators-tooltip.png') });
		await context.close();
	});

	it('draws in the chart worker, and on the page where a canvas cannot be handed over', async () => {
		const chartWorkers = (page: Page) =>
			page.workers().filter((w) => /chart\.worker/u.test(w.url())).length;
		for (const handOver of [true, false]) {
			const context = await freshContext(app.browser, { viewport: { width: 1200, height: 900 } });
			if (!handOver) {
				await context.addInitScript(() => {
					delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>)
						.transferControlToOffscreen;
				});
			}
			const page = await context.newPage();
			const problems = watch(page);
			await page.goto(`${app.url}indicators?chart=levels`);
			const canvases = await chartsDrawn(page);
			expect(chartWorkers(page), `handed over: ${handOver}`).toBe(handOver ? 1 : 0);
			await expect.poll(() => liveCharts(page)).toBe(canvases);
			const bar = await hoverBar(page, 'pptx76jn8@51'); // 90%以上
			await page
				.locator('figure.indicator-chart canvas')
				.first()
				.click({ position: { x: bar.x, y: bar.y } });
			await page.waitForURL(/\/doc\//u);
			expect(new URL(page.url()).hash).toBe(`#p-${byId.get('pptx76jn8@51')!.passageId}`);
			expect(problems.errors).toEqual([]);
			await context.close();
		}
	});

	it('says so when a chart cannot be drawn, and keeps its data table', async () => {
		const context = await freshContext(app.browser, { viewport: { width: 1200, height: 900 } });
		await context.addInitScript(() => {
			const NativeWorker = window.Worker;
			window.Worker = class extends NativeWorker {
				constructor(url: string | URL, options?: WorkerOptions) {
					if (String(url).includes('chart.worker'))
						throw new DOMException('refused', 'SecurityError');
					super(url, options);
				}
			};
		});
		const page = await context.newPage();
		await page.goto(`${app.url}indicators?chart=levels`);
		await expect
			.poll(() => page.locator('figure.indicator-chart .failed').allTextContents())
			.toEqual(['这幅图未能画出，数字见下方的数据表。']);
		await expect
			.poll(() => page.locator('figure.indicator-chart .data-table tbody tr').count())
			.toBe(10);
		await context.close();
	});

	it('says so when Chart.js cannot be downloaded for a chart drawn on the page', async () => {
		// Everything the page loads up front is named in its HTML; Chart.js and the chart
		// configuration, fetched later for the on-page fallback, are not: those requests fail.
		const html = await (await fetch(`${app.url}indicators`)).text();
		const upFront = new Set(
			[...html.matchAll(/href="([^"]+\.js)"/gu)].map((m) => new URL(m[1]!, app.url).pathname)
		);
		const context = await freshContext(app.browser, { viewport: { width: 1200, height: 900 } });
		await context.addInitScript(() => {
			delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
		});
		const refused: string[] = [];
		await context.route('**/_app/immutable/chunks/*.js', (route) => {
			const { pathname } = new URL(route.request().url());
			if (upFront.has(pathname)) return route.continue();
			refused.push(pathname);
			return route.abort();
		});
		const page = await context.newPage();
		await page.goto(`${app.url}indicators?chart=levels`);
		await expect
			.poll(() => page.locator('figure.indicator-chart .failed').allTextContents())
			.toEqual(['这幅图未能画出，数字见下方的数据表。']);
		expect(refused.length).toBeGreaterThan(0);
		await page.locator('figure.indicator-chart .data-table').first().scrollIntoViewIfNeeded();
		await expect
			.poll(() => page.locator('figure.indicator-chart .data-table tbody tr').count())
			.toBe(10);
		await context.close();
	});

	it('draws the chart after the first paint without moving what is on screen, tables once near', async () => {
		const context = await freshContext(app.browser, { viewport: { width: 390, height: 700 } });
		const page = await context.newPage();
		const html = await (await fetch(`${app.url}indicators`)).text();
		expect(html).toContain('<h1');
		expect(html).not.toContain('<figure class="indicator-chart');
		expect(html).not.toContain('<section class="indicator-table');
		await page.addInitScript(() => {
			const shifts: number[] = [];
			Object.assign(window, { __shifts: shifts });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					shifts.push((entry as unknown as { value: number }).value);
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto(`${app.url}indicators`);
		await chartsDrawn(page);
		// Two frames later, nothing below the chart has been drawn: it is all off screen.
		await afterFrames(page, 2);
		const chartRows = page.locator('figure.indicator-chart .data-table tbody tr');
		expect(await chartRows.count()).toBe(0);
		expect(await page.locator('.indicator-table').count()).toBe(0);
		expect(
			await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)
		).toEqual([]);
		await page.locator('figure.indicator-chart .data-table').first().scrollIntoViewIfNeeded();
		await expect.poll(() => chartRows.count()).toBe(10);
		await scrollToTable(page);
		await expect.poll(() => page.locator('.indicator-table tbody tr').count()).toBe(20);
		await context.close();
	});

	it('draws the table below the chart only once the reader comes near it, on a phone too', async () => {
		// On a phone the chart's first data table starts just below the first screen, near enough for
		// its rows to be drawn at once; once they are, the table below sits far down. Looked at
		// before those rows were there, it seemed near as well and was drawn while the page loaded.
		const context = await freshContext(app.browser, {
			viewport: { width: 412, height: 823 },
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		await page.goto(`${app.url}indicators`);
		await chartsDrawn(page);
		await expect
			.poll(() => page.locator('figure.indicator-chart .data-table tbody tr').count())
			.toBe(10);
		await afterFrames(page, 4);
		expect(await page.locator('.table-to-come').count()).toBe(1);
		expect(await page.locator('.indicator-table').count()).toBe(0);
		await scrollToTable(page);
		await expect.poll(() => page.locator('.indicator-table tbody tr').count()).toBe(20);
		await context.close();
	});

	it('shows the chart in the first paint of a page that waits for its language', async () => {
		// An English page is held unpainted until it has hydrated (app.html's locale gate): there is
		// no earlier paint to keep short, so the chart comes with it instead of two frames later.
		const context = await freshContext(app.browser, { locale: 'en-US' });
		const page = await context.newPage();
		const problems = watch(page);
		await page.addInitScript(() => {
			// The init script runs before <html> exists: watch the whole document for the attribute.
			new MutationObserver((records, observer) => {
				if (!records.some((r) => r.oldValue !== null)) return;
				observer.disconnect();
				Object.assign(window, {
					__chartAtReveal: document.querySelector('figure.indicator-chart') !== null
				});
			}).observe(document, {
				subtree: true,
				attributeFilter: ['data-locale-pending'],
				attributeOldValue: true
			});
		});
		await page.goto(`${app.url}indicators`);
		await chartsDrawn(page);
		expect(
			await page.evaluate(() => (window as { __chartAtReveal?: boolean }).__chartAtReveal)
		).toBe(true);
		expect(await page.locator('h1').innerText()).toBe('Indicators');
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('downloads the chart data as CSV, with the quoted sentence, and the chart as PNG', async () => {
		const context = await freshContext(app.browser, {
			viewport: { width: 1200, height: 900 },
			acceptDownloads: true
		});
		const page = await context.newPage();
		await page.goto(`${app.url}indicators?chart=levels`);
		await chartsDrawn(page);
		const rows = await chartRows(page);

		const [csvDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '下载数据（CSV）' }).click()
		]);
		expect(csvDownload.suggestedFilename()).toBe('nianjian-levels.csv');
		const csv = fs.readFileSync((await csvDownload.path())!, 'utf8');
		expect(csv.startsWith('\uFEFF指标,数值,单位,限定词,原文写法')).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines).toHaveLength(rows.length + 1);
		const first = byId.get(rows[0]!)!;
		// The quote as the reader shows it (full-width punctuation between Chinese characters).
		const sentence = '中国电子政务年鉴显示，近十年来，中央国家机关各单位都建成了局域网';
		expect(csv).toContain(sentence);
		expect(csv).toContain(`,${passageLink(app.url, first)},`);
		expect(csv).toContain(',90,%,以上,90%以上,');

		const [pngDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '下载图片（PNG）' }).click()
		]);
		expect(pngDownload.suggestedFilename()).toBe('nianjian-levels.png');
		const png = fs.readFileSync((await pngDownload.path())!);
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect(png.length).toBeGreaterThan(20_000);
		fs.writeFileSync(path.join(SHOTS, 'indicators-levels-download.png'), png);
		await context.close();
	});

	it('charts ticked rows, units apart, and restores the chart from its link', async () => {
		const context = await freshContext(app.browser, { viewport: { width: 1200, height: 900 } });
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${app.url}indicators`);
		await chartsDrawn(page);
		const picks = ['p8mjmx20c@220', 'p8mjmx20c@199', 'pfvubp7u4@138', 'pwab1d28n@81'];
		await page.getByRole('button', { name: /显示全部/u }).click();
		for (const id of picks)
			await page.locator(`tr[data-id="${id}"] input[type="checkbox"]`).check();
		await page.getByRole('button', { name: '图示所选' }).click();
		await page.waitForURL(/chart=selection/u);
		expect(await chartsDrawn(page)).toBe(3); // %, 个, 条: never two units on one axis
		expect((await chartRows(page)).sort()).toEqual([...picks].sort());
		const shared = page.url();
		expect(shared).toContain(`ids=${picks.join(',')}`);
		await page
			.locator('figure.indicator-chart')
			.screenshot({ path: path.join(SHOTS, 'indicators-selection.png') });

		const other = await freshContext(app.browser, { viewport: { width: 1200, height: 900 } });
		const second = await other.newPage();
		await second.goto(shared);
		expect(await chartsDrawn(second)).toBe(3);
		expect(await chartRows(second)).toEqual(await chartRows(page));
		expect(await second.locator('nav.views a[aria-current="true"]').innerText()).toBe('所选（4）');
		expect(problems.errors).toEqual([]);
		await other.close();
		await context.close();
	});

	it('restores a shared table order and filter', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.url}indicators`);
		await chartsDrawn(page);
		await scrollToTable(page);
		await page.getByRole('button', { name: '按数值排序' }).click();
		await page.getByRole('button', { name: '按数值排序' }).click();
		await page.locator('.filters select').first().selectOption('县');
		await expect.poll(() => page.url()).toContain('level=');
		const order = await page
			.locator('.indicator-table tbody tr')
			.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
		expect(order.length).toBeGreaterThan(0);
		expect(order.every((id) => byId.get(id!)?.level === '县')).toBe(true);
		const second = await context.newPage();
		await second.goto(page.url());
		await chartsDrawn(second);
		await scrollToTable(second);
		await expect
			.poll(() =>
				second
					.locator('.indicator-table tbody tr')
					.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id))
			)
			.toEqual(order);
		expect(await second.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
		await context.close();
	});

	it('charts the indicators in the passages a search finds, as the search page finds them', async () => {
		const context = await freshContext(app.browser, { viewport: { width: 1200, height: 900 } });
		const page = await context.newPage();
		const problems = watch(page);
		const query = '河南';
		await page.goto(`${app.url}?q=${encodeURIComponent(query)}`);
		await waitForIndex(page);
		await resultTexts(page);
		const total = Number(
			(await page.getByTestId('result-count').innerText()).match(/\d+/u)?.[0] ?? NaN
		);
		await page
			.getByRole('link', { name: /图示|chart/iu })
			.first()
			.click();
		await page.waitForURL(/\/indicators\?q=/u);
		await chartsDrawn(page);
		const status = await page.getByTestId('search-status').innerText();
		// 「7 个匹配段落中有 12 个数字」: passages first, then figures.
		const [passages, count] = (status.match(/\d+/gu) ?? []).map(Number);
		expect(passages).toBe(total);
		const rows = await chartRows(page);
		expect(rows.length).toBe(count);
		expect(rows.length).toBeGreaterThan(0);
		// Every charted figure comes from a passage that says 河南.
		const docs = new Set(rows.map((id) => byId.get(id)!.docId));
		expect([...docs]).toEqual(['004_d5c1c3bf905c2393']);
		await page
			.locator('figure.indicator-chart')
			.screenshot({ path: path.join(SHOTS, 'indicators-search.png') });

		// The same link opened fresh, before any search has run in that tab.
		const fresh = await freshContext(app.browser);
		const direct = await fresh.newPage();
		await direct.goto(page.url());
		await chartsDrawn(direct);
		expect(await chartRows(direct)).toEqual(rows);
		// Back on the search page the results are as they were: the first page of them.
		await page.goBack();
		await page.waitForURL(/\?q=/u);
		await expect.poll(() => page.locator('.results li.result').count()).toBe(Math.min(total, 20));
		expect(problems.errors).toEqual([]);
		await fresh.close();
		await context.close();
	});

	it('follows language and colour scheme, redraws on resize, and never leaks a chart', async () => {
		const context = await freshContext(app.browser, { viewport: { width: 1200, height: 900 } });
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${app.url}indicators?chart=scale`);
		let canvases = await chartsDrawn(page);
		const pixels = () =>
			page
				.locator('figure.indicator-chart canvas')
				.first()
				.evaluate((c) => (c as HTMLCanvasElement).toDataURL());

		const light = await pixels();
		await page.emulateMedia({ colorScheme: 'dark' });
		await expect.poll(pixels).not.toBe(light);
		await page
			.locator('figure.indicator-chart')
			.screenshot({ path: path.join(SHOTS, 'indicators-scale-dark.png') });
		await page.emulateMedia({ colorScheme: 'light' });

		const zh = await pixels();
		await page.locator('header select').selectOption('en');
		await expect
			.poll(() => page.locator('figure.indicator-chart h2').innerText())
			.toBe('Connected departments and data volumes');
		await expect.poll(pixels).not.toBe(zh);
		expect(await liveCharts(page)).toBe(canvases);

		const width = () =>
			page
				.locator('figure.indicator-chart canvas')
				.first()
				.evaluate((c) => c.clientWidth);
		let previous = await width();
		for (const size of [
			{ width: 700, height: 800 },
			{ width: 390, height: 844 },
			{ width: 1200, height: 900 }
		]) {
			await page.setViewportSize(size);
			await expect.poll(width).not.toBe(previous);
			previous = await width();
			expect(previous).toBeLessThan(size.width);
			expect(await liveCharts(page)).toBe(canvases);
		}

		for (const view of ['levels', 'network', 'henan', 'scale', 'levels', 'network']) {
			await page.goto(`${app.url}indicators?chart=${view}`);
			canvases = await chartsDrawn(page);
			expect(await liveCharts(page), view).toBe(canvases);
		}
		// Views switched in place, without reloading the page.
		for (let n = 0; n < 4; n++) {
			await page.locator('nav.views a').nth(n).click();
			canvases = await chartsDrawn(page);
			await expect.poll(() => liveCharts(page)).toBe(canvases);
		}
		// Leaving the page destroys them all.
		await page.getByRole('link', { name: 'Search', exact: true }).click();
		await page.waitForURL((url) => !url.pathname.includes('indicators'));
		await expect.poll(() => liveCharts(page)).toBe(0);
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('passes axe and raises no CSP violation', async () => {
		const context = await freshContext(app.browser);
		await recordCspViolations(context);
		const page = await context.newPage();
		for (const view of ['levels', 'scale']) {
			await page.goto(`${app.url}indicators?chart=${view}`);
			await chartsDrawn(page);
			// With every table drawn, so axe sees them too.
			await scrollToTable(page);
			const { violations } = await new AxeBuilder({ page }).analyze();
			const bad = violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			expect(bad, view).toEqual([]);
			expect(await cspViolations(page), view).toEqual([]);
		}
		await context.close();
	});
});

describe('indicators page under BASE_PATH, on a phone, offline', () => {
	let base: App;
	beforeAll(async () => {
		base = await startApp({ base: true });
	});
	afterAll(() => base?.close());

	it('works under /nianjian at phone width, and offline after a visit', async () => {
		const context = await freshContext(base.browser, {
			viewport: { width: 390, height: 844 },
			deviceScaleFactor: 2,
			hasTouch: true
		});
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(base.url);
		await waitForIndex(page);
		await page.getByRole('link', { name: '指标' }).click();
		await page.waitForURL(/\/nianjian\/indicators$/u);
		await chartsDrawn(page);
		// Nothing wider than the phone.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		await page.screenshot({ path: path.join(SHOTS, 'indicators-phone.png') });
		await page
			.locator('figure.indicator-chart')
			.screenshot({ path: path.join(SHOTS, 'indicators-phone-levels.png') });
		// Its rows are drawn once the table nears the screen; it is no wider than the phone either.
		await scrollToTable(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		const href = await page
			.locator('.indicator-table tbody td.value a')
			.first()
			.getAttribute('href');
		expect(href?.startsWith('/nianjian/doc/')).toBe(true);

		await waitForOffline(page);
		await context.setOffline(true);
		base.server.setOnline(false);
		try {
			await page.goto(`${base.url}indicators?chart=henan`);
			expect(await chartsDrawn(page)).toBeGreaterThan(0);
			const target = byId.get('pxhcl3odr@47')!; // 99% of provincial departments
			// A finger has no hover: the first tap shows the tooltip, the second opens the passage.
			await clickBar(page, target.id, 'tap');
			await page.waitForTimeout(300);
			expect(page.url()).toContain('/indicators');
			await page.screenshot({ path: path.join(SHOTS, 'indicators-phone-tap.png') });
			await clickBar(page, target.id, 'tap');
			await page.waitForURL(/\/nianjian\/doc\//u);
			await expect
				.poll(() => page.locator(`#p-${target.passageId} mark`).allInnerTexts())
				.toEqual(['99%']);
		} finally {
			base.server.setOnline(true);
			await context.setOffline(false);
		}
		expect(
			problems.errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch/u.test(e))
		).toEqual([]);
		await context.close();
	});
});
