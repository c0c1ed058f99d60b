/**
 * Bookmarks when things go wrong, in Chromium against the production build: several tabs writing
 * at once, a newer version upgrading the database under open tabs, a full disk (quota forced low
 * through the DevTools protocol), no network, and site data cleared between visits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startApp, READY, type App } from './support/app';
import { freshContext, watch } from './support/browser';
import {
	BOOKMARK_DB,
	corpus,
	downloadText,
	expectStoredCount,
	listedQuotes,
	openBookmarks,
	openDocument,
	shown,
	storedBookmarks,
	textPassages,
	waitForSearchIndexStored
} from './support/bookmark-helpers';

let app: App;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

const doc = corpus.documents[0]!;
const passages = textPassages(doc.id);
const [first, second, third] = passages;

function toggle(page: Page, passageId: string) {
	return page.locator(`#p-${passageId} .bookmark-toggle`);
}

async function bookmarkPassage(page: Page, passageId: string): Promise<void> {
	await toggle(page, passageId).click();
	await expect.poll(() => toggle(page, passageId).getAttribute('aria-pressed')).toBe('true');
}

/** A tab of a newer release: opens the bookmark database at the next version. */
async function upgradeFromNewerTab(context: BrowserContext) {
	const newer = await context.newPage();
	await newer.goto(`${app.url}favicon.svg`);
	const result = await newer.evaluate(
		(name) =>
			new Promise<{ blocked: boolean; version: number; count: number } | { error: string }>(
				(resolve) => {
					let blocked = false;
					const request = indexedDB.open(name, 2);
					request.onblocked = () => (blocked = true);
					request.onupgradeneeded = () => request.result.createObjectStore('future');
					request.onsuccess = () => {
						const db = request.result;
						const count = db.transaction('bookmarks').objectStore('bookmarks').count();
						count.onsuccess = () => {
							resolve({ blocked, version: db.version, count: count.result });
							db.close();
						};
					};
					request.onerror = () => resolve({ error: String(request.error) });
				}
			),
		BOOKMARK_DB
	);
	return { newer, result };
}

