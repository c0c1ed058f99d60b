import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { freshContext, watch } from './support/browser';
import { resultTexts, searchFor, waitForIndex } from './support/page-helpers';

let app: App;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

describe('reader', () => {
	it('opens a result in context, scrolled to its passage, with the query marked', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(app.url);
		await waitForIndex(page);
		await searchFor(page, '发放普及居民健康卡');
		await resultTexts(page);
		await page.click('a[data-result="0"]');
		await page.waitForURL(/\/doc\/004_d5c1c3bf905c2393\?q=.*#p-/u);
		const id = new URL(page.url()).hash.slice(1);
		const passage = page.locator(`[id="${id}"]`);
		await expect.poll(() => passage.locator('mark').count()).toBeGreaterThan(0);
		expect(await passage.locator('mark').first().innerText()).toBe('发放普及居民健康卡');
		expect(await passage.evaluate((el) => el.matches(':target'))).toBe(true);
		const box = await passage.boundingBox();
		const viewport = page.viewportSize()!;
		// Not flush against the top: some of the text before it stays in sight.
		expect(box!.y).toBeGreaterThanOrEqual(48);
		expect(box!.y).toBeLessThan(viewport.height);
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('does not shift when the reader speaks another language than the prerendered Chinese', async () => {
		for (const locale of ['en-US', 'zh-CN']) {
			const context = await freshContext(app.browser, {
				locale,
				viewport: { width: 412, height: 823 }
			});
			const page = await context.newPage();
			await page.goto(app.url + 'doc/001_a2fe0118f480fe0c');
			// Hydrated, in the reader's language.
			await page.waitForFunction(
				(lang) =>
					document.documentElement.lang === lang && !document.documentElement.dataset.localePending,
				locale === 'en-US' ? 'en' : 'zh-Hans'
			);
			const shifts = await page.evaluate(
				() =>
					new Promise<number>((resolve) => {
						new PerformanceObserver((list) => {
							const entries = list.getEntries() as (PerformanceEntry & { value: number })[];
							resolve(entries.reduce((sum, e) => sum + e.value, 0));
						}).observe({ type: 'layout-shift', buffered: true });
						// No shift at all: the observer is never called.
						setTimeout(() => resolve(0), 500);
					})
			);
			expect(shifts, locale).toBeLessThan(0.01);
			await context.close();
		}
	});

	it('keeps the passage link and bookmark button in sight on a touch screen', async () => {
		const opacities = async (options: Parameters<typeof freshContext>[1]) => {
			const context = await freshContext(app.browser, options);
			const page = await context.newPage();
			await page.goto(`${app.url}doc/004_d5c1c3bf905c2393`);
			const passage = page.locator('p.passage').first();
			const opacity = (selector: string) =>
				passage.locator(selector).evaluate((el) => Number(getComputedStyle(el).opacity));
			const seen = { anchor: await opacity('.anchor'), toggle: await opacity('.bookmark-toggle') };
			await context.close();
			return seen;
		};
		// With a mouse the ¶ link shows on hover (the bookmark button stays faintly there).
		expect((await opacities({ viewport: { width: 1100, height: 800 } })).anchor).toBe(0);
		const touch = await opacities({
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		expect(touch.anchor).toBeGreaterThan(0.5);
		expect(touch.toggle).toBeGreaterThan(0.5);
	});

	it('shows the text as written, in Simplified or in Traditional', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		await page.goto(app.url + 'doc/001_a2fe0118f480fe0c');
		const body = page.locator('article .body');
		expect(await body.innerText()).toContain('辦公業務網');
		await page.getByLabel('简体', { exact: true }).check();
		await expect.poll(() => body.innerText()).toContain('办公业务网');
		await page.goto(app.url + 'doc/002_f259da14b1d8f46d');
		await page.getByLabel('繁体', { exact: true }).check();
		await expect.poll(() => page.locator('article .body').innerText()).toContain('電子政務');
		await context.close();
	});

	it('converts the contents and the book it is in with the text, and punctuates them alike', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		await page.goto(app.url + 'doc/002_f259da14b1d8f46d');
		const contents = page.locator('nav.toc li a');
		const headings = page.locator('article .body :is(h2, h3, h4)');
		const book = page.locator('.meta div', { hasText: '收录于' }).locator('dd');
		// The yearbook and its part, which the metadata names, as the lines above the title show them.
		const front = async () =>
			(await page.locator('article header p.front').allInnerTexts()).join(' · ');
		expect(await contents.allInnerTexts()).toEqual(await headings.allInnerTexts());
		expect(await contents.allInnerTexts()).toContain('（一）智慧城市建设逐步展开');
		expect(await book.innerText()).toBe(await front());
		expect(await book.innerText()).toContain('年鉴（2013');
		await page.getByLabel('繁体', { exact: true }).check();
		await expect.poll(() => contents.first().innerText()).toBe('一 信息基礎設施建設有了新成效');
		expect(await contents.allInnerTexts()).toEqual(await headings.allInnerTexts());
		expect(await book.innerText()).toBe(await front());
		expect(await book.innerText()).toContain('中國電子政務年鑑');
		await context.close();
	});

	it('labels the metadata with the colon of the reader’s language, each label on one line', async () => {
		for (const locale of ['zh-CN', 'en-US']) {
			const context = await freshContext(app.browser, {
				locale,
				viewport: { width: 412, height: 823 },
				isMobile: true,
				hasTouch: true
			});
			const page = await context.newPage();
			await page.goto(app.url + 'doc/002_f259da14b1d8f46d');
			await page.waitForFunction(() => !document.documentElement.dataset.localePending);
			const terms = await page.locator('.meta dt').allInnerTexts();
			expect(terms, locale).toContain(locale === 'zh-CN' ? '收录于：' : 'In:');
			expect(terms.join(''), locale).toMatch(locale === 'zh-CN' ? /^[^:]+$/u : /^[^：]+$/u);
			// Each label's text sits on one line: all its text shares one line top.
			const lines = await page
				.locator('.meta dt, .views legend, .controls label')
				.evaluateAll((elements) =>
					elements.map((el) => {
						const tops = new Set<number>();
						const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
						for (let node = walker.nextNode(); node; node = walker.nextNode()) {
							const range = document.createRange();
							range.selectNodeContents(node);
							for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
						}
						return `${el.textContent!.trim()}: ${tops.size}`;
					})
				);
			expect(
				lines.filter((line) => !line.endsWith(': 1')),
				locale
			).toEqual([]);
			await context.close();
		}
	});

	it('reads a paragraph cut into passages as one paragraph: no indent, no gap inside it', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		await page.goto(app.url + 'doc/002_f259da14b1d8f46d');
		const layout = (text: string) =>
			page.locator('article .body p.passage', { hasText: text }).evaluate((el) => ({
				indent: getComputedStyle(el).textIndent,
				gap:
					el.getBoundingClientRect().top - el.previousElementSibling!.getBoundingClientRect().bottom
			}));
		// Cut mid-sentence from the paragraph that begins 一是加强电子政务法规和制度建设.
		const carriedOn = await layout('内容与功能');
		expect(carriedOn.indent).toBe('0px');
		expect(Math.abs(carriedOn.gap)).toBeLessThan(1);
		// A paragraph of its own keeps its indent and the space above it.
		const own = await layout('二是加强组织机构建设');
		expect(parseFloat(own.indent)).toBeGreaterThan(10);
		expect(own.gap).toBeGreaterThan(10);
		await context.close();
	});

	it('shows the repairs against the raw text', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		await page.goto(app.url + 'doc/000_d56171d339cd50a1');
		await page.getByLabel('标出修复之处').check();
		const repairs = page.locator('.body .repair');
		expect(await repairs.count()).toBeGreaterThan(50);
		expect(await repairs.first().getAttribute('title')).toMatch(/原始文本/u);
		await page.getByLabel('显示原始文本').check();
		await expect
			.poll(() => page.locator('article .body').innerText())
			.toContain('分别达到93.4.和67.2.');
		await context.close();
	});

	it('has a table of contents from the 一 / (一) / (1) headings, each linking to its heading', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		await page.goto(app.url + 'doc/004_d5c1c3bf905c2393');
		const entries = page.locator('nav.toc li a');
		expect(await entries.count()).toBe(25);
		await entries.filter({ hasText: '就业服务方面' }).click();
		const id = new URL(page.url()).hash.slice(1);
		expect(await page.locator(`[id="${id}"]`).innerText()).toContain('就业服务方面');
		await context.close();
	});

	it('marks a span given in the link (a quoted number)', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		// 001's first passage: 我國97%以上的地區…
		await page.goto(app.url + 'doc/001_a2fe0118f480fe0c');
		const first = page.locator('.body p.passage').first();
		const id = (await first.getAttribute('id'))!.slice(2);
		const text = await first.innerText();
		const at = text.indexOf('97%');
		await page.goto(`${app.url}doc/001_a2fe0118f480fe0c?mark=${id}:${at}-${at + 3}#p-${id}`);
		await expect.poll(() => page.locator(`[id="p-${id}"] mark`).first().innerText()).toBe('97%');
		await context.close();
	});
});
