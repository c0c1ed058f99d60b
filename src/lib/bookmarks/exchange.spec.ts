import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { propertyRuns } from '../testing/property-runs';
import {
	escapeMarkdown,
	EXPORT_FORMAT,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_RECORDS,
	parseImport,
	toJson,
	toMarkdown
} from './exchange';
import { RECORD_VERSION } from './migrations';
import type { Bookmark } from './model';
import { arbitraryBookmark, sampleBookmark } from './test-data';

const FIELDS = [
	'id',
	'passageId',
	'docId',
	'source',
	'title',
	'scope',
	'range',
	'quote',
	'prefix',
	'suffix',
	'note',
	'tags',
	'createdAt',
	'updatedAt',
	'revision',
	'corpusHash'
];

function file(bookmarks: unknown[], extra: Record<string, unknown> = {}): string {
	return JSON.stringify({ format: EXPORT_FORMAT, version: RECORD_VERSION, bookmarks, ...extra });
}

/** JSON text of an object with these keys in this order — `__proto__` included as a plain key. */
function objectText(entries: [string, unknown][]): string {
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
}

function prototypeIsClean(): boolean {
	const probe = {} as Record<string, unknown>;
	return (
		Object.getOwnPropertyNames(Object.prototype).every((k) => k !== 'polluted' && k !== 'id') &&
		probe.polluted === undefined &&
		probe.isAdmin === undefined &&
		Object.getPrototypeOf(probe) === Object.prototype
	);
}

afterEach(() => vi.restoreAllMocks());

describe('export then import', () => {
	it('is the identity, for any bookmarks', () => {
		fc.assert(
			fc.property(fc.array(arbitraryBookmark, { maxLength: 6 }), fc.nat(), (list, now) => {
				const parsed = parseImport(toJson(list, now));
				expect(parsed).toEqual({ ok: true, version: RECORD_VERSION, bookmarks: list });
			}),
			{ numRuns: propertyRuns(), seed: 20261122 }
		);
	});

	it('writes a versioned envelope with every field in a fixed order', () => {
		const json = JSON.parse(toJson([sampleBookmark()], Date.UTC(2025, 0, 2))) as {
			bookmarks: Record<string, unknown>[];
		};
		expect(json).toMatchObject({
			format: EXPORT_FORMAT,
			version: RECORD_VERSION,
			exportedAt: '2025-01-02T00:00:00.000Z'
		});
		expect(Object.keys(json.bookmarks[0]!)).toEqual(FIELDS);
	});

	it('drops fields it does not know, in memory or in a file', () => {
		const extra = { ...sampleBookmark(), extra: 1, deleted: true } as Bookmark;
		const exported = JSON.parse(toJson([extra], 0)) as { bookmarks: object[] };
		expect(Object.keys(exported.bookmarks[0]!)).toEqual(FIELDS);
		const parsed = parseImport(file([{ ...sampleBookmark(), script: '<b>', isAdmin: true }]));
		expect(parsed.ok && Object.keys(parsed.bookmarks[0]!)).toEqual(FIELDS);
	});
});

