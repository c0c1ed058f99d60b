import adapter from '@sveltejs/adapter-static';

// BASE_PATH lets the same build be hosted under a sub-path (e.g. GitHub Pages: /nianjian).
const base = process.env.BASE_PATH ?? '';
// BUILD_DIR lets the browser tests keep a root build and a sub-path build side by side.
const out = process.env.BUILD_DIR ?? 'build';
// NIANJIAN_CORPUS_DIR builds the app with another corpus (e.g. the 5M-character benchmark one).
const corpusDir = process.env.NIANJIAN_CORPUS_DIR ?? 'corpus';
// KIT_OUT_DIR lets parallel builds (several test runs, a scale build) keep their work apart.
const outDir = process.env.KIT_OUT_DIR ?? '.svelte-kit';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: '200.html', strict: true }),
		outDir,
		// Small stylesheets go inline (hashed into the CSP): no render-blocking request for them.
		inlineStyleThreshold: 8192,
		paths: { base },
		alias: { $corpus: corpusDir },
		// The service worker is registered by the app itself so that an update is offered, never forced.
		serviceWorker: { register: false },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
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
