import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { freshContext, watch } from './support/browser';
import { resultTexts, searchFor, waitForIndex } from './support/page-helpers';

let app: App;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

/** A fresh visit to the search page (`path` adds a query), once the index is ready. */
async function openHome(path = '', options: Parameters<typeof freshContext>[1] = {}) {
	const context = await freshContext(app.browser, options);
	const page = await context.newPage();
	const problems = watch(page);
	await page.goto(app.url + path);
	await waitForIndex(page);
	return { context, page, problems };
}

/**
 * Every font (size, weight, family) that visible text on the page is drawn in: a face, size or
 * weight seen for the first time costs a font lookup in the frame that draws it.
 */
function visibleTextFonts(page: Page): Promise<{ size: string; weight: string; family: string }[]> {
	return page.evaluate(() => {
		const seen = new Map<string, { size: string; weight: string; family: string }>();
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const element = node.parentElement!;
			if (!node.textContent!.trim() || element.getClientRects().length === 0) continue;
			const { fontSize: size, fontWeight: weight, fontFamily: family } = getComputedStyle(element);
			seen.set(`${size} ${weight} ${family}`, { size, weight, family });
		}
		return [...seen.values()];
	});
}

/** The width, in em, of the character at `at` of `text`, set in a probe appended to `parent`. */
function charWidthEm(
	page: Page,
	probe: { text: string; at: number; lang?: string; parent?: string }
): Promise<number> {
	return page.evaluate(({ text, at, lang, parent }) => {
		const span = document.createElement('span');
		if (lang) span.lang = lang;
		span.textContent = text;
		document.querySelector(parent ?? 'body')!.append(span);
		const range = document.createRange();
		range.setStart(span.firstChild!, at);
		range.setEnd(span.firstChild!, at + 1);
		const width = range.getBoundingClientRect().width / parseFloat(getComputedStyle(span).fontSize);
		span.remove();
		return width;
	}, probe);
}

