import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { parseImport, toJson, EXPORT_FORMAT } from '../bookmarks/exchange';
import type { Bookmark } from '../bookmarks/model';
import { arbitraryBookmark, sampleBookmark } from '../bookmarks/test-data';
import { propertyRuns } from '../testing/property-runs';
import { BOOKMARK_DB_VERSION, BookmarkStore, isNewerDatabase } from './bookmark-store';

let counter = 0;
/** Each test gets a database of its own. */
const freshName = () => `bookmarks-test-${++counter}`;

/**
 * Each released database version as that version created it, written with the raw API so that a
 * later edit to `upgradeSteps` cannot quietly change what "version 1" means here.
 */
const releasedDatabases: Record<number, (db: IDBDatabase) => void> = {
	1: (db) => {
		const store = db.createObjectStore('bookmarks', { keyPath: 'id' });
		store.createIndex('passageId', 'passageId');
		store.createIndex('updatedAt', 'updatedAt');
	}
};

function rawOpen(name: string, version: number, upgrade?: (db: IDBDatabase) => void) {
	return new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open(name, version);
		request.onupgradeneeded = () => upgrade?.(request.result);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
		request.onblocked = () => reject(new Error('blocked'));
	});
}

async function rawPut(db: IDBDatabase, records: unknown[]): Promise<void> {
	const tx = db.transaction('bookmarks', 'readwrite');
	for (const r of records) tx.objectStore('bookmarks').put(r);
	await new Promise((resolve, reject) => {
		tx.oncomplete = resolve;
		tx.onerror = () => reject(tx.error);
	});
}

describe('BookmarkStore: schema and upgrades', () => {
	it('creates the current schema in a new database', async () => {
		const name = freshName();
		const store = await BookmarkStore.open({ name });
		store.close();
		const db = await openDB(name);
		expect(db.version).toBe(BOOKMARK_DB_VERSION);
		expect([...db.objectStoreNames]).toEqual(['bookmarks']);
		const tx = db.transaction('bookmarks');
		expect(tx.store.keyPath).toBe('id');
		expect([...tx.store.indexNames].sort()).toEqual(['passageId', 'updatedAt']);
		db.close();
	});

	it.each(Object.keys(releasedDatabases).map((v) => [Number(v)]))(
		'opens a version %i database with its bookmarks intact',
		async (version) => {
			const name = freshName();
			const db = await rawOpen(name, version, (d) => {
				for (let v = 1; v <= version; v++) releasedDatabases[v]!(d);
			});
			const written = [
				sampleBookmark({ id: 'old-1', note: '旧笔记', tags: ['a'] }),
				sampleBookmark({ id: 'old-2', passageId: 'p2', scope: 'passage' })
			];
			await rawPut(db, written);
			db.close();
			const store = await BookmarkStore.open({ name });
			const { bookmarks, unreadable } = await store.all();
			expect(unreadable).toBe(0);
			expect(bookmarks.sort((a, b) => a.id.localeCompare(b.id))).toEqual(written);
			store.close();
		}
	);

	it('has a released schema for every version up to the current one', () => {
		for (let v = 1; v <= BOOKMARK_DB_VERSION; v++) expect(releasedDatabases[v]).toBeDefined();
	});

	it('steps aside at once when a newer version opens the database', async () => {
		const name = freshName();
		let told = 0;
		const store = await BookmarkStore.open({ name, onVersionChange: () => told++ });
		await store.add(sampleBookmark());
		// A newer tab: its open would be blocked (and reject here) if this connection stayed open.
		const newer = await rawOpen(name, BOOKMARK_DB_VERSION + 1, (db) =>
			db.createObjectStore('future')
		);
		expect(told).toBe(1);
		expect(newer.version).toBe(BOOKMARK_DB_VERSION + 1);
		newer.close();
		await expect(store.count()).rejects.toThrow();
	});

	it('refuses to open a database written by a newer version, and says so', async () => {
		const name = freshName();
		(await rawOpen(name, BOOKMARK_DB_VERSION + 1, (db) => releasedDatabases[1]!(db))).close();
		const error = await BookmarkStore.open({ name }).catch((e: unknown) => e);
		expect(isNewerDatabase(error)).toBe(true);
	});

	it('keeps records it cannot read, untouched, and counts them', async () => {
		const name = freshName();
		const store = await BookmarkStore.open({ name });
		await store.add(sampleBookmark());
		store.close();
		const db = await rawOpen(name, BOOKMARK_DB_VERSION);
		await rawPut(db, [{ id: 'from-the-future', shape: 'unknown' }]);
		db.close();
		const again = await BookmarkStore.open({ name });
		expect(await again.all()).toMatchObject({ unreadable: 1 });
		expect(await again.count()).toBe(2);
		// Its id stays taken.
		const plan = await again.importAll([sampleBookmark({ id: 'from-the-future', passageId: 'x' })]);
		expect(plan.skipped[0]!.reason).toBe('same-id');
		again.close();
	});
});