describe('import of untrusted files', () => {
	it('checks the size before parsing anything', () => {
		const parse = vi.spyOn(JSON, 'parse');
		const big = ' '.repeat(MAX_IMPORT_BYTES + 1);
		expect(parseImport(big)).toEqual({
			ok: false,
			problem: { kind: 'too-large', limit: MAX_IMPORT_BYTES }
		});
		// Counted in UTF-8: 3 bytes per Chinese character.
		expect(parseImport('政'.repeat(100), 299).ok).toBe(false);
		expect(parse).not.toHaveBeenCalled();
	});

	it('says what is wrong with the file as a whole', () => {
		expect(parseImport('{nope').ok).toBe(false);
		// Nothing of the parser's message, which is in the browser's language.
		expect(parseImport('{nope')).toEqual({ ok: false, problem: { kind: 'not-json' } });
		expect(parseImport('[]')).toMatchObject({ problem: { kind: 'not-an-export' } });
		expect(parseImport('{"format":"other","version":1,"bookmarks":[]}')).toMatchObject({
			problem: { kind: 'not-an-export' }
		});
		expect(parseImport(file([], { version: RECORD_VERSION + 1 }))).toMatchObject({
			problem: { kind: 'newer-version', version: RECORD_VERSION + 1 }
		});
		expect(parseImport(file([], { bookmarks: {} }))).toMatchObject({
			problem: { kind: 'not-an-export' }
		});
		const many = Array.from({ length: MAX_IMPORT_RECORDS + 1 }, () => 0);
		expect(parseImport(file(many))).toMatchObject({ problem: { kind: 'too-many' } });
		expect(parseImport('\uFEFF' + file([]))).toEqual({ ok: true, version: 1, bookmarks: [] });
	});

	it('says which record and which field is wrong, and why', () => {
		const good = sampleBookmark();
		const cases: [unknown, string, string][] = [
			[{ ...good, id: 'has space' }, 'id', 'id'],
			[{ ...good, passageId: '../x' }, 'passageId', 'passage-id'],
			[{ ...good, scope: 'page' }, 'scope', 'scope'],
			[{ ...good, quote: '' }, 'quote', 'quote'],
			[{ ...good, range: [0, 1] }, 'range', 'range'],
			[{ ...good, range: '2-7' }, 'range', 'range'],
			[{ ...good, tags: [1] }, 'tags', 'tags'],
			[{ ...good, tags: 'a,b' }, 'tags', 'tags'],
			[{ ...good, createdAt: '2025-01-01' }, 'createdAt', 'date'],
			[{ ...good, revision: 0 }, 'revision', 'revision'],
			[{ ...good, note: 42 }, 'note', 'text'],
			[{ ...good, corpusHash: 'ABC!' }, 'corpusHash', 'hash'],
			[[good], '', 'object']
		];
		for (const [record, field, expected] of cases) {
			const parsed = parseImport(file([good, record]));
			expect(parsed, JSON.stringify(record)).toMatchObject({
				ok: false,
				problem: { kind: 'invalid-record', record: 2, field, expected }
			});
		}
		expect(parseImport(file([{ ...good, id: 'x'.repeat(200) }]))).toMatchObject({
			problem: { record: 1, id: 'x'.repeat(64), field: 'id' }
		});
	});

	it('fills what a hand-written file may leave out', () => {
		const {
			note: _n,
			tags: _t,
			prefix: _p,
			suffix: _s,
			corpusHash: _c,
			...rest
		} = sampleBookmark();
		const { updatedAt: _u, revision: _r, ...minimal } = rest;
		const parsed = parseImport(file([minimal]));
		expect(parsed.ok && parsed.bookmarks[0]).toMatchObject({
			note: '',
			tags: [],
			prefix: '',
			suffix: '',
			corpusHash: '',
			revision: 1,
			updatedAt: minimal.createdAt
		});
	});

	it('makes __proto__ and constructor keys harmless', () => {
		const good = sampleBookmark();
		const entries = Object.entries(good);
		const text = `{"format":"${EXPORT_FORMAT}","version":1,"__proto__":{"polluted":true},"bookmarks":[${objectText(
			[
				['__proto__', { isAdmin: true, polluted: 1 }],
				['constructor', { prototype: { polluted: 1 } }],
				...entries
			]
		)}]}`;
		const parsed = parseImport(text);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const b = parsed.bookmarks[0]!;
		expect(Object.getPrototypeOf(b)).toBe(Object.prototype);
		expect(Object.keys(b)).toEqual(FIELDS);
		expect((b as unknown as Record<string, unknown>).isAdmin).toBeUndefined();
		expect(prototypeIsClean()).toBe(true);
		// A record that only has inherited fields is not a record.
		const inherited = parseImport(file([], { bookmarks: [{}] }));
		expect(inherited).toMatchObject({ ok: false, problem: { field: 'id' } });
	});

	it('never throws and never pollutes prototypes, whatever the JSON', () => {
		const keys = fc.constantFrom(
			'__proto__',
			'constructor',
			'prototype',
			'polluted',
			...FIELDS,
			'format',
			'version',
			'bookmarks'
		);
		const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
			v: fc.oneof(
				{ depthSize: 'small' },
				fc.jsonValue({ maxDepth: 2 }),
				fc.array(tie('v'), { maxLength: 4 }),
				fc.array(fc.tuple(keys, tie('v')), { maxLength: 6 }).map((pairs) => ({ __pairs: pairs }))
			)
		})).v;
		const toText = (v: unknown): string => {
			if (Array.isArray(v)) return `[${v.map(toText).join(',')}]`;
			if (v && typeof v === 'object' && '__pairs' in v)
				return `{${(v as { __pairs: [string, unknown][] }).__pairs.map(([k, x]) => `${JSON.stringify(k)}:${toText(x)}`).join(',')}}`;
			return JSON.stringify(v) ?? 'null';
		};
		// Valid records with one field replaced by anything: the validator's every branch.
		const mangled = fc
			.tuple(arbitraryBookmark, keys, value)
			.map(([b, k, v]) =>
				toText({ __pairs: [...Object.entries(b).filter(([key]) => key !== k), [k, v]] })
			);
		const anyFile = fc.oneof(
			fc.json(),
			value.map(toText),
			fc
				.array(fc.oneof(value.map(toText), mangled), { maxLength: 4 })
				.map(
					(records) =>
						`{"format":"${EXPORT_FORMAT}","version":1,"bookmarks":[${records.join(',')}]}`
				)
		);
		fc.assert(
			fc.property(anyFile, (text) => {
				const parsed = parseImport(text);
				expect(prototypeIsClean()).toBe(true);
				if (!parsed.ok) return;
				for (const b of parsed.bookmarks) {
					expect(Object.getPrototypeOf(b)).toBe(Object.prototype);
					expect(Object.keys(b)).toEqual(FIELDS);
					expect(b.range[1] - b.range[0]).toBe(b.quote.length);
					expect(b.tags.every((t) => typeof t === 'string')).toBe(true);
					// What it accepts, it exports and reads back unchanged.
					expect(parseImport(toJson([b], 0))).toEqual({ ok: true, version: 1, bookmarks: [b] });
				}
			}),
			{ numRuns: propertyRuns(), seed: 20261122 }
		);
	});
});

