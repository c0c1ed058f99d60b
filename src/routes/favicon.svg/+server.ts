/**
 * The favicon, prerendered from the same outline as the header's brand mark, so the two cannot
 * drift apart. Its colours are fixed: a browser tab does not follow the page's colour scheme.
 */
import { BRAND_GLYPH_EM, BRAND_GLYPH_PATH } from '$lib/components/brand-glyph';

export const prerender = true;

const SIZE = 64;
/** The glyph's em square, centred: the same share of the tile as the header mark's. */
const GLYPH = 34;

export function GET(): Response {
	const offset = (SIZE - GLYPH) / 2;
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">` +
		`<rect width="${SIZE}" height="${SIZE}" rx="12" fill="#8b1a1a"/>` +
		`<path transform="translate(${offset} ${offset}) scale(${GLYPH / BRAND_GLYPH_EM})" fill="#fff" d="${BRAND_GLYPH_PATH}"/>` +
		`</svg>`;
	return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
}
