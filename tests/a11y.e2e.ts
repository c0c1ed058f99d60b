/**
 * Every route: no serious or critical axe violation, no Content-Security-Policy violation online
 * or offline. Also keeps screenshots (home, results, document, phone) for people to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/app';
import { freshContext } from './support/browser';
import {
	cspViolations,
	recordCspViolations,
	resultTexts,
	searchFor,
	waitForIndex,
	waitForOffline,
	waitForPage
} from './support/page-helpers';

const SHOTS = process.env.NIANJIAN_SCREENSHOTS ?? path.join(os.tmpdir(), 'nianjian-screenshots');
const corpus = JSON.parse(
	fs.readFileSync(path.resolve(import.meta.dirname, '../corpus/corpus.json'), 'utf8')
) as { documents: { id: string }[] };
const ROUTES = [
	'',
	`?q=${encodeURIComponent('电子政务')}`,
	...corpus.documents.map((d) => `doc/${d.id}`),
	'bookmarks',
	'indicators'
];

let app: App;
beforeAll(async () => {
	app = await startApp();
	fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => app?.close());

describe('accessibility and security on every route', () => {
	it.each(ROUTES)('/%s: no serious or critical axe violation', async (route) => {
		const context = await freshContext(app.browser);
		const page = await context.newPage();
		await page.goto(app.url + route);
		await waitForPage(page);
		if (route.startsWith('?q=')) await resultTexts(page);
		const { violations } = await new AxeBuilder({ page }).analyze();
		const bad = violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
		expect(bad).toEqual([]);
		await context.close();
	});

	it('raises no CSP violation on any route, online or offline', async () => {
		const context = await freshContext(app.browser);
		await recordCspViolations(context);
		const page = await context.newPage();
		await page.goto(app.url);
		await waitForIndex(page);
		await waitForOffline(page);
		for (const offline of [false, true]) {
			await context.setOffline(offline);
			for (const route of ROUTES) {
				await page.goto(app.url + route);
				await waitForPage(page);
				expect(await cspViolations(page), `${route} ${offline ? 'offline' : 'online'}`).toEqual([]);
			}
		}
		await context.setOffline(false);
		await context.close();
	});
});

describe('screenshots', () => {
	it('home, results, document and a phone-sized view', async () => {
		const context = await freshContext(app.browser, { viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(app.url);
		await waitForIndex(page);
		await page.screenshot({ path: path.join(SHOTS, 'home.png'), fullPage: true });
		await searchFor(page, '云计算');
		await resultTexts(page);
		await page.screenshot({ path: path.join(SHOTS, 'results.png') });
		await page.click('a[data-result="0"]');
		await page.waitForURL(/\/doc\//u);
		await page.waitForTimeout(500);
		await page.screenshot({ path: path.join(SHOTS, 'document.png') });
		await context.close();
		const phone = await freshContext(app.browser, {
			viewport: { width: 390, height: 844 },
			deviceScaleFactor: 2,
			isMobile: true,
			hasTouch: true
		});
		const small = await phone.newPage();
		await small.goto(app.url + '?q=' + encodeURIComponent('河南 就业'));
		await waitForIndex(small);
		await resultTexts(small);
		await small.screenshot({ path: path.join(SHOTS, 'phone-results.png') });
		await small.goto(app.url + 'doc/004_d5c1c3bf905c2393');
		await small.screenshot({ path: path.join(SHOTS, 'phone-document.png') });
		await phone.close();
		for (const f of ['home', 'results', 'document', 'phone-results', 'phone-document']) {
			expect(fs.statSync(path.join(SHOTS, `${f}.png`)).size).toBeGreaterThan(10_000);
		}
	});
});
