/**
 * Bookmarks made up for tests, and a fast-check generator of valid ones. Only the specs import
 * this file.
 */
import fc from 'fast-check';
import { anchorIn, LIMITS, normalizeTags, type Bookmark } from './model';

export function sampleBookmark(overrides: Partial<Bookmark> = {}): Bookmark {
	const text = '全国政务信息化工作会议在北京召开,会议总结了各地各部门的经验。';
	const anchor = anchorIn(text, 2, 7);
	return {
		id: 'b-0001',
		passageId: 'p0000001',
		docId: '000_doc',
		source: '000_doc.txt',
		title: '测试文档',
		scope: 'span',
		...anchor,
		note: '',
		tags: [],
		createdAt: 1_700_000_000_000,
		updatedAt: 1_700_000_000_000,
		revision: 1,
		corpusHash: 'abc123',
		...overrides
	};
}

const idChars = fc.constantFrom(
	...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'.split('')
);
const id = (max: number) => fc.string({ unit: idChars, minLength: 1, maxLength: max });
/** Any text at all, astral characters and lone surrogates included. */
const anyText = (max: number) =>
	fc.oneof(
		fc.string({ maxLength: max }),
		fc.string({ unit: 'grapheme', maxLength: max }),
		fc.string({ unit: 'binary', maxLength: max })
	);

/** Any bookmark this version of the app can make or store. */
export const arbitraryBookmark: fc.Arbitrary<Bookmark> = fc
	.record({
		id: id(LIMITS.id),
		passageId: id(LIMITS.passageId),
		docId: fc.string({
			unit: fc.constantFrom(...'abc012_.-'.split('')),
			minLength: 1,
			maxLength: 40
		}),
		source: anyText(60),
		title: anyText(60),
		scope: fc.constantFrom('passage' as const, 'span' as const),
		passage: anyText(120).filter((s) => s.length > 0),
		cut: fc.tuple(fc.nat(), fc.nat()),
		note: anyText(200),
		tags: fc.array(anyText(20), { maxLength: 40 }),
		createdAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
		edited: fc.nat({ max: 10_000_000 }),
		revision: fc.integer({ min: 1, max: 1000 }),
		corpusHash: fc.string({
			unit: fc.constantFrom(...'0123456789abcdefz'.split('')),
			maxLength: 12
		})
	})
	.map((r) => {
		const a = r.cut[0] % r.passage.length;
		const b = a + 1 + (r.cut[1] % (r.passage.length - a));
		const anchor =
			r.scope === 'passage' ? anchorIn(r.passage, 0, r.passage.length) : anchorIn(r.passage, a, b);
		return { r, anchor };
	})
	.filter(({ anchor }) => anchor.quote.length > 0)
	.map(({ r, anchor }) => ({
		id: r.id,
		passageId: r.passageId,
		docId: r.docId,
		source: r.source,
		title: r.title,
		scope: r.scope,
		range: anchor.range,
		quote: anchor.quote,
		prefix: anchor.prefix,
		suffix: anchor.suffix,
		note: r.note,
		tags: normalizeTags(r.tags),
		createdAt: r.createdAt,
		updatedAt: r.createdAt + r.edited,
		revision: r.revision,
		corpusHash: r.corpusHash
	}));
