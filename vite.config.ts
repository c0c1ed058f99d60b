import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { VARIANT_PAIRS } from './src/lib/text/variant-classes';

/**
 * Start-up work done once, at build time: the Simplified/Traditional variant classes folding
 * uses are computed here and the module that computes them is replaced by its result, so the
 * search worker neither ships OpenCC's tables nor spends ~30 ms on them at every start.
 */
function precomputedVariantClasses(): Plugin {
	return {
		name: 'nianjian:precomputed-variant-classes',
		// Builds only: tests and the command line run the computation itself.
		apply: 'build',
		enforce: 'pre',
		load(id) {
			if (!id.replace(/\\/gu, '/').endsWith('/src/lib/text/variant-classes.ts')) return null;
			return `export const VARIANT_PAIRS = ${JSON.stringify(VARIANT_PAIRS)};`;
		}
	};
}

export default defineConfig({
	plugins: [precomputedVariantClasses(), sveltekit()],
	server: { fs: { allow: ['corpus'] } },
	worker: { format: 'es', plugins: () => [precomputedVariantClasses()] },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts'],
					environment: 'node',
					testTimeout: 60_000
				}
			},
			{
				test: {
					name: 'browser',
					include: ['tests/**/*.e2e.ts'],
					environment: 'node',
					globalSetup: ['tests/support/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 300_000
				}
			}
		]
	}
});
