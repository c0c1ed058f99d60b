/**
 * Every interface string, in both languages. Each feature keeps its own file under messages/ so
 * work on one feature never touches another's strings.
 */
import { bookmarks } from './messages/bookmarks';
import { common } from './messages/common';
import { indicators } from './messages/indicators';
import { reader } from './messages/reader';
import { search } from './messages/search';
import type { Locale } from './locale';

const features = [common, search, reader, bookmarks, indicators] as const;

type Feature = (typeof features)[number];
type Keys<F> = F extends { en: infer E } ? keyof E : never;
export type MessageKey = Keys<Feature>;

const tables: Record<Locale, Record<string, string>> = {
	'zh-Hans': Object.assign({}, ...features.map((f) => f['zh-Hans'])),
	en: Object.assign({}, ...features.map((f) => f.en))
};

/**
 * `{name}`, or `{name|one|other}`: the form the locale's plural rules pick for the number, with
 * `#` standing for it ("{count|# result|# results}"). Chinese needs no forms; English does.
 */
const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/gu;

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralForm(locale: Locale, n: number): Intl.LDMLPluralRule {
	let rules = pluralRules.get(locale);
	if (!rules) {
		rules = new Intl.PluralRules(locale);
		pluralRules.set(locale, rules);
	}
	return rules.select(n);
}

/** The message in `locale`, with its placeholders filled from `params` (as text). */
export function translate(
	locale: Locale,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	const template = tables[locale][key] ?? tables.en[key] ?? key;
	return template.replace(PLACEHOLDER, (m, name: string, one?: string, other?: string) => {
		if (!(name in params)) return m;
		const value = String(params[name]);
		if (one === undefined || other === undefined) return value;
		const form = pluralForm(locale, Number(params[name])) === 'one' ? one : other;
		return form.replaceAll('#', value);
	});
}

/** Every message template of `locale`, by key: for tests that check them all. */
export function messageTemplates(locale: Locale): Readonly<Record<string, string>> {
	return tables[locale];
}

/** Keys present in one language and missing in the other: must be none (checked by a test). */
export function missingTranslations(): string[] {
	const zh = new Set(Object.keys(tables['zh-Hans']));
	const en = new Set(Object.keys(tables.en));
	return [...[...zh].filter((k) => !en.has(k)), ...[...en].filter((k) => !zh.has(k))];
}
