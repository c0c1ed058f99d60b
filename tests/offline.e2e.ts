/**
 * After one online visit the app loads, searches and opens any document offline — deep links
 * included, at the root and under a sub-path. A new deployment never swaps under an open tab.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { freshContext, watch } from './support/browser';
import { BASE_BUILD, ROOT } from './support/builds';
import {
	resultTexts,
	searchFor,
	waitForIndex,
	waitForIndexSaved,
	waitForOffline
} from './support/page-helpers';

async function offlineRoundTrip(app: App) {
	const context = await freshContext(app.browser);
	const page = await context.newPage();
	const problems = watch(page);
	await page.goto(app.url);
	await waitForIndex(page);
	await waitForIndexSaved(page);
	await waitForOffline(page);
	await context.setOffline(true);
	app.server.setOnline(false);
	try {
		await page.reload();
		expect(await waitForIndex(page)).toBe('loaded');
		await searchFor(page, '智慧城市');
		expect((await resultTexts(page)).some((t) => t.includes('智慧城市'))).toBe(true);
		// A document never opened online, by a deep link with a query and an anchor.
		await page.goto(`${app.url}doc/003_30526620e0ce8fc0?q=${encodeURIComponent('八大转变')}`);
		await expect.poll(() => page.locator('article h1').innerText()).toContain('国务院部门');
		await expect
			.poll(() => page.locator('article mark').count(), { timeout: 15_000 })
			.toBeGreaterThan(0);
		await page.goto(`${app.url}indicators`);
		await expect.poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
		// An address that is no page, one level down: the app still starts and says so.
		await page.goto(`${app.url}doc/999_nope`);
		await expect.poll(() => page.locator('main h1').innerText()).toBe('找不到这个页面');
		await page.click('main a:text("回到搜索")');
		await searchFor(page, '智慧城市');
		expect((await resultTexts(page)).some((t) => t.includes('智慧城市'))).toBe(true);
	} finally {
		app.server.setOnline(true);
		await context.setOffline(false);
	}
	const notFound = problems.errors.filter((e) => /status of 404/u.test(e));
	// One 404, the data of the page that does not exist: answered by the service worker offline.
	expect(notFound).toHaveLength(1);
	expect(
		problems.errors.filter(
			(e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch/u.test(e) && !notFound.includes(e)
		)
	).toEqual([]);
	await context.close();
}

describe('offline after the first visit', () => {
	let root: App;
	let base: App;
	beforeAll(async () => {
		root = await startApp();
		base = await startApp({ base: true });
	});
	afterAll(async () => {
		await root?.close();
		await base?.close();
	});

	it('at the root of the host', () => offlineRoundTrip(root));
	it('under BASE_PATH=/nianjian', () => offlineRoundTrip(base));
});

describe('a new deployment while a tab is open', () => {
	const next = path.join(path.dirname(BASE_BUILD), 'next');
	let app: App;
	beforeAll(async () => {
		// The same site built again: a new version name and new hashed chunks.
		fs.rmSync(next, { recursive: true, force: true });
		execSync('npx vite build --logLevel error', {
			cwd: ROOT,
			stdio: 'inherit',
			env: {
				...process.env,
				NODE_ENV: 'production',
				BUILD_DIR: next,
				KIT_OUT_DIR: '.svelte-kit-next-deploy'
			}
		});
		app = await startApp();
	}, 300_000);
	afterAll(() => app?.close());

	it('keeps the old tab working, offers the update, and keeps only the new cache', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		await page.goto(app.url);
		await waitForIndex(page);
		await waitForOffline(page);
		const cacheNames = () =>
			page.evaluate(async () =>
				(await globalThis.caches.keys()).filter((k: string) => k.startsWith('nianjian-'))
			);
		const oldCache = await cacheNames();

		app.server.setRoot(next);
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		await page.waitForSelector('[data-testid="update-prompt"]', { timeout: 30_000 });

		// The old tab still works: a page whose chunk it never loaded comes from the old cache,
		// although the server now only has the new build.
		await page.click('nav a[href$="/indicators"]');
		await expect.poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
		await page.click('nav a[href$="/bookmarks"]');
		await expect.poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
		await page.click('nav a:text("搜索")');
		// The bookmarks page has a search field of its own: type only once the search page is there.
		await page.waitForURL((url) => url.pathname === new URL(app.url).pathname);
		await searchFor(page, '云计算');
		expect((await resultTexts(page)).length).toBeGreaterThan(0);

		await page.getByRole('button', { name: '更新并重新载入' }).click();
		await page.waitForEvent('load');
		await waitForIndex(page);
		const newCache = await cacheNames();
		expect(newCache).toHaveLength(1);
		expect(newCache[0]).not.toBe(oldCache[0]);
		await context.close();
	});
});
