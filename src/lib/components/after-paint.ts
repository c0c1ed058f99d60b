/**
 * Runs `callback` just after the browser has painted the next frame: an animation frame callback
 * runs before that frame's paint, a task queued from it runs after. Work that can wait one frame
 * (items below the fold, a sidebar) then stays out of the frame that shows a keystroke's results.
 * Returns a function that cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => {
		timer = setTimeout(callback);
	});
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}
