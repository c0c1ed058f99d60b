import type { Attachment } from 'svelte/attachments';

/**
 * An attachment that calls `onnear` once, when its element comes within `margin` of the viewport
 * (an IntersectionObserver rootMargin such as `'50% 0px'`: half a screen above or below). Parts of
 * a page nobody can see yet wait for it instead of making the page's first tasks longer.
 */
export function nearScreen(onnear: () => void, margin: string): Attachment<Element> {
	return (element) => {
		const observer = new IntersectionObserver(
			(entries) => {
				if (!entries.some((e) => e.isIntersecting)) return;
				observer.disconnect();
				onnear();
			},
			{ rootMargin: margin }
		);
		observer.observe(element);
		return () => observer.disconnect();
	};
}
