/** A new deployment waiting to take over: offered to the reader, never forced. */
class Updates {
	available = $state(false);
	offlineReady = $state(false);
	#waiting: ServiceWorker | null = null;

	watch(registration: ServiceWorkerRegistration): void {
		const offer = (worker: ServiceWorker | null) => {
			if (worker && navigator.serviceWorker.controller) {
				this.#waiting = worker;
				this.available = true;
			}
		};
		offer(registration.waiting);
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				if (installing.state === 'installed') {
					if (navigator.serviceWorker.controller) offer(installing);
					else this.offlineReady = true;
				}
			});
		});
		// Look for a new deployment whenever the reader comes back to the tab.
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void registration.update().catch(() => {});
		});
	}

	accept(): void {
		if (!this.#waiting) return;
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
			once: true
		});
		this.#waiting.postMessage({ type: 'SKIP_WAITING' });
	}

	dismiss(): void {
		this.available = false;
	}
}

export const updates = new Updates();