describe('BookmarkStore: writes', () => {
	it('adds once per place, whichever tab asks', async () => {
		const name = freshName();
		const [a, b] = await Promise.all([BookmarkStore.open({ name }), BookmarkStore.open({ name })]);
		const first = sampleBookmark({ id: 'tab-a' });
		const second = sampleBookmark({ id: 'tab-b' });
		const [ra, rb] = await Promise.all([a.add(first), b.add(second)]);
		expect([ra.added, rb.added].sort()).toEqual([false, true]);
		expect(ra.bookmark.id).toBe(rb.bookmark.id);
		expect(await a.count()).toBe(1);
		// Different places from two tabs at once: both kept.
		await Promise.all([
			a.add(sampleBookmark({ id: 'x1', passageId: 'q1' })),
			b.add(sampleBookmark({ id: 'x2', passageId: 'q2' }))
		]);
		expect(await b.count()).toBe(3);
		a.close();
		b.close();
	});

	it('writes an edit over the revision it read, and merges over a newer one', async () => {
		const store = await BookmarkStore.open({ name: freshName() });
		const base = (await store.add(sampleBookmark({ note: 'base', tags: ['a'] }))).bookmark;

		// Tab 1 saves first, from the same base.
		const one = await store.update(base, { ...base, tags: ['a', 'from-1'] });
		expect(one).toMatchObject({ kind: 'saved', bookmark: { revision: 2, tags: ['a', 'from-1'] } });

		// Tab 2 still had revision 1: its note joins, tab 1's tags stay.
		const two = await store.update(base, { ...base, note: 'from 2' });
		expect(two).toMatchObject({
			kind: 'merged',
			bookmark: { revision: 3, note: 'from 2', tags: ['a', 'from-1'] },
			conflicts: []
		});

		// Tab 3, also at revision 1, changed the note too: both notes are kept.
		const three = await store.update(base, { ...base, note: 'from 3' });
		expect(three).toMatchObject({ kind: 'merged', conflicts: ['note'] });
		expect((await store.get(base.id))!.note).toBe('from 2\n\nfrom 3');
		store.close();
	});

	it('stores an edit to a bookmark deleted meanwhile, as the bookmark again', async () => {
		const store = await BookmarkStore.open({ name: freshName() });
		const base = (await store.add(sampleBookmark())).bookmark;
		const removed = await store.remove(base.id);
		expect(removed).toEqual(base);
		const result = await store.update(base, { ...base, note: 'kept' });
		expect(result).toMatchObject({ kind: 'restored', bookmark: { note: 'kept' } });
		expect((await store.get(base.id))!.note).toBe('kept');
		store.close();
	});

	it('returns what was stored when deleting, for undo', async () => {
		const store = await BookmarkStore.open({ name: freshName() });
		const base = (await store.add(sampleBookmark())).bookmark;
		await store.update(base, { ...base, note: 'edited elsewhere' });
		const removed = await store.remove(base.id);
		expect(removed).toMatchObject({ note: 'edited elsewhere', revision: 2 });
		expect(await store.remove(base.id)).toBeUndefined();
		expect((await store.add(removed!)).added).toBe(true);
		store.close();
	});

	it('imports all or nothing', async () => {
		const store = await BookmarkStore.open({ name: freshName() });
		const mine = (await store.add(sampleBookmark({ id: 'mine', note: 'my note' }))).bookmark;
		const good = sampleBookmark({ id: 'new', passageId: 'p-new' });
		const plan = await store.importAll([{ ...mine, note: 'theirs' }, good]);
		expect(plan.add.map((b) => b.id)).toEqual(['new']);
		expect((await store.get('mine'))!.note).toBe('my note');

		// A record the database refuses (no key) fails the whole import.
		const broken = { ...sampleBookmark({ id: 'x', passageId: 'p-x' }), id: undefined };
		await expect(
			store.importAll([
				sampleBookmark({ id: 'first', passageId: 'p-first' }),
				broken as unknown as Bookmark
			])
		).rejects.toThrow();
		expect(await store.get('first')).toBeUndefined();
		expect(await store.count()).toBe(2);
		store.close();
	});
});

describe('BookmarkStore: untrusted imports', () => {
	it('never corrupts what is stored, whatever the file', async () => {
		const store = await BookmarkStore.open({ name: freshName() });
		const before = [
			sampleBookmark({ id: 'keep-1', note: 'n1' }),
			sampleBookmark({ id: 'keep-2', passageId: 'p2', tags: ['t'] })
		];
		const records = fc.oneof(
			arbitraryBookmark.map((b) => b as unknown),
			fc.jsonValue(),
			arbitraryBookmark.chain((b) =>
				fc
					.tuple(fc.constantFrom(...Object.keys(b)), fc.jsonValue())
					.map(([k, v]) => ({ ...b, [k]: v }))
			),
			fc.constant({ ...before[0]!, note: 'overwrite attempt' })
		);
		const files = fc.oneof(
			fc.json(),
			fc
				.array(records, { maxLength: 5 })
				.map((bookmarks) => JSON.stringify({ format: EXPORT_FORMAT, version: 1, bookmarks }))
		);
		await fc.assert(
			fc
				.asyncProperty(files, async (text) => {
					const parsed = parseImport(text);
					if (parsed.ok) await store.importAll(parsed.bookmarks);
					const { bookmarks, unreadable } = await store.all();
					expect(unreadable).toBe(0);
					const byId = new Map(bookmarks.map((b) => [b.id, b]));
					for (const b of before) expect(byId.get(b.id)).toEqual(b);
					// The whole store still exports and reads back as it is.
					expect(parseImport(toJson(bookmarks, 0))).toMatchObject({ ok: true, bookmarks });
					expect(({} as Record<string, unknown>).polluted).toBeUndefined();
				})
				.beforeEach(async () => {
					for (const { id } of (await store.all()).bookmarks) await store.remove(id);
					for (const b of before) await store.add(b);
				}),
			{ numRuns: propertyRuns(), seed: 20261122 }
		);
		store.close();
	});
});
