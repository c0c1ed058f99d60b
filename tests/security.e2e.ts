/**
 * Nothing from the corpus is parsed as HTML: a passage carrying markup, served to the search
 * worker, shows up in results as text — no element, no script.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { freshContext, watch } from './support/browser';
import { resultTexts, searchFor, waitForIndex } from './support/page-helpers';

let app: App;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

describe('markup in a corpus passage', () => {
	it('is shown as text in search results and runs nothing', async () => {
		const context = await freshContext(app.browser);
		await context.route(/corpus\.[\w-]+\.json$/u, async (route) => {
			const response = await route.fetch();
			const corpus = (await response.json()) as { passages: { text: string }[] };
			const p = corpus.passages.find((x) => x.text.includes('居民健康卡'))!;
			p.text = `${MARKUP}${p.text}`;
			// A changed corpus keeps its id fields; the hash would differ in a real rebuild.
			await route.fulfill({ response, json: corpus });
		});
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(app.url);
		await waitForIndex(page);
		await searchFor(page, 'onerror');
		const texts = await resultTexts(page);
		expect(texts.some((t) => t.includes('<img src=x onerror='))).toBe(true);
		expect(await page.locator('main img, main script').count()).toBe(0);
		await page.waitForTimeout(300);
		expect(
			await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
		).toBeUndefined();
		expect(problems.errors).toEqual([]);
		await context.close();
	});
});
