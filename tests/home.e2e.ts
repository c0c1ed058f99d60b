import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, READY, type App } from './support/app';
import { freshContext, watch } from './support/browser';

let app: App;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

describe('home page, built site in Chromium', () => {
	it('loads, lists the documents and logs no error', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(app.url);
		await page.waitForSelector(READY, { timeout: 30_000 });
		const titles = await page.locator('.document-list li a').allInnerTexts();
		expect(titles).toHaveLength(5);
		expect(titles).toContain('2013年河南省电子政务发展概况');
		expect(titles).toContain('全國政府系統政務信息化工作會議:各地各部門的經驗');
		await expect.poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it("says in the reader's language that a page does not exist, with ways on", async () => {
		for (const [locale, heading, link] of [
			['zh-CN', '找不到这个页面', '回到搜索'],
			['en-US', 'Page not found', 'Back to search']
		] as const) {
			const context = await freshContext(app.browser, { locale });
			const page = await context.newPage();
			await page.goto(`${app.url}doc/999_nope`);
			await expect.poll(() => page.locator('main h1').innerText()).toBe(heading);
			expect(await page.title()).toContain(heading);
			await page.click(`main a:text("${link}")`);
			await page.waitForSelector(READY, { timeout: 30_000 });
			await context.close();
		}
	});

	it('tells a reader without JavaScript what needs it, and only that reader', async () => {
		const off = await freshContext(app.browser, { javaScriptEnabled: false });
		const page = await off.newPage();
		await page.goto(app.url);
		const notice = page.locator('.noscript');
		await expect.poll(() => notice.isVisible()).toBe(true);
		expect(await notice.locator('[lang="zh-Hans"]').innerText()).toContain('需要 JavaScript');
		expect(await notice.locator('[lang="en"]').innerText()).toContain('needs JavaScript');
		// The documents' prerendered text still reads.
		await page.goto(`${app.url}doc/000_d56171d339cd50a1`);
		expect(await page.locator('main h1').innerText()).not.toBe('');
		await off.close();

		const on = await freshContext(app.browser);
		const live = await on.newPage();
		await live.goto(app.url);
		await live.waitForSelector(READY, { timeout: 30_000 });
		expect(await live.locator('.noscript').count()).toBe(0);
		await on.close();
	});
});
