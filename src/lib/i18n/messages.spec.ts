import { describe, expect, it } from 'vitest';
import { localeFromLanguages } from './locale';
import { missingTranslations, translate } from './messages';

describe('messages', () => {
	it('has every string in both languages', () => {
		expect(missingTranslations()).toEqual([]);
	});

	it('fills placeholders as text', () => {
		expect(translate('en', 'search.count', { count: 3 })).toBe('3 results');
		expect(translate('zh-Hans', 'search.none', { query: '<b>x</b>' })).toBe(
			'没有找到包含「<b>x</b>」的段落。'
		);
	});

	it('picks the interface language from the browser languages', () => {
		expect(localeFromLanguages(['zh-TW', 'en'])).toBe('zh-Hans');
		expect(localeFromLanguages(['en-GB'])).toBe('en');
		expect(localeFromLanguages(['fr-FR', 'de'])).toBe('en');
		expect(localeFromLanguages([])).toBe('zh-Hans');
	});
});
