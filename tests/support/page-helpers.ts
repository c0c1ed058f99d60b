/** Small things many browser tests do with the app's pages. */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export const READY = '[data-status="ready"]';

/** Waits until a page of the app has rendered; on the search page, until the index answers. */
export async function waitForPage(page: Page): Promise<void> {
	await page.waitForSelector('main h1', { state: 'attached', timeout: 15_000 });
	if ((await page.locator('[data-status]').count()) > 0) await waitForIndex(page);
}

/** Waits until search answers, and returns how the index was made: 'built' or 'loaded'. */
export async function waitForIndex(page: Page, timeout = 30_000): Promise<string> {
	await page.waitForSelector(READY, { timeout });
	return (await page.getAttribute(READY, 'data-source')) ?? '';
}

/** Waits until a freshly built index has been saved (or saving has failed). */
export async function waitForIndexSaved(page: Page): Promise<void> {
	await expect
		.poll(async () => (await page.locator('[role="status"]').first().innerText()).trim(), {
			timeout: 20_000
		})
		.not.toMatch(/正在保存|saving/u);
}

export async function searchFor(page: Page, query: string): Promise<void> {
	await page.fill('input[type="search"]', query);
	await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
}

/** The text of each result's snippet, in order. */
export async function resultTexts(page: Page): Promise<string[]> {
	await page.waitForSelector('.results li.result, [data-testid="no-results"]', { timeout: 15_000 });
	return page.locator('.results li.result .snippet').allInnerTexts();
}

/**
 * Records Content-Security-Policy violations in every page of a context (and its frames) from the
 * first script on; read them with `cspViolations`.
 */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const seen: string[] = [];
		(globalThis as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) => {
			seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample ?? ''}`);
		});
	});
}

export function cspViolations(page: Page): Promise<string[]> {
	return page.evaluate(() => (globalThis as unknown as { __csp?: string[] }).__csp ?? []);
}

/** Waits until the service worker controls the page and has cached every asset it precaches. */
export async function waitForOffline(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
		}
		return registration.active?.state;
	});
	await expect
		.poll(
			() =>
				page.evaluate(
					async () => (await caches.keys()).filter((k) => k.startsWith('nianjian-')).length
				),
			{
				timeout: 20_000
			}
		)
		.toBe(1);
}

/** A script, run before the worker's own code, that removes IndexedDB from it. */
export const NO_INDEXED_DB = `Object.defineProperty(self, 'indexedDB', { get: () => undefined, configurable: true });\n`;

/** A script that makes every IndexedDB open hang without ever answering. */
export const HANGING_INDEXED_DB = `(() => { const factory = self.indexedDB; if (factory) factory.open = () => ({}); })();\n`;

/**
 * Runs `prelude` in the search worker before its code, by rewriting the worker script on its way
 * from the server — the only way into a dedicated worker's global scope before it starts.
 */
export async function patchSearchWorker(context: BrowserContext, prelude: string): Promise<void> {
	await context.route(/\/_app\/immutable\/workers\/.*\.js$/u, async (route) => {
		const response = await route.fetch();
		await route.fulfill({ response, body: prelude + (await response.text()) });
	});
}
