/**
 * Bookmarks in Chromium against the production build: made from results and from a selection,
 * kept across reloads, edited, deleted with undo, exported and imported into a fresh profile —
 * and no markup in a note, a tag or an imported file ever becomes an element.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { freshContext, watch } from './support/browser';
import {
	corpus,
	downloadText,
	expectStoredCount,
	listedQuotes,
	openBookmarks,
	openDocument,
	openSearch,
	selectInPassage,
	shown,
	storedBookmarks,
	textPassages
} from './support/bookmark-helpers';

let app: App;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

const XSS_NOTE = '<img src=x onerror="window.__pwned=1">笔记 & <script>window.__pwned=2</script>';
const XSS_TAG = '<b onmouseover=window.__pwned=3>粗</b>';
const doc = corpus.documents[0]!;
const [first, second, third] = textPassages(doc.id);

async function expectNoInjection(page: import('playwright-core').Page): Promise<void> {
	expect(
		await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
	).toBeUndefined();
	expect(await page.locator('main img, main script, li.bookmark b').count()).toBe(0);
}

describe('bookmarks, built site in Chromium', () => {
	it('bookmarks a search result, keeps it across reloads, edits its note as text, deletes with undo', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const problems = watch(page);

		await openSearch(page, app.url, '办公业务网');
		const result = page.locator('.results li.result').first();
		const passageId = await result.getAttribute('data-passage');
		const button = result.locator('button[aria-pressed]');
		await button.click();
		await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
		await expectStoredCount(page, 1);

		await page.reload();
		await page.waitForSelector('.results li.result');
		await expect
			.poll(() =>
				page
					.locator(`li.result[data-passage="${passageId}"] button[aria-pressed]`)
					.getAttribute('aria-pressed')
			)
			.toBe('true');

		// The main navigation has a link named 收藏.
		await page.getByRole('navigation').getByRole('link', { name: '收藏' }).click();
		await page.waitForSelector('li.bookmark');
		const passage = corpus.passages.find((p) => p.id === passageId)!;
		expect(await listedQuotes(page)).toEqual([shown(passage.text)]);
		const item = page.locator('li.bookmark').first();
		expect(await item.locator('h3').innerText()).toBe(
			corpus.documents.find((d) => d.id === passage.docId)!.title
		);
		await expect.poll(() => item.getAttribute('data-anchor')).toBe('anchored');

		// Edit the note and tags: markup stays text.
		await item.getByRole('button', { name: '编辑笔记和标签' }).click();
		await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
		await item.getByLabel('笔记').fill(XSS_NOTE);
		await item.getByLabel(/标签/u).fill(`政策、${XSS_TAG}`);
		await item.getByRole('button', { name: '保存' }).click();
		await expect.poll(() => item.locator('[data-testid="note"]').innerText()).toBe(XSS_NOTE);
		expect(await item.locator('.tags li').allInnerTexts()).toEqual(['政策', XSS_TAG]);
		await expect.poll(async () => (await storedBookmarks(page))[0]?.note).toBe(XSS_NOTE);
		await item.locator('.tags li').last().hover();
		await expectNoInjection(page);

		await page.reload();
		await page.waitForSelector('li.bookmark [data-testid="note"]');
		expect(await page.locator('li.bookmark [data-testid="note"]').innerText()).toBe(XSS_NOTE);
		expect(await page.locator('[data-testid="bookmarks-cleared"]').count()).toBe(0);
		await expectNoInjection(page);

		// Persistent storage was asked for; when the browser refuses, export is suggested calmly.
		const persisted = await page.evaluate(() => navigator.storage.persisted());
		await expect.poll(() => page.getByTestId('persist-refused').count()).toBe(persisted ? 0 : 1);

		// Delete: focus goes to Undo; undo brings it back and focuses it.
		await page.locator('li.bookmark').getByRole('button', { name: '删除' }).click();
		await page.waitForSelector('[data-testid="bookmark-toast"][data-kind="deleted"]');
		expect(await page.locator('li.bookmark').count()).toBe(0);
		await expectStoredCount(page, 0);
		await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('撤销');
		await page.keyboard.press('Enter');
		await page.waitForSelector('li.bookmark');
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.classList.contains('bookmark')))
			.toBe(true);
		await expectStoredCount(page, 1);
		expect((await storedBookmarks(page))[0]!.note).toBe(XSS_NOTE);

		// Delete for good: Escape dismisses the offer, focus lands on the list.
		await page.locator('li.bookmark').getByRole('button', { name: '删除' }).click();
		await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('撤销');
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('[data-testid="bookmark-toast"]').count()).toBe(0);
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('list-heading');
		await page.reload();
		await page.waitForSelector('[data-testid="bookmarks-empty"]');
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('sets the filters two to a row on a phone, so the list starts higher', async () => {
		const context = await freshContext(app.browser, { viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await openBookmarks(page, app.url);
		const top = (id: string) => page.locator(id).evaluate((el) => el.getBoundingClientRect().top);
		expect(await top('#bookmark-doc')).toBe(await top('#bookmark-tag'));
		expect(await top('#bookmark-sort')).toBeGreaterThan(await top('#bookmark-tag'));
		await context.close();
	});

	it('keeps a toast on one line on a phone when its words fit the screen', async () => {
		const context = await freshContext(app.browser, { viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await openDocument(page, app.url, doc.id);
		await page.locator(`#p-${second!.id} .bookmark-toggle`).click();
		const toast = page.locator('[data-testid="bookmark-toast"][data-kind="added"]');
		await toast.waitFor();
		const lines = await toast.evaluate((box) =>
			[...box.querySelectorAll('p, a')].map((el) => {
				const range = document.createRange();
				range.selectNodeContents(el);
				// One rectangle per line the text runs over.
				return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
			})
		);
		expect(lines).toEqual([1, 1]);
		const { width } = (await toast.boundingBox())!;
		expect(width).toBeLessThanOrEqual(390 - 32);
		await context.close();
	});

	it('bookmarks a selected span and a whole passage in the reader, and opens them in context', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await openDocument(page, app.url, doc.id);

		await selectInPassage(page, first!.id, 10, 30);
		const bar = page.locator('[data-testid="selection-bar"]');
		await bar.waitFor();
		expect(await bar.innerText()).toContain('20');
		await bar.getByRole('button', { name: '收藏所选文字' }).click();
		await page.waitForSelector('[data-testid="bookmark-toast"][data-kind="added"]');
		await expect.poll(() => bar.count()).toBe(0);
		// Marked at once, as when it is opened again from the bookmarks.
		await expect
			.poll(() => page.locator(`#p-${first!.id} mark`).allInnerTexts())
			.toEqual([shown(first!.text.slice(10, 30))]);
		expect(new URL(page.url()).searchParams.get('mark')).toBe(`${first!.id}:10-30`);

		const toggle = page.locator(`#p-${second!.id} .bookmark-toggle`);
		await toggle.click();
		await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
		await expectStoredCount(page, 2);
		const stored = await storedBookmarks(page);
		const span = stored.find((b) => b.scope === 'span')!;
		expect(span).toMatchObject({
			passageId: first!.id,
			range: [10, 30],
			quote: first!.text.slice(10, 30)
		});

		// Selecting again the same span says it is already there, and stores nothing new.
		await selectInPassage(page, first!.id, 10, 30);
		await bar.getByRole('button', { name: '收藏所选文字' }).click();
		await page.waitForSelector('[data-testid="bookmark-toast"][data-kind="already"]');
		await expectStoredCount(page, 2);

		await page.reload();
		await page.waitForSelector('.body .bookmark-toggle:not([disabled])');
		await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');

		await openBookmarks(page, app.url);
		await page.locator('#bookmark-sort').selectOption('document');
		expect(await listedQuotes(page)).toEqual([
			shown(first!.text.slice(10, 30)),
			shown(second!.text)
		]);
		const spanItem = page.locator(`li.bookmark[data-bookmark-id="${span.id}"]`);
		await spanItem.getByRole('link', { name: '在原文中查看' }).click();
		await page.waitForURL((url) => url.searchParams.get('mark') === `${first!.id}:10-30`);
		await page.waitForSelector(`#p-${first!.id} mark`);
		expect(new URL(page.url()).hash).toBe(`#p-${first!.id}`);
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('exports JSON and Markdown, and imports into a fresh profile without duplicates or touching notes', async () => {
		const a = await freshContext(app.browser);
		const pa = await a.newPage();
		await openDocument(pa, app.url, doc.id);
		await pa.locator(`#p-${first!.id} .bookmark-toggle`).click();
		await selectInPassage(pa, second!.id, 5, 25);
		await pa.locator('[data-testid="selection-bar"] button').click();
		await expectStoredCount(pa, 2);
		await openBookmarks(pa, app.url);
		const firstItem = pa.locator('li.bookmark', { hasText: shown(first!.text.slice(0, 20)) });
		await firstItem.getByRole('button', { name: '编辑笔记和标签' }).click();
		await firstItem.getByLabel('笔记').fill('导出前的笔记');
		await firstItem.getByLabel(/标签/u).fill('报告, 2012');
		await firstItem.getByRole('button', { name: '保存' }).click();
		await expect
			.poll(async () => (await storedBookmarks(pa)).some((b) => b.note === '导出前的笔记'))
			.toBe(true);

		const json = await downloadText(pa, () => pa.getByTestId('export-json').click());
		expect(json.name).toMatch(/^nianjian-bookmarks-\d{4}-\d{2}-\d{2}\.json$/u);
		const exported = JSON.parse(json.text) as {
			format: string;
			version: number;
			bookmarks: unknown[];
		};
		expect(exported).toMatchObject({ format: 'nianjian-bookmarks', version: 1 });
		expect(exported.bookmarks).toHaveLength(2);
		expect(exported.bookmarks).toEqual(expect.arrayContaining(await storedBookmarks(pa)));

		const md = await downloadText(pa, () => pa.getByTestId('export-markdown').click());
		expect(md.text).toContain(`> ${shown(second!.text.slice(5, 25))}`);
		expect(md.text).toContain(`——《${shown(doc.title)}》`);
		expect(md.text).toContain(`/doc/${doc.id}?mark=${second!.id}%3A5-25#p-${second!.id}>`);
		expect(md.text).toContain('**笔记：** 导出前的笔记');

		// Export only a selection.
		await pa
			.locator('li.bookmark', { hasText: shown(first!.text.slice(0, 20)) })
			.getByRole('checkbox')
			.check();
		const one = await downloadText(pa, () => pa.getByTestId('export-json').click());
		expect((JSON.parse(one.text) as { bookmarks: unknown[] }).bookmarks).toHaveLength(1);

		// A fresh profile imports the file.
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianjian-export-'));
		const file = path.join(dir, json.name);
		fs.writeFileSync(file, json.text);
		const b = await freshContext(app.browser);
		const pb = await b.newPage();
		const problems = watch(pb);
		await openBookmarks(pb, app.url);
		await pb.locator('#bookmark-import').setInputFiles(file);
		await pb.waitForSelector('[data-testid="import-done"]');
		expect(await pb.getByTestId('import-done').innerText()).toContain('新增 2 条，跳过 0 条');
		await expectStoredCount(pb, 2);
		expect(await storedBookmarks(pb)).toEqual(expect.arrayContaining(exported.bookmarks));

		// Change a note here, then import the same file again: nothing added, the note untouched.
		const noted = (await storedBookmarks(pb)).find((x) => x.note === '导出前的笔记')!;
		const item = pb.locator(`li.bookmark[data-bookmark-id="${noted.id}"]`);
		await item.getByRole('button', { name: '编辑笔记和标签' }).click();
		await item.getByLabel('笔记').fill('导入后改过的笔记');
		await item.getByRole('button', { name: '保存' }).click();
		await expect
			.poll(async () => (await storedBookmarks(pb)).some((x) => x.note === '导入后改过的笔记'))
			.toBe(true);
		await pb.locator('#bookmark-import').setInputFiles(file);
		await expect
			.poll(() => pb.getByTestId('import-done').innerText())
			.toContain('新增 0 条，跳过 2 条');
		await pb.getByText('跳过的收藏').click();
		expect(await pb.getByTestId('import-report').innerText()).toContain('已经在收藏中');
		await expectStoredCount(pb, 2);
		expect((await storedBookmarks(pb)).map((x) => x.note)).toContain('导入后改过的笔记');
		expect(problems.errors).toEqual([]);
		await a.close();
		await b.close();
	});

	it('refuses a bad import whole, says which record and why, and never renders imported markup', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		const problems = watch(page);
		await openBookmarks(page, app.url);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianjian-import-'));
		const good = {
			id: 'imported-1',
			passageId: first!.id,
			docId: doc.id,
			source: doc.source,
			title: `${doc.title}<img src=x onerror="window.__pwned=4">`,
			scope: 'span',
			range: [0, 10],
			quote: first!.text.slice(0, 10),
			note: XSS_NOTE,
			tags: [XSS_TAG],
			createdAt: 1_763_000_000_000
		};
		const write = (name: string, text: string) => {
			const file = path.join(dir, name);
			fs.writeFileSync(file, text);
			return file;
		};

		// One bad record refuses the whole file.
		const bad = write(
			'bad.json',
			JSON.stringify({
				format: 'nianjian-bookmarks',
				version: 1,
				bookmarks: [good, { ...good, id: 'imported-2', range: [0, 99] }]
			})
		);
		await page.locator('#bookmark-import').setInputFiles(bad);
		await page.waitForSelector('[data-testid="import-failed"]');
		const refusal = await page.getByTestId('import-failed').innerText();
		expect(refusal).toContain('没有任何改动');
		expect(refusal).toContain('第 2 条');
		expect(refusal).toContain('imported-2');
		expect(refusal).toContain('range');
		await expectStoredCount(page, 0);

		// Not JSON: said in the reader's language only, without the browser's parser message.
		await page
			.locator('#bookmark-import')
			.setInputFiles(write('broken.json', '{"format": "nianjian-'));
		await expect
			.poll(() => page.getByTestId('import-failed').innerText())
			.toBe('文件没有导入，收藏没有任何改动。这不是有效的 JSON 文件。');

		// Too large: refused before it is read.
		await page.locator('#bookmark-import').setInputFiles({
			name: 'huge.json',
			mimeType: 'application/json',
			buffer: Buffer.alloc(6 * 1024 * 1024, 0x20)
		});
		await expect.poll(() => page.getByTestId('import-failed').innerText()).toContain('5 MB');

		// A valid file full of markup and prototype keys: imported, shown as text.
		const text = JSON.stringify({
			format: 'nianjian-bookmarks',
			version: 1,
			bookmarks: [good]
		}).replace(
			'{"id"',
			'{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"id"'
		);
		await page.locator('#bookmark-import').setInputFiles(write('markup.json', text));
		await page.waitForSelector('[data-testid="import-done"]');
		await page.waitForSelector('li.bookmark');
		const item = page.locator('li.bookmark').first();
		expect(await item.locator('[data-testid="note"]').innerText()).toBe(XSS_NOTE);
		expect(await item.locator('h3').innerText()).toBe(good.title);
		expect(await item.locator('.tags li').allInnerTexts()).toEqual([XSS_TAG]);
		expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
		await expectNoInjection(page);
		await page.reload();
		await page.waitForSelector('li.bookmark');
		await expectNoInjection(page);
		expect(problems.errors).toEqual([]);
		await context.close();
	});

	it('filters by text, tag and document, and shows what it could not anchor', async () => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		await openBookmarks(page, app.url);
		const other = corpus.documents[2]!;
		const otherPassage = textPassages(other.id)[0]!;
		const record = (id: string, p: typeof first, extra: Record<string, unknown>) => ({
			id,
			passageId: p!.id,
			docId: p!.docId,
			source: corpus.documents.find((d) => d.id === p!.docId)!.source,
			title: corpus.documents.find((d) => d.id === p!.docId)!.title,
			scope: 'passage',
			range: [0, p!.text.length],
			quote: p!.text,
			createdAt: 1_763_000_000_000,
			...extra
		});
		const gone = {
			...record('gone', third, { tags: ['旧版'] }),
			passageId: 'pdeleted0',
			quote: '这段文字已不在当前语料中，找不到它的原文。',
			range: [0, 21]
		};
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianjian-filter-')), 'f.json');
		fs.writeFileSync(
			file,
			JSON.stringify({
				format: 'nianjian-bookmarks',
				version: 1,
				bookmarks: [
					record('a', first, { tags: ['政策'], note: 'cloud 笔记' }),
					record('b', second, { tags: ['平台'], createdAt: 1_763_000_100_000 }),
					record('c', otherPassage, { tags: ['政策'], createdAt: 1_763_000_200_000 }),
					gone
				]
			})
		);
		await page.locator('#bookmark-import').setInputFiles(file);
		await page.waitForSelector('[data-testid="unanchored"] li.bookmark');
		expect(await page.locator('[data-testid="unanchored"] blockquote').innerText()).toBe(
			gone.quote
		);
		expect(await page.locator('[data-testid="bookmark-list"] li.bookmark').count()).toBe(3);

		await page.locator('#bookmark-tag').selectOption('政策');
		await expect.poll(() => page.locator('li.bookmark').count()).toBe(2);
		await page.locator('#bookmark-doc').selectOption(other.id);
		await expect.poll(() => listedQuotes(page)).toEqual([shown(otherPassage.text)]);
		await page.getByRole('button', { name: '清除筛选' }).click();
		await page.locator('#bookmark-text').fill('CLOUD');
		await expect.poll(() => listedQuotes(page)).toEqual([shown(first!.text)]);
		await page.locator('#bookmark-text').fill('');
		await page.locator('#bookmark-sort').selectOption('oldest');
		await expect
			.poll(() =>
				page
					.locator('[data-testid="bookmark-list"] li.bookmark')
					.evaluateAll((els) => els.map((e) => e.getAttribute('data-bookmark-id')))
			)
			.toEqual(['a', 'b', 'c']);

		// No serious accessibility problem with bookmarks listed, an edit form open, a toast up.
		await page
			.locator('li.bookmark')
			.first()
			.getByRole('button', { name: '编辑笔记和标签' })
			.click();
		const { violations } = await new AxeBuilder({ page }).analyze();
		expect(
			violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
		).toEqual([]);
		await page.keyboard.press('Escape');

		// A page for the screenshot: a few bookmarks, one with a note and tags, one unanchored.
		await page.setViewportSize({ width: 1200, height: 1100 });
		await page.screenshot({ path: '/tmp/bookmarks.png', fullPage: true });
		await context.close();
	});
});
