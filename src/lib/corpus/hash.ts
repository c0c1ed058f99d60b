/**
 * A fast 53-bit string hash (cyrb53), pure JavaScript so the page, the worker and Node agree.
 * Used for stable passage ids and the corpus fingerprint, never for security.
 */
export function hash53(text: string, seed = 0): number {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `hash53` as a fixed-width base-36 string. */
export function hashId(text: string, width = 8): string {
	return hash53(text).toString(36).padStart(11, '0').slice(-width);
}
