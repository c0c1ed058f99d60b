/**
 * Rows drawn a few at a time once the page is up, one batch per frame: hydrating a page's every
 * table row in one task was most of the indicators page's blocking time on a phone (Lighthouse's
 * Total Blocking Time), and rows below the fold need not be there in its first frame. The server
 * renders none of them, so hydration has none to walk.
 */
import type { Attachment } from 'svelte/attachments';
import { afterNextPaint } from './after-paint';
import { nearScreen } from './near-screen';

export class Progressive {
	/** How many rows may be drawn now: none until mounted, then `step` more per frame, then all. */
	limit = $state(0);
	/**
	 * Whether the rows will move nothing below them any more: all are drawn, or the first look
	 * found them far from the screen (they wait for the reader). What comes after them waits for
	 * this before it measures how near the screen it is.
	 */
	settled = $state(false);
	#near = $state(true);
	#margin: string | undefined;

	/**
	 * Call during component initialisation; `until` is how many rows the first screen wants. With
	 * `nearMargin` (an IntersectionObserver rootMargin), rows wait until the element given to `near`
	 * comes that close to the viewport: each batch's layout cost a phone ~10 ms, for rows nobody
	 * could see yet.
	 */
	constructor(step: number, until: () => number, options: { nearMargin?: string } = {}) {
		this.#margin = options.nearMargin;
		if (this.#margin !== undefined) this.#near = false;
		// An effect runs once the component is mounted (never on the server), again when `near` flips.
		$effect(() => {
			if (!this.#near) return;
			let cancel = () => {};
			const grow = () => {
				const wanted = until();
				this.limit = Math.min(this.limit + step, wanted);
				if (this.limit >= wanted) {
					this.limit = Infinity;
					this.settled = true;
				} else cancel = afterNextPaint(grow);
			};
			cancel = afterNextPaint(grow);
			return () => cancel();
		});
	}

	/** `{@attach progressive.near}` on the element whose closeness to the screen starts the rows. */
	readonly near: Attachment<Element> = (element) => {
		if (this.#near || this.#margin === undefined) return;
		return nearScreen(
			() => (this.#near = true),
			this.#margin,
			() => (this.settled = true)
		)(element);
	};
}
