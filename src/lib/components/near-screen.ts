import type { Attachment } from 'svelte/attachments';

/**
 * An attachment that calls `onnear` once, when its element comes within `margin` of the viewport
 * (an IntersectionObserver rootMargin such as `'50% 0px'`: half a screen above or below). Parts of
 * a page nobody can see yet wait for it instead of making the page's first tasks longer.
 * `onfar`, if given, is called when the first look finds the element farther away than that.
 */
export function nearScreen(
	onnear: () => void,
	margin: string,
	onfar?: () => void
): Attachment<Element> {
	return (element) => {
		let looked = false;
		const observer = new IntersectionObserver(
			(entries) => {
				const first = !looked;
				looked = true;
				if (!entries.some((e) => e.isIntersecting)) {
					if (first) onfar?.();
					return;
				}
				observer.disconnect();
				onnear();
			},
			{ rootMargin: margin }
		);
		observer.observe(element);
		return () => observer.disconnect();
	};
}
