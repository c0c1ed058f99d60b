/**
 * The stored search index: reused when it fits, rebuilt when it does not, and search keeps
 * working whatever happens to IndexedDB.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { freshContext, watch } from './support/browser';
import {
	HANGING_INDEXED_DB,
	NO_INDEXED_DB,
	patchSearchWorker,
	resultTexts,
	searchFor,
	waitForIndex,
	waitForIndexSaved
} from './support/page-helpers';

let app: App;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

/** The stored index record, read straight from IndexedDB. */
function storedIndex(page: Page) {
	return page.evaluate(
		() =>
			new Promise<{ format: Record<string, unknown>; data: string } | null>((resolve, reject) => {
				const open = indexedDB.open('nianjian-index-cache');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('indexes')) return resolve(null);
					const get = db.transaction('indexes').objectStore('indexes').get('current');
					get.onsuccess = () => {
						resolve(get.result ?? null);
						db.close();
					};
				};
			})
	);
}

function writeStoredIndex(page: Page, record: unknown) {
	return page.evaluate(
		(value) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('nianjian-index-cache');
				open.onsuccess = () => {
					const tx = open.result.transaction('indexes', 'readwrite');
					tx.objectStore('indexes').put(value, 'current');
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		record
	);
}

async function indexReadyDetail(page: Page) {
	return page.evaluate(() => {
		const mark = performance.getEntriesByName('index-ready')[0] as PerformanceMark | undefined;
		const start = performance.getEntriesByName('index-start')[0];
		const detail = mark?.detail as { source?: string; ms?: Record<string, number> } | undefined;
		return { ...detail, took: mark && start ? mark.startTime - start.startTime : NaN };
	});
}

async function expectSearchWorks(page: Page) {
	await searchFor(page, '云计算');
	expect((await resultTexts(page)).some((t) => t.includes('云计算'))).toBe(true);
}

describe('stored index', () => {
	it('is built on the first visit, saved, and loaded instead of rebuilt on the next', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(app.url);
		expect(await waitForIndex(page)).toBe('built');
		await waitForIndexSaved(page);
		expect((await storedIndex(page))?.format.engine).toBe('nianjian-search');
		await page.reload();
		expect(await waitForIndex(page)).toBe('loaded');
		const detail = await indexReadyDetail(page);
		expect(detail.source).toBe('loaded');
		// Where the time went, for DevTools and the benchmark: the worker's start is part of it.
		for (const key of ['fetch', 'open', 'read', 'index', 'boot']) {
			expect(detail.ms?.[key], key).toBeGreaterThanOrEqual(0);
		}
		expect(detail.ms!.boot).toBeLessThan(detail.took);
		expect(await page.locator('[role="status"]').first().innerText()).toMatch(/从本机载入/u);
		await expectSearchWorks(page);
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('is made ready by the worker without waiting for a message from the page', async () => {
		// A message would wait for the page's main thread, which is busy hydrating then.
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const requested: string[] = [];
		page.on('request', (request) => requested.push(request.url()));
		await page.goto(app.url);
		await waitForIndex(page);
		const find = (pattern: RegExp) => requested.find((url) => pattern.test(url))!;
		const urls = { worker: find(/search\.worker/u), corpus: find(/corpus\.[\w-]+\.json/u) };
		const event = await page.evaluate(({ worker: workerUrl, corpus }) => {
			const worker = new Worker(workerUrl, { type: 'module', name: corpus });
			return new Promise<unknown>((resolve) => {
				worker.onmessage = (message: MessageEvent<{ type: string }>) => {
					if (message.data.type === 'ready' || message.data.type === 'failed') {
						resolve(message.data);
						worker.terminate();
					}
				};
				setTimeout(() => resolve('no answer within 10 s'), 10_000);
			});
		}, urls);
		expect(event).toMatchObject({ type: 'ready', source: 'loaded' });
		await context.close();
	});

	it('is rebuilt, never read, when it is truncated or from another tokenizer', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		await page.goto(app.url);
		await waitForIndex(page);
		await waitForIndexSaved(page);
		const good = (await storedIndex(page))!;
		await writeStoredIndex(page, { ...good, data: good.data.slice(0, good.data.length / 3) });
		await page.reload();
		expect(await waitForIndex(page)).toBe('built');
		await expect.poll(() => page.locator('.rebuilt').count()).toBe(1);
		await expectSearchWorks(page);
		await waitForIndexSaved(page);
		const again = (await storedIndex(page))!;
		const data = JSON.parse(again.data) as { format: Record<string, unknown> };
		data.format.tokenizer = 'an-older-tokenizer';
		await writeStoredIndex(page, { ...again, data: JSON.stringify(data) });
		await page.reload();
		expect(await waitForIndex(page)).toBe('built');
		await expectSearchWorks(page);
		await context.close();
	});

	it('is rebuilt when site data was cleared between visits', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		await page.goto(app.url);
		await waitForIndex(page);
		await waitForIndexSaved(page);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Storage.clearDataForOrigin', {
			origin: app.server.origin,
			storageTypes: 'all'
		});
		await page.reload();
		expect(await waitForIndex(page)).toBe('built');
		await expectSearchWorks(page);
		await context.close();
	});
});

describe('when IndexedDB fails, search still works from memory and says what is not kept', () => {
	it('IndexedDB missing', async () => {
		const context = await freshContext(app.browser);
		await context.addInitScript(NO_INDEXED_DB);
		await patchSearchWorker(context, NO_INDEXED_DB);
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(app.url);
		expect(await waitForIndex(page)).toBe('built');
		expect(await page.getByTestId('storage-notice').innerText()).toMatch(/无法使用本地存储/u);
		await expectSearchWorks(page);
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('IndexedDB that never answers: a timeout, then memory', async () => {
		const context = await freshContext(app.browser);
		await patchSearchWorker(context, HANGING_INDEXED_DB);
		const page = await context.newPage();
		await page.goto(app.url);
		expect(await waitForIndex(page, 20_000)).toBe('built');
		expect(await page.getByTestId('storage-notice').innerText()).toMatch(/无法使用本地存储/u);
		await expectSearchWorks(page);
		await context.close();
	});

	it('quota exceeded while saving the index', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Storage.overrideQuotaForOrigin', { origin: app.server.origin, quotaSize: 1 });
		await page.goto(app.url);
		expect(await waitForIndex(page)).toBe('built');
		await expect
			.poll(async () => (await page.getByTestId('storage-notice').count()) > 0, { timeout: 15_000 })
			.toBe(true);
		expect(await page.getByTestId('storage-notice').innerText()).toMatch(/存储空间不足/u);
		await expectSearchWorks(page);
		await context.close();
	});
});

describe('network failure while fetching the corpus on a first visit', () => {
	it('says so, offers a retry, stores no half-built index, and recovers', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		let blocked = true;
		await context.route(/corpus\.[\w-]+\.json$/u, (route) =>
			blocked ? route.abort() : route.continue()
		);
		await page.goto(app.url);
		await page.waitForSelector('[data-status="failed"]', { timeout: 20_000 });
		const alert = page.getByRole('alert');
		expect(await alert.innerText()).toMatch(/语料下载失败/u);
		expect(await storedIndex(page)).toBeNull();
		blocked = false;
		await alert.getByRole('button', { name: '重试' }).click();
		expect(await waitForIndex(page)).toBe('built');
		await expectSearchWorks(page);
		await context.close();
	});
});
