/**
 * Rows drawn a few at a time once the page is up, one batch per frame: hydrating a page's every
 * table row in one task was most of the indicators page's blocking time on a phone (Lighthouse's
 * Total Blocking Time), and rows below the fold need not be there in its first frame. The server
 * renders none of them, so hydration has none to walk.
 */
import { onMount } from 'svelte';
import { afterNextPaint } from './after-paint';

export class Progressive {
	/** How many rows may be drawn now: none until mounted, then `step` more per frame, then all. */
	limit = $state(0);

	/** Call during component initialisation; `until` is how many rows the first screen wants. */
	constructor(step: number, until: () => number) {
		onMount(() => {
			let cancel = () => {};
			const grow = () => {
				const wanted = until();
				this.limit = Math.min(this.limit + step, wanted);
				if (this.limit >= wanted) this.limit = Infinity;
				else cancel = afterNextPaint(grow);
			};
			cancel = afterNextPaint(grow);
			return () => cancel();
		});
	}
}
