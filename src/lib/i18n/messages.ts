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

/** The message in `locale`, with `{name}` placeholders filled from `params` (as text). */
export function translate(
	locale: Locale,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	const template = tables[locale][key] ?? tables.en[key] ?? key;
	return template.replace(/\{(\w+)\}/gu, (m, name: string) =>
		name in params ? String(params[name]) : m
	);
}

/** Keys present in one language and missing in the other: must be none (checked by a test). */
export function missingTranslations(): string[] {
	const zh = new Set(Object.keys(tables['zh-Hans']));
	const en = new Set(Object.keys(tables.en));
	return [...[...zh].filter((k) => !en.has(k)), ...[...en].filter((k) => !zh.has(k))];
}