describe('bookmark faults, built site in Chromium', () => {
	it('two tabs adding at once keep every bookmark, and every tab sees them', async () => {
		const context = await freshContext(app.browser);
		const [a, b, list] = await Promise.all([
			context.newPage(),
			context.newPage(),
			context.newPage()
		]);
		const problems = [a, b, list].map(watch);
		await Promise.all([openDocument(a, app.url, doc.id), openDocument(b, app.url, doc.id)]);
		await openBookmarks(list, app.url);

		// Each tab bookmarks passages of its own, interleaved, without waiting for the other.
		const mine = passages.slice(0, 6);
		await Promise.all([
			(async () => {
				for (const p of mine.filter((_, i) => i % 2 === 0)) await toggle(a, p.id).click();
			})(),
			(async () => {
				for (const p of mine.filter((_, i) => i % 2 === 1)) await toggle(b, p.id).click();
			})()
		]);
		await expectStoredCount(a, mine.length);
		const stored = await storedBookmarks(a);
		expect(stored.map((s) => s.passageId).sort()).toEqual(mine.map((p) => p.id).sort());

		// The other tabs learn of them without a reload.
		await expect.poll(() => list.locator('li.bookmark').count()).toBe(mine.length);
		await expect.poll(() => toggle(a, mine[1]!.id).getAttribute('aria-pressed')).toBe('true');
		await expect.poll(() => toggle(b, mine[0]!.id).getAttribute('aria-pressed')).toBe('true');

		// Both tabs edit the same bookmark from the same revision: neither edit is lost.
		await Promise.all([openBookmarks(a, app.url), openBookmarks(b, app.url)]);
		const id = stored.find((s) => s.passageId === mine[0]!.id)!.id;
		const itemA = a.locator(`li.bookmark[data-bookmark-id="${id}"]`);
		const itemB = b.locator(`li.bookmark[data-bookmark-id="${id}"]`);
		await itemA.getByRole('button', { name: '编辑笔记和标签' }).click();
		await itemB.getByRole('button', { name: '编辑笔记和标签' }).click();
		await itemA.getByLabel('笔记').fill('甲标签页的笔记');
		await itemA.getByLabel(/标签/u).fill('甲');
		await itemB.getByLabel('笔记').fill('乙标签页的笔记');
		await itemB.getByLabel(/标签/u).fill('乙');
		await itemA.getByRole('button', { name: '保存' }).click();
		await expect
			.poll(async () => (await storedBookmarks(a)).find((s) => s.id === id)?.revision)
			.toBe(2);
		await itemB.getByRole('button', { name: '保存' }).click();
		await b.waitForSelector('[data-testid="bookmark-toast"][data-kind="merged"]');
		const merged = (await storedBookmarks(b)).find((s) => s.id === id)!;
		expect(merged).toMatchObject({
			note: '甲标签页的笔记\n\n乙标签页的笔记',
			tags: ['甲', '乙'],
			revision: 3
		});
		// Tab A shows the merged note without a reload.
		await expect.poll(() => itemA.locator('[data-testid="note"]').innerText()).toBe(merged.note);
		await expectStoredCount(list, mine.length);

		for (const p of problems) expect(p.errors).toEqual([]);
		await context.close();
	});

	for (const oldTabs of [1, 2]) {
		it(`lets a newer version upgrade the database with ${oldTabs} old tab(s) open`, async () => {
			const context = await freshContext(app.browser);
			const reader = await context.newPage();
			const problems = [watch(reader)];
			await openDocument(reader, app.url, doc.id);
			await bookmarkPassage(reader, first!.id);
			await expectStoredCount(reader, 1);
			const olds = [reader];
			if (oldTabs === 2) {
				const list = await context.newPage();
				problems.push(watch(list));
				await openBookmarks(list, app.url);
				await list.waitForSelector('li.bookmark');
				olds.push(list);
			}

			// The newer tab is never blocked: every old tab closes its connection at once.
			const { newer, result } = await upgradeFromNewerTab(context);
			expect(result).toEqual({ blocked: false, version: 2, count: 1 });

			// Each old tab says so and offers a reload.
			for (const old of olds) {
				const notice = old.locator('[data-testid="bookmark-storage"][data-kind="upgraded"]');
				await notice.waitFor();
				expect(await notice.getByRole('button', { name: '重新载入' }).count()).toBe(1);
			}

			// A bookmark made in an old tab now stays in memory, shown as unsaved, and exportable.
			await bookmarkPassage(reader, second!.id);
			await reader.getByRole('link', { name: '导出收藏' }).click();
			await reader.waitForSelector('li.bookmark[data-save="unsaved"]');
			expect(await reader.locator('li.bookmark').count()).toBe(2);
			const exported = await downloadText(reader, () => reader.getByTestId('export-json').click());
			expect((JSON.parse(exported.text) as { bookmarks: unknown[] }).bookmarks).toHaveLength(2);

			// What was saved before the upgrade is still there for the newer version.
			expect((await storedBookmarks(newer)).map((b) => b.passageId)).toEqual([first!.id]);

			// Reloaded, the old version cannot read the newer database: it says so, nothing breaks.
			await reader.reload();
			await reader
				.locator('[data-testid="bookmark-storage"][data-kind="outdated"]')
				.waitFor({ timeout: 15_000 });
			expect(await storedBookmarks(newer)).toHaveLength(1);
			for (const p of problems) expect(p.errors).toEqual([]);
			await context.close();
		});
	}

	it('tells the reader at once when the disk is full, keeps the bookmark, and loses nothing saved', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await openDocument(page, app.url, doc.id);
		await bookmarkPassage(page, first!.id);
		await expectStoredCount(page, 1);

		const cdp = await context.newCDPSession(page);
		const origin = app.server.origin;
		await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
		// Chromium lets small writes through on the free space it saw at its last quota check, for
		// up to 30 seconds (BucketContext::kBucketSpaceCacheTimeLimit); after that every write asks.
		await page.waitForTimeout(31_000);

		await bookmarkPassage(page, second!.id);
		const alert = page.locator('[role="alert"][data-testid="bookmark-problem"][data-kind="quota"]');
		await alert.waitFor({ timeout: 10_000 });
		expect(await alert.innerText()).toContain('存储空间已满');
		expect(await storedBookmarks(page)).toHaveLength(1);

		// Still in memory, marked unsaved, and exportable.
		await alert.getByRole('link', { name: '导出收藏' }).click();
		await page.waitForSelector('li.bookmark[data-save="unsaved"]');
		expect(await page.locator('li.bookmark').count()).toBe(2);
		expect(await page.locator('[data-testid="bookmark-problem"][data-kind="quota"]').count()).toBe(
			1
		);
		const exported = await downloadText(page, () => page.getByTestId('export-json').click());
		expect((JSON.parse(exported.text) as { bookmarks: unknown[] }).bookmarks).toHaveLength(2);

		// Space again: retry stores it.
		await cdp.send('Storage.overrideQuotaForOrigin', { origin });
		await page
			.locator('[data-testid="bookmark-problem"]')
			.getByRole('button', { name: '重试保存' })
			.click();
		await expectStoredCount(page, 2);
		await expect.poll(() => page.locator('li.bookmark[data-save="saved"]').count()).toBe(2);
		expect(await page.locator('[data-testid="bookmark-problem"]').count()).toBe(0);

		// Full again and reloaded: everything saved is still there.
		await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
		await page.reload();
		await page.waitForSelector('li.bookmark');
		await expect.poll(() => page.locator('li.bookmark').count()).toBe(2);
		await cdp.send('Storage.overrideQuotaForOrigin', { origin });
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('bookmarks offline, through the service worker', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(app.url);
		await page.waitForSelector(READY, { timeout: 30_000 });
		// A site built without its service worker (a development build) fails here, not offline.
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 30_000
		});
		try {
			await context.setOffline(true);
			app.server.setOnline(false);
			await openDocument(page, app.url, doc.id);
			await bookmarkPassage(page, third!.id);
			await expectStoredCount(page, 1);
			await openBookmarks(page, app.url);
			expect(await listedQuotes(page)).toEqual([shown(third!.text)]);
			// The corpus comes from the offline cache: the bookmark is found where it was.
			await expect
				.poll(() => page.locator('li.bookmark').getAttribute('data-anchor'))
				.toBe('anchored');
			await page.reload();
			await page.waitForSelector('li.bookmark[data-save="saved"]');
		} finally {
			app.server.setOnline(true);
			await context.setOffline(false);
		}
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('says bookmarks are gone only when the browser dropped them', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await openDocument(page, app.url, doc.id);
		await bookmarkPassage(page, first!.id);
		await bookmarkPassage(page, second!.id);
		await expectStoredCount(page, 2);

		// Still there on the next visit: no notice.
		await openBookmarks(page, app.url);
		await page.waitForSelector('li.bookmark');
		expect(await page.getByTestId('bookmarks-cleared').count()).toBe(0);

		// The browser clears the site's IndexedDB under the open page: the page says storage is
		// gone, and keeps what it shows, exportable.
		await waitForSearchIndexStored(page);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Storage.clearDataForOrigin', {
			origin: app.server.origin,
			storageTypes: 'indexeddb'
		});
		await page.locator('[data-testid="bookmark-storage"][data-kind="gone"]').waitFor();
		expect(await page.locator('li.bookmark').count()).toBe(2);
		const exported = await downloadText(page, () => page.getByTestId('export-json').click());
		expect((JSON.parse(exported.text) as { bookmarks: unknown[] }).bookmarks).toHaveLength(2);

		// The next visit finds the database empty, and says the bookmarks are gone.
		await page.reload();
		const notice = page.getByTestId('bookmarks-cleared');
		await notice.waitFor();
		expect(await notice.innerText()).toContain('2 条收藏已不在了');
		expect(await notice.innerText()).toContain('定期导出');
		expect(await page.locator('li.bookmark').count()).toBe(0);

		// Told once: the visit after does not repeat it.
		await page.reload();
		await page.waitForSelector('[data-testid="bookmarks-empty"]');
		expect(await page.getByTestId('bookmarks-cleared').count()).toBe(0);

		// A fresh profile that never had bookmarks is told nothing.
		const fresh = await freshContext(app.browser);
		const other = await fresh.newPage();
		await openBookmarks(other, app.url);
		expect(await other.getByTestId('bookmarks-cleared').count()).toBe(0);
		await fresh.close();
		expect(problems.errors).toEqual([]);
		await context.close();
	});
});
