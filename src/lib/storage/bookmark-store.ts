/**
 * The reader's bookmarks in IndexedDB: one record per bookmark, in a database of their own
 * ('nianjian'), apart from the disposable search-index cache.
 *
 * Every method resolves only once its transaction has committed, so "saved" means saved. Writes
 * that depend on what is stored (adding a passage twice, editing over another tab's edit) read
 * and write in one readwrite transaction, which IndexedDB runs alone: two tabs cannot interleave.
 */
import {
	openDB,
	type DBSchema,
	type IDBPDatabase,
	type IDBPObjectStore,
	type IDBPTransaction,
	type StoreNames
} from 'idb';
import { mergeEdits, planImport, type EditConflict, type ImportPlan } from '../bookmarks/merge';
import { anchorKey, type Bookmark } from '../bookmarks/model';
import { validateBookmark } from '../bookmarks/validate';
import { hasIndexedDb, StorageUnavailable, withTimeout } from './open-with-timeout';

export const BOOKMARK_DB = 'nianjian';
/**
 * Database versions: each step in `upgradeSteps` brings one version to the next.
 * v1: `bookmarks`, keyed by `id`, indexed by `passageId` and `updatedAt`.
 */
export const BOOKMARK_DB_VERSION = 1;
export const OPEN_TIMEOUT_MS = 3000;

export interface BookmarkDbSchema extends DBSchema {
	bookmarks: {
		key: string;
		value: Bookmark;
		indexes: { passageId: string; updatedAt: number };
	};
}

type Upgrade = (
	db: IDBPDatabase<BookmarkDbSchema>,
	tx: IDBPTransaction<BookmarkDbSchema, StoreNames<BookmarkDbSchema>[], 'versionchange'>
) => void;

/** `upgradeSteps[n]` turns a version-n database into version n + 1. Never edit a released step. */
export const upgradeSteps: readonly Upgrade[] = [
	(db) => {
		const store = db.createObjectStore('bookmarks', { keyPath: 'id' });
		store.createIndex('passageId', 'passageId');
		store.createIndex('updatedAt', 'updatedAt');
	}
];

export interface OpenOptions {
	name?: string;
	/** Give up after this long (0: wait as long as it takes). */
	timeoutMs?: number;
	/** A newer version wants the database: this connection has been closed; offer a reload. */
	onVersionChange?: () => void;
	/** The browser closed the connection (storage cleared, disk gone). */
	onTerminated?: () => void;
	/** Older connections hold the database: the open waits until they close. */
	onBlocked?: () => void;
}

export type UpdateResult =
	| { kind: 'saved'; bookmark: Bookmark }
	/** Another tab had stored a newer revision: both edits were merged. */
	| { kind: 'merged'; bookmark: Bookmark; conflicts: EditConflict[] }
	/** Another tab had deleted it: the edit was stored as the bookmark again. */
	| { kind: 'restored'; bookmark: Bookmark };

type Tx = IDBPTransaction<BookmarkDbSchema, ['bookmarks'], 'readwrite'>;
type ReadStore = IDBPObjectStore<BookmarkDbSchema, ['bookmarks'], 'bookmarks', 'readonly'>;

/** Marks a request's promise as observed: its failure also fails the transaction, handled there. */
function observed<T>(promise: Promise<T>): Promise<T> {
	promise.catch(() => {});
	return promise;
}

/**
 * Runs `work` in a readwrite transaction and resolves once it has committed. A failure — of a
 * request, or of the commit itself, which is where a full disk shows — aborts the transaction and
 * rejects with that error; nothing is left unobserved.
 */
async function committed<T>(tx: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
	const done = observed(tx.done);
	try {
		const result = await work(tx);
		await done;
		return result;
	} catch (error) {
		try {
			tx.abort();
		} catch {
			// Already finished or aborted.
		}
		throw error;
	}
}

/** A stored record as a bookmark, or undefined when it is damaged or from an unknown version. */
function readable(record: unknown): Bookmark | undefined {
	const checked = validateBookmark(record);
	return checked.ok ? checked.bookmark : undefined;
}

/** The database was written by a newer version of the app: this page cannot open it. */
export function isNewerDatabase(error: unknown): boolean {
	return error instanceof StorageUnavailable && /VersionError/u.test(error.message);
}

export class BookmarkStore {
	private constructor(private readonly db: IDBPDatabase<BookmarkDbSchema>) {}

	/**
	 * Opens (creating or upgrading) the database. Rejects with `StorageUnavailable`: 'missing'
	 * without IndexedDB, 'timeout' when it does not answer, 'failed' otherwise — a `VersionError`
	 * detail means a newer version of the app owns the database.
	 */
	static async open(options: OpenOptions = {}): Promise<BookmarkStore> {
		if (!hasIndexedDb()) throw new StorageUnavailable('missing');
		const opening = openDB<BookmarkDbSchema>(options.name ?? BOOKMARK_DB, BOOKMARK_DB_VERSION, {
			upgrade(database, oldVersion, _newVersion, tx) {
				for (let v = oldVersion; v < BOOKMARK_DB_VERSION; v++) upgradeSteps[v]!(database, tx);
			},
			blocked() {
				options.onBlocked?.();
			},
			blocking(_current, _blocked, event) {
				// Step aside at once: a newer tab's upgrade must never wait on this one.
				(event.target as IDBDatabase).close();
				options.onVersionChange?.();
			},
			terminated() {
				options.onTerminated?.();
			}
		}).catch((error: unknown) => {
			const e = error as { name?: string; message?: string };
			throw new StorageUnavailable('failed', `${e?.name ?? 'Error'}: ${e?.message ?? error}`);
		});
		const timeoutMs = options.timeoutMs ?? OPEN_TIMEOUT_MS;
		const db = await (timeoutMs > 0 ? withTimeout(opening, timeoutMs) : opening);
		return new BookmarkStore(db);
	}

