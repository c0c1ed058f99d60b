/** Interface preferences, remembered on this device. */
import { DEFAULT_LOCALE, isLocale, localeFromLanguages, type Locale } from '../i18n/locale';
import { translate, type MessageKey } from '../i18n/messages';

const LOCALE_KEY = 'nianjian.locale';

class Settings {
	locale = $state<Locale>(DEFAULT_LOCALE);

	/** Reads the remembered language, or the browser's. Runs once, in the browser, on import. */
	init(): void {
		let stored: string | null = null;
		try {
			stored = localStorage.getItem(LOCALE_KEY);
		} catch {
			// Storage can be off (private windows); the browser language still applies.
		}
		this.locale = isLocale(stored) ? stored : localeFromLanguages(navigator.languages ?? []);
	}

	setLocale(locale: Locale): void {
		this.locale = locale;
		try {
			localStorage.setItem(LOCALE_KEY, locale);
		} catch {
			// Not remembered, but switched for this visit.
		}
	}

	t = (key: MessageKey, params?: Record<string, string | number>): string =>
		translate(this.locale, key, params);
}

export const settings = new Settings();
// Before hydration, not after: pages are prerendered in Chinese, and a page hydrated in Chinese
// and then switched to the reader's language did all of its rendering work twice.
if (typeof window !== 'undefined') settings.init();