describe('Markdown export', () => {
	const b = sampleBookmark({
		note: '见 *第二章*\n- 不是列表 <script>alert(1)</script>',
		tags: ['政策', 'a_b']
	});
	const urlOf = (x: Bookmark) =>
		`https://example.org/doc/${x.docId}?mark=${x.passageId}:2-7#p-${x.passageId}`;

	it('quotes each bookmark with its citation: title, source and link', () => {
		const md = toMarkdown([b], { locale: 'zh-Hans', now: Date.UTC(2025, 0, 2), urlOf });
		expect(md).toContain(`> ${b.quote}`);
		expect(md).toContain(`> ——《${b.title}》，${b.source.replace('_', '\\_')}，<${urlOf(b)}>`);
		expect(md).toContain('**标签：** 政策、a\\_b');
		expect(md.startsWith('# 年鉴收藏')).toBe(true);
		const en = toMarkdown([b], { locale: 'en', now: 0, urlOf });
		expect(en).toContain(`> — *${b.title}* (${b.source.replace('_', '\\_')}), <${urlOf(b)}>`);
		expect(en).toContain('**Note:**');
	});

	it('keeps notes as text: no markup survives unescaped', () => {
		const md = toMarkdown([b], { locale: 'en', now: 0, urlOf });
		expect(md).not.toContain('<script>');
		expect(md).toContain('\\<script\\>');
		expect(md).toContain('\\*第二章\\*');
		expect(md).toContain('\n\\- 不是列表');
		expect(escapeMarkdown('1. a\n# b')).toBe('1\\. a\n\\# b');
	});

	it('keeps a note’s line breaks: each line another follows ends in a hard break', () => {
		// The first line ends in a backslash of the reader's own, escaped before the break.
		const noted = sampleBookmark({ note: '第一行 a\\\n第二行\n\n新的一段\n' });
		const md = toMarkdown([noted], { locale: 'zh-Hans', now: 0, urlOf });
		expect(md).toContain('**笔记：** 第一行 a\\\\\\\n第二行\n\n新的一段\n');
		// The JSON export keeps the note exactly.
		const json = JSON.parse(toJson([noted], 0)) as { bookmarks: Bookmark[] };
		expect(json.bookmarks[0]!.note).toBe(noted.note);
	});

	it('quotes the text and title as the page shows them: full-width marks beside Chinese', () => {
		const md = toMarkdown([sampleBookmark({ title: '会议:经验', quote: '北京召开,会议总结' })], {
			locale: 'zh-Hans',
			now: 0,
			urlOf
		});
		expect(md).toContain('> 北京召开，会议总结\n');
		expect(md).toContain('——《会议：经验》');
	});

	it('quotes every line of a multi-line quote', () => {
		const md = toMarkdown([sampleBookmark({ quote: 'a\nb', range: [0, 3] })], {
			locale: 'en',
			now: 0,
			urlOf
		});
		expect(md).toContain('> a\n> b\n>\n> —');
	});
});