	/**
	 * Every readable bookmark, and how many stored records could not be read (left in place,
	 * never deleted: a later version may know them).
	 */
	async all(): Promise<{ bookmarks: Bookmark[]; unreadable: number }> {
		const raw: unknown[] = await this.#read((store) => store.getAll());
		const bookmarks: Bookmark[] = [];
		let unreadable = 0;
		for (const record of raw) {
			const checked = validateBookmark(record);
			if (checked.ok) bookmarks.push(checked.bookmark);
			else unreadable++;
		}
		return { bookmarks, unreadable };
	}

	async get(id: string): Promise<Bookmark | undefined> {
		return readable(await this.#read((store) => store.get(id)));
	}

	count(): Promise<number> {
		return this.#read((store) => store.count());
	}

	/**
	 * Adds a bookmark unless its id or its place is taken — another tab bookmarked the same span
	 * first, or an undo comes after the place was bookmarked again: then the stored one is
	 * returned and nothing is written.
	 */
	async add(bookmark: Bookmark): Promise<{ added: boolean; bookmark: Bookmark }> {
		const key = anchorKey(bookmark);
		return committed(this.#write(), async (tx) => {
			const existing =
				(await tx.store.get(bookmark.id)) ??
				(await tx.store.index('passageId').getAll(bookmark.passageId))
					.map(readable)
					.find((b) => b !== undefined && anchorKey(b) === key);
			if (!existing) await tx.store.add(bookmark);
			return existing ? { added: false, bookmark: existing } : { added: true, bookmark };
		});
	}

	/**
	 * Merges imported bookmarks into the stored ones (see `planImport`): planned and written in one
	 * transaction, so the plan is made against what is stored at that moment and either every
	 * planned bookmark is stored or none is. `alsoExisting` are bookmarks only in memory.
	 */
	async importAll(
		incoming: readonly Bookmark[],
		alsoExisting: readonly Bookmark[] = []
	): Promise<ImportPlan> {
		return committed(this.#write(), async (tx) => {
			const records: unknown[] = await tx.store.getAll();
			const stored = records.map(readable);
			const plan = planImport(
				[...stored.filter((b) => b !== undefined), ...alsoExisting],
				incoming,
				// An unreadable record still owns its id.
				records
					.map((r) => (r as { id?: unknown } | null)?.id)
					.filter((id) => typeof id === 'string')
			);
			const requests: Promise<unknown>[] = [];
			for (const b of plan.add) requests.push(observed(tx.store.add(b)));
			await Promise.all(requests);
			return plan;
		});
	}

	/**
	 * Stores the reader's edit `ours` of `base`, the revision this tab read. Written as is when
	 * the stored revision is still `base.revision`; merged with the stored record when another tab
	 * wrote meanwhile; stored again when another tab deleted it. The result is what is stored.
	 */
	async update(base: Bookmark, ours: Bookmark): Promise<UpdateResult> {
		return committed(this.#write(), async (tx) => {
			const stored = await tx.store.get(base.id);
			let result: UpdateResult;
			if (!stored) {
				result = { kind: 'restored', bookmark: { ...ours, revision: base.revision + 1 } };
			} else if (stored.revision === base.revision) {
				result = { kind: 'saved', bookmark: { ...ours, revision: stored.revision + 1 } };
			} else {
				const { merged, conflicts } = mergeEdits(base, ours, stored);
				result = {
					kind: 'merged',
					bookmark: { ...merged, revision: stored.revision + 1 },
					conflicts
				};
			}
			await tx.store.put(result.bookmark);
			return result;
		});
	}

	/** Deletes a bookmark; returns it as it was stored (with any other tab's edits), for undo. */
	async remove(id: string): Promise<Bookmark | undefined> {
		return committed(this.#write(), async (tx) => {
			const stored = await tx.store.get(id);
			if (stored) await tx.store.delete(id);
			return stored;
		});
	}

	/**
	 * A read in a transaction of its own whose end is awaited too: a connection the browser closes
	 * mid-read (site data cleared) fails this call, never as an unobserved rejection.
	 */
	async #read<T>(work: (store: ReadStore) => Promise<T>): Promise<T> {
		const tx = this.db.transaction('bookmarks', 'readonly');
		const done = observed(tx.done);
		const result = await work(tx.store);
		await done;
		return result;
	}

	#write(): Tx {
		return this.db.transaction('bookmarks', 'readwrite');
	}

	close(): void {
		this.db.close();
	}
}
