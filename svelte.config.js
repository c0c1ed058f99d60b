import adapter from '@sveltejs/adapter-static';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// BASE_PATH lets the same build be hosted under a sub-path (e.g. GitHub Pages: /nianjian).
const base = /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? '');
// BUILD_DIR lets the browser tests keep a root build and a sub-path build side by side.
const out = process.env.BUILD_DIR ?? 'build';
// NIANJIAN_CORPUS_DIR builds the app with another corpus (e.g. the 5M-character benchmark one).
const corpusDir = process.env.NIANJIAN_CORPUS_DIR ?? 'corpus';
// KIT_OUT_DIR lets parallel builds (several test runs, a scale build) keep their work apart.
const outDir = process.env.KIT_OUT_DIR ?? '.svelte-kit';

/**
 * The one inline script of app.html (it holds the first paint until the page speaks the reader's
 * language), exactly as the browser hashes it: its CSP hash is computed here, so editing the
 * script can never leave a stale hash behind.
 */
export const localeGateScript = /<script data-locale-gate>([\s\S]*?)<\/script>/u.exec(
	readFileSync(new URL('./src/app.html', import.meta.url), 'utf8')
)?.[1];
if (localeGateScript === undefined) throw new Error('src/app.html lost its locale gate script');
/** @type {`sha256-${string}`} */
const localeGateHash = `sha256-${createHash('sha256').update(localeGateScript).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: '200.html', strict: true }),
		outDir,
		// Stylesheets go inline (hashed into the CSP): no render-blocking request for them. Each
		// page's own is 1.5–8.5 KB; tests/budget.e2e.ts fails when one outgrows this and is linked.
		inlineStyleThreshold: 12288,
		paths: { base },
		alias: { $corpus: corpusDir },
		// The service worker is registered by the app itself so that an update is offered, never forced.
		serviceWorker: { register: false },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', localeGateHash],
				'style-src': ['self'],
				// SvelteKit's route announcer carries one fixed style attribute; allow exactly it.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
