/**
 * Debian's Chromium driven by playwright-core. The flags keep it quiet on a closed network.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

/** Console errors, page errors and CSP violations seen by a page, for tests that expect none. */
export interface PageProblems {
	errors: string[];
}

export function watch(page: Page): PageProblems {
	const problems: PageProblems = { errors: [] };
	page.on('console', (m) => {
		if (m.type() === 'error') problems.errors.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.errors.push(`page: ${e.message}`));
	return problems;
}

/** A fresh profile: its own storage, service workers and cache. */
export async function freshContext(
	browser: Browser,
	options: Parameters<Browser['newContext']>[0] = {}
): Promise<BrowserContext> {
	return browser.newContext({ locale: 'zh-CN', ...options });
}
