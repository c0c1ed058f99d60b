/**
 * Bookmarks leaving the browser and coming back: a lossless, versioned JSON file, a Markdown file
 * to paste into a paper, and the checks an import file has to pass before anything is stored.
 */
import { translate } from '../i18n/messages';
import { displayPunctuation } from '../text/segments';
import type { Locale } from '../i18n/locale';
import type { Bookmark } from './model';
import { migrateRecord, RECORD_VERSION, UnknownVersion } from './migrations';
import { isPlainRecord, validateBookmark, type FieldProblem } from './validate';

export const EXPORT_FORMAT = 'nianjian-bookmarks';
/** Checked before the file is read or parsed. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_RECORDS = 10_000;

export interface ExportFile {
	format: typeof EXPORT_FORMAT;
	/** The record version of `bookmarks` (see migrations.ts). */
	version: number;
	exportedAt: string;
	bookmarks: Bookmark[];
}

/** Every field of the record in a fixed order, and nothing else. */
function exported(b: Bookmark): Bookmark {
	return {
		id: b.id,
		passageId: b.passageId,
		docId: b.docId,
		source: b.source,
		title: b.title,
		scope: b.scope,
		range: [b.range[0], b.range[1]],
		quote: b.quote,
		prefix: b.prefix,
		suffix: b.suffix,
		note: b.note,
		tags: [...b.tags],
		createdAt: b.createdAt,
		updatedAt: b.updatedAt,
		revision: b.revision,
		corpusHash: b.corpusHash
	};
}

export function toJson(bookmarks: readonly Bookmark[], now: number): string {
	const file: ExportFile = {
		format: EXPORT_FORMAT,
		version: RECORD_VERSION,
		exportedAt: new Date(now).toISOString(),
		bookmarks: bookmarks.map(exported)
	};
	return JSON.stringify(file, null, '\t') + '\n';
}

/** Why an import file was refused; nothing was stored. */
export type ImportProblem =
	| { kind: 'too-large'; limit: number }
	/** The parser's own words are in the browser's language, not the reader's: not kept. */
	| { kind: 'not-json' }
	| { kind: 'not-an-export' }
	| { kind: 'newer-version'; version: number }
	| { kind: 'too-many'; count: number; limit: number }
	| ({ kind: 'invalid-record'; record: number; id?: string } & FieldProblem);

export type ParsedImport =
	{ ok: true; version: number; bookmarks: Bookmark[] } | { ok: false; problem: ImportProblem };

/** UTF-8 bytes of a string, counted without encoding it. */
function utf8Length(text: string, stopAfter: number): number {
	let bytes = 0;
	for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

/**
 * Reads an export file: size first, then JSON, then the envelope, then every record. Any problem
 * refuses the whole file and says which record and field, and why.
 */
export function parseImport(text: string, maxBytes = MAX_IMPORT_BYTES): ParsedImport {
	if (text.length > maxBytes || utf8Length(text, maxBytes) > maxBytes)
		return { ok: false, problem: { kind: 'too-large', limit: maxBytes } };
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/u, ''));
	} catch {
		return { ok: false, problem: { kind: 'not-json' } };
	}
	if (!isPlainRecord(data) || !Object.hasOwn(data, 'format') || data.format !== EXPORT_FORMAT)
		return { ok: false, problem: { kind: 'not-an-export' } };
	const version = Object.hasOwn(data, 'version') ? data.version : undefined;
	const records = Object.hasOwn(data, 'bookmarks') ? data.bookmarks : undefined;
	if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
		return { ok: false, problem: { kind: 'not-an-export' } };
	if (version > RECORD_VERSION) return { ok: false, problem: { kind: 'newer-version', version } };
	if (!Array.isArray(records)) return { ok: false, problem: { kind: 'not-an-export' } };
	if (records.length > MAX_IMPORT_RECORDS)
		return {
			ok: false,
			problem: { kind: 'too-many', count: records.length, limit: MAX_IMPORT_RECORDS }
		};

	const bookmarks: Bookmark[] = [];
	for (let i = 0; i < records.length; i++) {
		const raw: unknown = records[i];
		const id =
			isPlainRecord(raw) && Object.hasOwn(raw, 'id') && typeof raw.id === 'string'
				? raw.id.slice(0, 64)
				: undefined;
		const invalid = (p: FieldProblem): ParsedImport => ({
			ok: false,
			problem: { kind: 'invalid-record', record: i + 1, id, ...p }
		});
		if (!isPlainRecord(raw)) return invalid({ field: '', expected: 'object' });
		let migrated: Record<string, unknown>;
		try {
			migrated = migrateRecord(raw, version);
		} catch (error) {
			if (error instanceof UnknownVersion)
				return { ok: false, problem: { kind: 'newer-version', version } };
			throw error;
		}
		const checked = validateBookmark(migrated);
		if (!checked.ok) return invalid(checked.problem);
		bookmarks.push(checked.bookmark);
	}
	return { ok: true, version, bookmarks };
}

/** Backslash-escapes what Markdown would read as markup, so a note stays the reader's text. */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/[\\`*_{}[\]<>()#+!|~]/gu, '\\$&')
		.replace(/^(\s*)([-=]|\d+\.)/gmu, (_m, space: string, mark: string) =>
			mark.endsWith('.') ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`
		);
}

/**
 * Ends each line that another follows with a hard break (`\`): Markdown joins lines a single
 * newline separates, and a note's lines are the reader's.
 */
function keepLineBreaks(text: string): string {
	const lines = text.split('\n');
	return lines
		.map((line, i) => (line.trim() && lines[i + 1]?.trim() ? `${line}\\` : line))
		.join('\n');
}

function blockquote(text: string): string {
	return text
		.split('\n')
		.map((line) => (line ? `> ${line}` : '>'))
		.join('\n');
}

export interface MarkdownOptions {
	locale: Locale;
	now: number;
	/** The absolute link to the bookmarked passage (with its span marked). */
	urlOf: (b: Bookmark) => string;
	/** How dates are written; ISO dates by default. */
	formatDate?: (ms: number) => string;
}

/** Quotes with their citation (title, source, link), then the note and tags. */
export function toMarkdown(bookmarks: readonly Bookmark[], options: MarkdownOptions): string {
	const { locale, urlOf } = options;
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
		translate(locale, key, params);
	const date = options.formatDate ?? ((ms: number) => new Date(ms).toISOString().slice(0, 10));
	const out: string[] = [
		`# ${t('bookmarks.md.heading')}`,
		'',
		t('bookmarks.md.exported', { date: date(options.now), count: bookmarks.length })
	];
	for (const b of bookmarks) {
		const url = urlOf(b);
		// The quote and title as the page shows them, like a copied citation.
		const title = escapeMarkdown(displayPunctuation(b.title));
		const cite =
			locale === 'zh-Hans'
				? `——《${title}》，${escapeMarkdown(b.source)}，<${url}>`
				: `— *${title}* (${escapeMarkdown(b.source)}), <${url}>`;
		const quote = blockquote(escapeMarkdown(displayPunctuation(b.quote)));
		out.push('', '---', '', quote, '>', `> ${cite}`);
		if (b.note.trim())
			out.push('', `**${t('bookmarks.md.note')}** ${keepLineBreaks(escapeMarkdown(b.note))}`);
		if (b.tags.length > 0)
			out.push(
				'',
				`**${t('bookmarks.md.tags')}** ${b.tags.map(escapeMarkdown).join(locale === 'zh-Hans' ? '、' : ', ')}`
			);
		out.push('', `*${t('bookmarks.md.saved', { date: date(b.createdAt) })}*`);
	}
	return out.join('\n') + '\n';
}