describe('search', () => {
	it('finds Traditional text with a Simplified query, marked in the snippet', async () => {
		const { context, page, problems } = await openHome();
		await searchFor(page, '办公业务网');
		const texts = await resultTexts(page);
		expect(texts.length).toBeGreaterThan(0);
		expect(texts[0]).toContain('辦公業務網');
		expect(
			await page.locator('.results li.result').first().locator('mark').first().innerText()
		).toBe('辦公業務網');
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('sets headings apart from the title, and marks hits without losing text', async () => {
		const { context, page } = await openHome('?q=' + encodeURIComponent('电子政务'));
		const first = page.locator('.results li.result').first();
		// The gaps around the separator, in pixels: title | › | heading.
		const gaps = await first.locator('a.where').evaluate((where) => {
			const title = where.querySelector('.title')!.getBoundingClientRect();
			const separator = where
				.querySelector('.heading [aria-hidden="true"]')!
				.getBoundingClientRect();
			const range = document.createRange();
			range.selectNodeContents(where.querySelector('.heading')!.lastChild!);
			const heading = range.getClientRects()[0]!;
			return [separator.left - title.right, heading.left - separator.right];
		});
		expect(gaps.every((gap) => gap > 2)).toBe(true);
		const snippet = first.locator('.snippet');
		const marks = await snippet.locator('mark').allInnerTexts();
		expect(marks.length).toBeGreaterThan(0);
		expect(marks.every((m) => m === '电子政务')).toBe(true);
		expect((await snippet.innerText()).split('电子政务').length - 1).toBe(marks.length);
		await context.close();
	});

	it('finds both scripts with a Traditional query', async () => {
		const { context, page } = await openHome();
		await searchFor(page, '國務院部門');
		const texts = (await resultTexts(page)).join('\n');
		expect(texts).toContain('国务院部门');
		expect(texts).toContain('國務院部門');
		await context.close();
	});

	it('opens a link with ?q= with its results, and back/forward restore queries', async () => {
		const { context, page } = await openHome('?q=' + encodeURIComponent('云计算'));
		expect(await page.inputValue('input[type="search"]')).toBe('云计算');
		expect((await resultTexts(page)).some((t) => t.includes('云计算'))).toBe(true);
		await page.click('a[data-result="0"]');
		await page.waitForURL(/\/doc\//u);
		await page.goBack();
		await page.waitForURL(/\?q=/u);
		expect(await page.inputValue('input[type="search"]')).toBe('云计算');
		expect((await resultTexts(page)).length).toBeGreaterThan(0);
		await context.close();
	});

	it('comes Back from a result to the query typed last, not the one the page opened with', async () => {
		for (const start of ['?q=' + encodeURIComponent('电子政务'), '']) {
			const { context, page } = await openHome(start);
			await page.fill('input[type="search"]', '辦公業務網');
			await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('辦公業務網');
			const shown = await resultTexts(page);
			await page.click('a[data-result="0"]');
			await page.waitForURL(/\/doc\//u);
			await page.goBack();
			await page.waitForURL(/\?q=/u);
			await expect.poll(() => page.inputValue('input[type="search"]')).toBe('辦公業務網');
			await expect.poll(() => resultTexts(page)).toEqual(shown);
			await context.close();
		}
	});

	it('puts a query in the URL once typing pauses, and never into a page left before that', async () => {
		const { context, page } = await openHome();
		await page.fill('input[type="search"]', '云计算');
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('云计算');
		expect(await page.title()).toContain('云计算');

		// Typed, then left at once with the back button (the box keeps focus, no blur): the page
		// gone back to keeps its own URL.
		await page.goto(app.url + 'bookmarks');
		await page.click('nav a:text("搜索")');
		await page.waitForSelector('input[type="search"]');
		await page.fill('input[type="search"]', '电子政务');
		await page.goBack();
		await page.waitForURL(/\/bookmarks$/u);
		await page.waitForTimeout(800);
		expect(page.url()).toBe(app.url + 'bookmarks');
		await context.close();
	});

	it('keeps what was typed before the page hydrated, and searches it', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const problems = watch(page);
		// The app's entry held back: the prerendered box is on screen and takes typing, as on a slow
		// phone in the seconds before hydration.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route(/\/_app\/immutable\/entry\/start\.[^/]*\.js$/u, async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(app.url, { waitUntil: 'domcontentloaded' });
		await page.locator('input[type="search"]').pressSequentially('公开', { delay: 20 });
		expect(await page.evaluate(() => performance.getEntriesByName('index-start').length)).toBe(0);
		release();
		await waitForIndex(page);
		expect(await resultTexts(page)).not.toEqual([]);
		expect(await page.inputValue('input[type="search"]')).toBe('公开');
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('公开');
		// Typing goes on as usual once hydrated.
		await page.locator('input[type="search"]').press('End');
		await page.keyboard.insertText('信息');
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('公开信息');
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('requires every term and filters by document with counts', async () => {
		const { context, page } = await openHome();
		await searchFor(page, '河南 就业');
		const texts = await resultTexts(page);
		expect(texts.some((t) => t.includes('就业'))).toBe(true);
		await searchFor(page, '电子政务');
		await page.waitForSelector('fieldset.filter');
		const total = Number((await page.getByTestId('result-count').innerText()).match(/\d+/u)![0]);
		const henan = page.locator('fieldset.filter label', { hasText: '河南' });
		const henanCount = Number(await henan.locator('.count').innerText());
		await henan.locator('input').check();
		await expect
			.poll(async () => page.getByTestId('result-count').innerText())
			.toContain(`${henanCount}`);
		expect(henanCount).toBeLessThan(total);
		// The first frame shows the first few results; the rest of the page of ten follow.
		await expect
			.poll(() => page.locator('.results li.result').count())
			.toBe(Math.min(henanCount, 10));
		// Screen readers hear the count from one live region, not the whole list being rewritten.
		const announcement = page.getByTestId('search-announcement');
		expect(await announcement.getAttribute('role')).toBe('status');
		await expect.poll(() => announcement.textContent()).toContain(`${henanCount}`);
		expect(await page.locator('.results[aria-live]').count()).toBe(0);
		await context.close();
	});

	it('says clearly when nothing matches and suggests dropping a term', async () => {
		const { context, page } = await openHome();
		await searchFor(page, '河南 不存在的词');
		await page.waitForSelector('[data-testid="no-results"]');
		expect(await page.getByTestId('no-results').innerText()).toContain('没有找到');
		expect(await page.getByTestId('search-announcement').textContent()).toContain('没有找到');
		// The counts without each term come in a second answer from the worker.
		await expect
			.poll(() => page.getByTestId('no-results').innerText())
			.toMatch(/去掉「不存在的词」[:：]\s*\d+/u);
		await context.close();
	});

	it('repeats at most 30 characters of a long query in the no-results line and the title', async () => {
		const { context, page } = await openHome();
		const query = '电子政务'.repeat(40);
		await searchFor(page, query);
		const shortened = `${query.slice(0, 30)}…`;
		await expect
			.poll(() => page.getByTestId('no-results').innerText())
			.toContain(`没有找到包含「${shortened}」的段落。`);
		await expect.poll(() => page.title()).toMatch(new RegExp(`^${shortened} · 年鉴`, 'u'));
		await context.close();
	});

	it('treats markup in a query as text: no element is created, no script runs', async () => {
		const { context, page, problems } = await openHome();
		await searchFor(page, '<img src=x onerror="window.__pwned=1"> 电子政务');
		await page.waitForSelector('[data-testid="no-results"], .results li.result');
		expect(await page.locator('main img').count()).toBe(0);
		expect(
			await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
		).toBeUndefined();
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('is driven by the keyboard: / focuses the box, arrows move, Enter opens', async () => {
		const { context, page } = await openHome();
		await page.locator('body').click();
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
		await page.keyboard.type('云计算');
		await resultTexts(page);
		await page.keyboard.press('ArrowDown');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-result'))).toBe(
			'0'
		);
		await page.keyboard.press('ArrowDown');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-result'))).toBe(
			'1'
		);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/doc\/.*#p-/u);
		await context.close();
	});

	it('speaks the browser language, switches and remembers', async () => {
		const { context, page } = await openHome('', { locale: 'en-US' });
		expect(await page.locator('nav a', { hasText: 'Bookmarks' }).count()).toBe(1);
		await page.selectOption('.language select', 'zh-Hans');
		await expect.poll(() => page.locator('nav a', { hasText: '收藏' }).count()).toBe(1);
		await page.reload();
		await waitForIndex(page);
		expect(await page.locator('nav a', { hasText: '收藏' }).count()).toBe(1);
		expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
		await context.close();
	});

	it('speaks English in the singular for one, with narrow curly quotes', async () => {
		const { context, page } = await openHome('?q=' + encodeURIComponent('电子政务外网 河南省'), {
			locale: 'en-US'
		});
		await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/^1 result$/u);
		// The UI font's Chinese faces draw ’ a full em wide; English borrows a Latin one.
		const quoteEm = await charWidthEm(page, { text: 'site’s', at: 4 });
		expect(quoteEm).toBeLessThan(0.5);
		await context.close();
	});

	it('sets Chinese on an English page in Chinese faces: full-width quotes, Traditional glyphs', async () => {
		const { context, page } = await openHome('?q=' + encodeURIComponent('信息安全'), {
			locale: 'en-US'
		});
		await page.locator('.result .snippet').first().waitFor();
		const quote = (lang: string) =>
			charWidthEm(page, { text: '‘金盾’', at: 0, lang, parent: '.result .where' });
		const chinese = await quote('zh-Hans');
		const english = await quote('en');
		const seen = await page.evaluate(() => {
			const font = (selector: string) =>
				getComputedStyle(document.querySelector(selector)!).fontFamily;
			return {
				traditionalTitle: font('.result .title[lang="zh-Hant"]'),
				simplifiedTitle: font('.result .title[lang="zh-Hans"]'),
				snippet: font('.result .snippet')
			};
		});
		expect(chinese).toBeGreaterThan(0.8);
		expect(english).toBeLessThan(0.5);
		expect(seen.traditionalTitle).toContain('Noto Sans CJK TC');
		expect(seen.traditionalTitle).not.toContain('Latin Quotes');
		expect(seen.simplifiedTitle).toMatch(/^-apple-system, "PingFang SC"/u);
		// The snippet's own (reading) font still wins over the language's UI faces.
		expect(seen.snippet).toContain('Noto Serif CJK');
		await context.close();
	});

	it('shows the keyboard hint where there is a keyboard, not on a touch screen', async () => {
		const hintShown = async (options: Parameters<typeof freshContext>[1]) => {
			const { context, page } = await openHome('', options);
			const shown = await page.locator('#search-hint').isVisible();
			// Still the input's description, for a screen reader with a keyboard attached.
			expect(await page.locator('#search-input').getAttribute('aria-describedby')).toBe(
				'search-hint'
			);
			await context.close();
			return shown;
		};
		expect(await hintShown({})).toBe(true);
		expect(
			await hintShown({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
		).toBe(false);
	});

	it('gives an English reader one font list from the first layout on', async () => {
		const context = await freshContext(app.browser, { locale: 'en-US' });
		await context.addInitScript(() => {
			document.addEventListener('DOMContentLoaded', () => {
				(window as unknown as { firstFont: string }).firstFont = getComputedStyle(
					document.body
				).fontFamily;
			});
		});
		const page = await context.newPage();
		await page.goto(app.url);
		await waitForIndex(page);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		const [first, now] = await page.evaluate(() => [
			(window as unknown as { firstFont: string }).firstFont,
			getComputedStyle(document.body).fontFamily
		]);
		// A change of list when the language switches would lay the whole page out again.
		expect(first).toBe(now);
		await context.close();
	});

	it('draws the first results in the sizes the page already shows, but for the reading face', async () => {
		// Each new size × weight × face is a font lookup in the frame that shows the results.
		const { context, page } = await openHome('', {
			viewport: { width: 412, height: 823 },
			isMobile: true,
			hasTouch: true
		});
		const fonts = async () =>
			(await visibleTextFonts(page)).map((f) => `${f.size} ${f.weight} ${f.family}`);
		const before = new Set(await fonts());
		await searchFor(page, '公开');
		await page.waitForSelector('.results li.result .snippet mark');
		await page.waitForSelector('fieldset');
		const added = (await fonts()).filter((font) => !before.has(font));
		const reading = await page
			.locator('.results li.result .snippet')
			.first()
			.evaluate((snippet) => getComputedStyle(snippet).fontFamily);
		expect(added).toEqual([expect.stringContaining(reading)]);
		await context.close();
	});

	it('opens without the reading face: the brand mark and the favicon are outlines, not text', async () => {
		// A CJK face is loaded whole on its first use: the home page's first layout, and the
		// favicon's own document, should not pay for one just to draw 鉴.
		const { context, page } = await openHome();
		const reading = await page.evaluate(() => {
			const probe = document.createElement('span');
			probe.style.fontFamily = 'var(--font-reading)';
			document.body.append(probe);
			const family = getComputedStyle(probe).fontFamily;
			probe.remove();
			return family;
		});
		const used = [...new Set((await visibleTextFonts(page)).map((f) => f.family))];
		expect(used.length).toBeGreaterThan(0);
		expect(used).not.toContain(reading);
		expect(await page.locator('header .brand-mark path').count()).toBe(1);
		const favicon = await page.request.get(new URL('favicon.svg', page.url()).href);
		expect(favicon.headers()['content-type']).toContain('image/svg+xml');
		const svg = await favicon.text();
		expect(svg).toContain('<path');
		expect(svg).not.toContain('<text');
		await context.close();
	});

	it('has a bookmark button named 收藏 / Bookmark on every result', async () => {
		const { context, page } = await openHome();
		await searchFor(page, '云计算');
		await resultTexts(page);
		const buttons = page
			.locator('.results li.result')
			.first()
			.getByRole('button', { name: /收藏/u });
		expect(await buttons.count()).toBe(1);
		await context.close();
	});
});
