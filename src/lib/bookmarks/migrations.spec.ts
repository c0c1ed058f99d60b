import { describe, expect, it } from 'vitest';
import {
	migrateRecord,
	RECORD_VERSION,
	RELEASED_RECORD_VERSIONS,
	UnknownVersion
} from './migrations';
import { sampleBookmark } from './test-data';
import { validateBookmark } from './validate';

/**
 * A record exactly as each released version wrote it. A new version adds its own here; the
 * earlier ones never change, so every step keeps being tested from where real data starts.
 */
const writtenBy: Record<number, Record<string, unknown>> = {
	1: {
		id: '3f1c6f0e-8d1a-4c57-9a55-2f5b8f0f7c11',
		passageId: 'pcxxvypxx',
		docId: '000_d56171d339cd50a1',
		source: '000_d56171d339cd50a1.txt',
		title: '中国电子政务网络已覆盖90%的市和80%的县',
		scope: 'span',
		range: [6, 21],
		quote: '全部中央部委主要业务信息化覆盖',
		prefix: '从总体来看,',
		suffix: '率约为50%左右,全国流动人口服务管理信息化覆盖率达79%。',
		note: '引用于第二章',
		tags: ['覆盖率', '2012'],
		createdAt: 1_763_000_000_000,
		updatedAt: 1_763_000_500_000,
		revision: 2,
		corpusHash: '16vs6s55p0l'
	}
};

describe('record migrations', () => {
	it('has a sample for every released version', () => {
		expect(RELEASED_RECORD_VERSIONS).toContain(RECORD_VERSION);
		for (const v of RELEASED_RECORD_VERSIONS) expect(writtenBy[v], `version ${v}`).toBeDefined();
	});

	it.each(RELEASED_RECORD_VERSIONS.map((v) => [v]))(
		'brings a version %i record to a valid current record',
		(version) => {
			const migrated = migrateRecord(writtenBy[version]!, version);
			const checked = validateBookmark(migrated);
			expect(checked.ok).toBe(true);
			if (checked.ok) expect(checked.bookmark.quote.length).toBeGreaterThan(0);
		}
	);

	it('leaves a current record as it is', () => {
		const b = sampleBookmark({ note: 'n', tags: ['t'] });
		expect(migrateRecord({ ...b }, RECORD_VERSION)).toEqual(b);
	});

	it('refuses versions it does not know', () => {
		expect(() => migrateRecord({}, RECORD_VERSION + 1)).toThrow(UnknownVersion);
		expect(() => migrateRecord({}, 0)).toThrow(UnknownVersion);
		expect(() => migrateRecord({}, 1.5)).toThrow(UnknownVersion);
	});
});
