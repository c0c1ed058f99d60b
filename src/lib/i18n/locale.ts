/** The interface speaks Simplified Chinese or English; corpus text is never translated. */
export const LOCALES = ['zh-Hans', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-Hans';

/** The first browser language we speak: any Chinese → 简体中文, anything else → English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
	for (const lang of languages) {
		const l = lang.toLowerCase();
		if (l.startsWith('zh')) return 'zh-Hans';
		if (l.startsWith('en')) return 'en';
	}
	return languages.length > 0 ? 'en' : DEFAULT_LOCALE;
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
