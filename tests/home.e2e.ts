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
});
