/**
 * The stored search index: a disposable cache, kept in its own database so that nothing done to
 * it — clearing, a failed upgrade, a full disk — can touch the reader's bookmarks.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { IndexFormat } from '../search/index-format';
import { hasIndexedDb, StorageUnavailable, withTimeout } from './open-with-timeout';

export const INDEX_DB = 'nianjian-index-cache';
/** v1: one store of serialized indexes keyed by name. */
export const INDEX_DB_VERSION = 1;
/** An IndexedDB that has not answered by then is treated as missing. */
export const OPEN_TIMEOUT_MS = 3000;

export interface StoredIndex {
	format: IndexFormat;
	/** `JSON.stringify` of the serialized index: one string is the cheapest thing to clone. */
	data: string;
	savedAt: number;
}

interface IndexCacheSchema extends DBSchema {
	indexes: { key: string; value: StoredIndex };
}

const KEY = 'current';

export class IndexCache {
	private constructor(private readonly db: IDBPDatabase<IndexCacheSchema>) {}

	static async open(timeoutMs = OPEN_TIMEOUT_MS): Promise<IndexCache> {
		if (!hasIndexedDb()) throw new StorageUnavailable('missing');
		const db = await withTimeout(
			openDB<IndexCacheSchema>(INDEX_DB, INDEX_DB_VERSION, {
				upgrade(database, oldVersion) {
					// Versioned upgrades: each step brings one version to the next.
					if (oldVersion < 1) database.createObjectStore('indexes');
				},
				blocking(_current, _blocked, event) {
					// A newer tab wants to upgrade: step aside, the cache can be reopened later.
					(event.target as IDBDatabase).close();
				}
			}),
			timeoutMs
		);
		return new IndexCache(db);
	}

	get(): Promise<StoredIndex | undefined> {
		return this.db.get('indexes', KEY);
	}

	/** Resolves once the transaction has committed; rejects once, whichever step failed. */
	async put(index: StoredIndex): Promise<void> {
		const tx = this.db.transaction('indexes', 'readwrite');
		await Promise.all([tx.store.put(index, KEY), tx.done]);
	}

	async clear(): Promise<void> {
		await this.db.clear('indexes');
	}

	close(): void {
		this.db.close();
	}
}
