/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline after one visit: the app shell, the fallback page, every prerendered page and the
 * corpus are cached at install. A new deployment installs beside the old one and waits; the page
 * offers the update and only then asks it to take over, so an open tab is never swapped mid-use
 * and its lazily loaded chunks keep coming from the old cache.
 */
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `nianjian-${version}`;
const FALLBACK = `${base}/200.html`;
const ASSETS = [...new Set([...build, ...files, ...prerendered, FALLBACK])];

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== CACHE && key.startsWith('nianjian-')) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin || !url.pathname.startsWith(base + '/')) return;
	event.respondWith(respond(request, url));
});

async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	// Built and prerendered files never change within a version: the cache answers first.
	const cached = await cache.match(url.pathname, { ignoreSearch: true });
	if (cached && !(request.mode === 'navigate' && url.pathname === `${base}/`)) return cached;
	try {
		const response = await fetch(request);
		if (response.ok && url.pathname.startsWith(`${base}/_app/immutable/`)) {
			await cache.put(request, response.clone());
		}
		return response;
	} catch (error) {
		if (cached) return cached;
		// Offline: a page that was not prerendered is served by the app shell.
		if (request.mode === 'navigate') {
			const shell = (await cache.match(`${base}/`)) ?? (await cache.match(FALLBACK));
			if (shell) return shell;
		}
		throw error;
	}
}
