/**
 * One running copy of the built site for a test file: a static server over the production build
 * (at the root or under BASE_PATH) and Debian's Chromium.
 */
import type { Browser } from 'playwright-core';
import { launch } from './browser';
import { BASE_BUILD, BASE_PATH, BUILD } from './builds';
import { serveStatic, type StaticServer } from './static-server';

export interface App {
	server: StaticServer;
	browser: Browser;
	/** The site's root URL, ending in `/`. */
	url: string;
	close(): Promise<void>;
}

export async function startApp(options: { base?: boolean } = {}): Promise<App> {
	const server = options.base ? await serveStatic(BASE_BUILD, BASE_PATH) : await serveStatic(BUILD);
	const browser = await launch();
	return {
		server,
		browser,
		url: server.url,
		close: async () => {
			await browser.close();
			await server.close();
		}
	};
}

/** Waits until the search index answers (built or loaded). */
export const READY = '[data-status="ready"]';
