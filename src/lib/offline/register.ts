/**
 * Registers the service worker once the page has settled, so its precaching never competes with
 * the first search; tells the update prompt when a new version is waiting.
 */
import { dev } from '$app/environment';
import { resolve } from '$app/paths';
import { updates } from '../state/updates.svelte';

export function registerServiceWorker(): void {
	if (dev || !('serviceWorker' in navigator)) return;
	const register = async () => {
		try {
			const registration = await navigator.serviceWorker.register(
				resolve('/') + 'service-worker.js',
				{ scope: resolve('/') }
			);
			updates.watch(registration);
		} catch {
			// No service worker (blocked, insecure origin): the app still works online.
		}
	};
	const whenIdle = () =>
		'requestIdleCallback' in window
			? requestIdleCallback(() => void register(), { timeout: 5000 })
			: setTimeout(() => void register(), 1000);
	if (document.readyState === 'complete') whenIdle();
	else addEventListener('load', whenIdle, { once: true });
}
