/** What the bookmark browser tests do again and again. */
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Corpus, Passage } from '../../src/lib/corpus/types';
import { displayPunctuation } from '../../src/lib/text/segments';
import { ROOT } from './builds';

export const BOOKMARK_DB = 'nianjian';

export const corpus = JSON.parse(
	fs.readFileSync(path.join(ROOT, 'corpus', 'corpus.json'), 'utf8')
) as Corpus;

/** The text passages of a document, long enough to select a span in. */
export function textPassages(docId: string): Passage[] {
	return corpus.passages.filter(
		(p) => p.docId === docId && p.kind === 'text' && p.text.length > 60
	);
}

export interface StoredBookmark {
	id: string;
	passageId: string;
	scope: string;
	range: [number, number];
	quote: string;
	note: string;
	tags: string[];
	revision: number;
}

/**
 * The bookmark records as stored, read straight from IndexedDB. Never creates the database (a
 * database made here, without the app's schema, would break the app), and closes at once so it
 * never holds up an upgrade.
 */
export function storedBookmarks(page: Page): Promise<StoredBookmark[]> {
	return page.evaluate(async (name) => {
		const dbs = await indexedDB.databases();
		if (!dbs.some((d) => d.name === name)) return [];
		return new Promise<StoredBookmark[]>((resolve, reject) => {
			const request = indexedDB.open(name);
			request.onsuccess = () => {
				const db = request.result;
				if (!db.objectStoreNames.contains('bookmarks')) {
					db.close();
					resolve([]);
					return;
				}
				const all = db.transaction('bookmarks').objectStore('bookmarks').getAll();
				all.onsuccess = () => {
					db.close();
					resolve(all.result as StoredBookmark[]);
				};
				all.onerror = () => {
					db.close();
					reject(all.error);
				};
			};
			request.onerror = () => reject(request.error);
		});
	}, BOOKMARK_DB);
}

export async function expectStoredCount(page: Page, count: number): Promise<void> {
	await expect
		.poll(async () => (await storedBookmarks(page)).length, { timeout: 10_000 })
		.toBe(count);
}

/** The app's search page with results for `query`. */
export async function openSearch(page: Page, base: string, query: string): Promise<void> {
	await page.goto(`${base}?q=${encodeURIComponent(query)}`);
	await page.waitForSelector('.results li.result', { timeout: 30_000 });
}

export async function openDocument(page: Page, base: string, docId: string): Promise<void> {
	await page.goto(`${base}doc/${docId}`);
	// The bookmark buttons are enabled once the page is hydrated and answers clicks.
	await page.waitForSelector('.body .bookmark-toggle:not([disabled])', { timeout: 15_000 });
}

export async function openBookmarks(page: Page, base: string): Promise<void> {
	await page.goto(`${base}bookmarks`);
	await page.waitForSelector('.bookmarks-page[data-hydrated]', { timeout: 15_000 });
	await page.waitForFunction(
		() =>
			document.querySelector(
				'[data-testid="bookmark-list"], [data-testid="unanchored"], [data-testid="bookmarks-empty"], [data-testid="bookmark-storage"]'
			) !== null,
		undefined,
		{ timeout: 15_000 }
	);
}

/**
 * Waits until the search worker has its index and has stored it (every page starts the worker).
 * Tests that pull storage from under a page wait for this, so that they hit the bookmarks and
 * not the worker's own index cache in the middle of a write.
 */
export async function waitForSearchIndexStored(page: Page): Promise<void> {
	await page.waitForFunction(
		() => performance.getEntriesByName('index-ready').length > 0,
		undefined,
		{
			timeout: 30_000
		}
	);
	await expect
		.poll(
			() =>
				page.evaluate(
					() =>
						new Promise<boolean>((resolve) => {
							const request = indexedDB.open('nianjian-index-cache');
							request.onsuccess = () => {
								const db = request.result;
								if (!db.objectStoreNames.contains('indexes')) {
									db.close();
									resolve(false);
									return;
								}
								const get = db.transaction('indexes').objectStore('indexes').count();
								get.onsuccess = () => {
									db.close();
									resolve(get.result > 0);
								};
								get.onerror = () => {
									db.close();
									resolve(false);
								};
							};
							request.onerror = () => resolve(false);
						})
				),
			{ timeout: 20_000 }
		)
		.toBe(true);
	// The worker closes its connection right after the write commits.
	await page.waitForTimeout(200);
}

/** Selects `[start, end)` of a passage's text in the reader, as a reader's mouse would. */
export async function selectInPassage(
	page: Page,
	passageId: string,
	start: number,
	end: number
): Promise<void> {
	await page.evaluate(
		({ passageId, start, end }) => {
			const root = document.querySelector(`#p-${passageId} .passage-text`)!;
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			const range = document.createRange();
			let offset = 0;
			let startSet = false;
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const length = node.textContent!.length;
				if (!startSet && start <= offset + length) {
					range.setStart(node, start - offset);
					startSet = true;
				}
				if (end <= offset + length) {
					range.setEnd(node, end - offset);
					break;
				}
				offset += length;
			}
			const selection = document.getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
		},
		{ passageId, start, end }
	);
}

export async function downloadText(
	page: Page,
	click: () => Promise<void>
): Promise<{ name: string; text: string }> {
	const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [
		Download,
		void
	];
	const file = await download.path();
	return { name: download.suggestedFilename(), text: fs.readFileSync(file!, 'utf8') };
}

/** A quote as the page shows it: commas beside Chinese in their full-width form. */
export const shown = displayPunctuation;

/** The listed bookmarks' quotes, in the order shown. */
export function listedQuotes(page: Page): Promise<string[]> {
	return page.locator('li.bookmark blockquote.quote').allInnerTexts();
}
