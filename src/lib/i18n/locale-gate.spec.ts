/**
 * The locale gate in src/app.html repeats, as an inline script that runs before the page paints, the choice
 * `settings.init()` makes when the app starts. If the two drift, a reader's page stays hidden for 4 s
 * or shifts after painting: this holds them to the same answer.
 */
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../testing/property-runs';
import { DEFAULT_LOCALE, isLocale, localeFromLanguages } from './locale';

// The very text svelte.config.js hashes into the CSP.
import { localeGateScript } from '../../../svelte.config.js';

const GATE = localeGateScript!;

/** Runs the gate in a page stub; true when it holds the page back. */
function gateHolds(languages: string[], stored: string | null, throwsOnStorage = false): boolean {
	const documentElement = { lang: DEFAULT_LOCALE as string, dataset: {} as Record<string, string> };
	vm.runInNewContext(GATE, {
		document: { documentElement },
		navigator: { languages },
		localStorage: {
			getItem: () => {
				if (throwsOnStorage) throw new Error('SecurityError');
				return stored;
			}
		}
	});
	return 'localePending' in documentElement.dataset;
}

function appLocale(languages: string[], stored: string | null) {
	return isLocale(stored) ? stored : localeFromLanguages(languages);
}

describe('the locale gate in src/app.html', () => {
	it('holds the page exactly when the app will switch away from the prerendered language', () => {
		const language = fc.oneof(
			fc.constantFrom('zh', 'zh-CN', 'zh-TW', 'ZH-hk', 'en', 'en-US', 'EN-gb', 'fr', 'ja', ''),
			fc.string({ maxLength: 6 })
		);
		fc.assert(
			fc.property(
				fc.array(language, { maxLength: 4 }),
				fc.option(fc.constantFrom('zh-Hans', 'en', 'de', ''), { nil: null }),
				(languages, stored) => {
					const expected = appLocale(languages, stored) !== DEFAULT_LOCALE;
					expect(gateHolds(languages, stored)).toBe(expected);
				}
			),
			{ numRuns: propertyRuns(), seed: 20261122 }
		);
	});

	it('falls back to the browser languages when storage is blocked', () => {
		expect(gateHolds(['en-US'], null, true)).toBe(true);
		expect(gateHolds(['zh-TW'], null, true)).toBe(false);
	});
});
