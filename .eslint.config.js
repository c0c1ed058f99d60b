// Kept as a dotfile (run with `eslint -c`) because the project's top level is fixed by the client.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** The pure core runs in the page, a Web Worker and Node alike, so it may not reach for any of these. */
const coreFolders = [
	'src/lib/text/**',
	'src/lib/corpus/**',
	'src/lib/search/**',
	'src/lib/bookmarks/**',
	'src/lib/charts/series/**'
];

export default ts.config(
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit*/',
			'node_modules/',
			'static/',
			'corpus/**/*.json',
			'test-results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'svelte/no-at-html-tags': 'error',
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: coreFolders,
		ignores: ['**/*.spec.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*', '@sveltejs/*', '$lib/*'],
							message: 'The core stays free of Svelte and SvelteKit; use relative imports.'
						},
						{
							group: ['node:*', 'fs', 'path'],
							message: 'The core runs in the browser too; Node I/O belongs in src/cli.'
						},
						{
							group: ['idb', 'chart.js', 'chart.js/*'],
							message: 'Storage and charts stay out of the core.'
						}
					]
				}
			],
			'no-restricted-globals': [
				'error',
				'window',
				'document',
				'localStorage',
				'indexedDB',
				'navigator'
			]
		}
	}
);
