import { describe, expect, it } from 'vitest';
import { localeFromLanguages } from './locale';
import { messageTemplates, missingTranslations, translate, type MessageKey } from './messages';

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

	it('picks the English singular or plural by the number', () => {
		expect(translate('en', 'search.count', { count: 1 })).toBe('1 result');
		expect(translate('en', 'search.count', { count: 0 })).toBe('0 results');
		expect(translate('en', 'bookmarks.cleared', { count: 1 })).toMatch(
			/^The bookmark this browser had saved is gone: .* If you exported it,/u
		);
		expect(translate('en', 'bookmarks.cleared', { count: 4 })).toMatch(
			/^The 4 bookmarks this browser had saved are gone: .* If you exported them,/u
		);
		expect(translate('zh-Hans', 'search.count', { count: 1 })).toBe('1 条结果');
	});

	it('never says "1 things" in English', () => {
		const wrong = Object.entries(messageTemplates('en')).flatMap(([key, template]) => {
			const names = [...template.matchAll(/\{(\w+)/gu)].map((m) => m[1]!);
			const params = Object.fromEntries(names.map((n) => [n, 1]));
			const text = translate('en', key as MessageKey, params);
			return /\b1\s[a-z]+s\b/u.test(text) ? [`${key}: ${text}`] : [];
		});
		expect(wrong).toEqual([]);
	});

	it('picks the interface language from the browser languages', () => {
		expect(localeFromLanguages(['zh-TW', 'en'])).toBe('zh-Hans');
		expect(localeFromLanguages(['en-GB'])).toBe('en');
		expect(localeFromLanguages(['fr-FR', 'de'])).toBe('en');
		expect(localeFromLanguages([])).toBe('zh-Hans');
	});
});
