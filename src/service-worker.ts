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
/** What SvelteKit asks after a failed navigation, to tell a new deployment from a broken page. */
const VERSION_FILE = `${base}/_app/version.json`;
const ASSETS = [...new Set([...build, ...files, ...prerendered, FALLBACK, VERSION_FILE])];

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
	// The home page and the version file come from the network when it answers, so a reload
	// (or SvelteKit's check after a failed navigation) can see a new deployment.
	const fresh =
		url.pathname === VERSION_FILE || (request.mode === 'navigate' && url.pathname === `${base}/`);
	if (cached && !fresh) return cached;
	try {
		const response = await fetch(request);
		if (response.ok && url.pathname.startsWith(`${base}/_app/immutable/`)) {
			await cache.put(request, response.clone());
		}
		return response;
	} catch (error) {
		if (cached) return cached;
		// Every page's data was cached at install: data missing offline belongs to no page of this
		// version, and a 404 lets the page say "not found" rather than a network error.
		if (url.pathname.endsWith('/__data.json')) return new Response('not found', { status: 404 });
		// Offline: a page that was not prerendered is served by the app shell. The fallback page
		// comes first: its asset paths are absolute, while a prerendered page's are relative to
		// where it was rendered and break at any other depth (`/doc/unknown`).
		if (request.mode === 'navigate') {
			const shell = (await cache.match(FALLBACK)) ?? (await cache.match(`${base}/`));
			if (shell) return shell;
		}
		throw error;
	}
}
