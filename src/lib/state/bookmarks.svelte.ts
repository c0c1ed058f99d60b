/**
 * Bookmarks as the pages see them: every bookmark in memory, each with whether it is stored.
 *
 * Memory is what the reader sees and exports; IndexedDB is what survives. A bookmark shows up at
 * once and is marked saved only when its transaction has committed. When storage fails (a full
 * disk, a private window, another tab upgrading the database) the bookmark stays in memory,
 * marked unsaved, the failure is shown at once, and export still includes it.
 *
 * Tabs tell each other what changed over a BroadcastChannel; each then re-reads those records
 * from the database, the one source of truth. Edits carry the revision they started from, so a
 * tab never writes over another tab's edit unseen (see BookmarkStore.update).
 */
import { browser } from '$app/environment';
import { hash as corpusHash } from '$corpus/corpus.json';
import type { ImportProblem } from '$lib/bookmarks/exchange';
import { planImport, type EditConflict, type SkipReason } from '$lib/bookmarks/merge';
import {
	anchorKey,
	createBookmark,
	normalizeNote,
	normalizeTags,
	type Bookmark,
	type BookmarkEdit,
	type NewBookmark,
	type PassageSource
} from '$lib/bookmarks/model';
import { BookmarkStore, isNewerDatabase } from '$lib/storage/bookmark-store';
import { isQuotaError } from '$lib/storage/open-with-timeout';

/** What the search page passes: a whole passage. */
export type PassageRef = PassageSource;

/**
 * `saved`: stored as shown. `saving`: a write is under way. `unsaved`: never stored (memory
 * only). `edited`: stored, but not with the latest edit.
 */
export type SaveState = 'saved' | 'saving' | 'unsaved' | 'edited';

export interface Entry {
	bookmark: Bookmark;
	save: SaveState;
	/** For `edited`: the stored revision the edit was made on. */
	base?: Bookmark;
}

export type StorageState =
	| { kind: 'starting' }
	| { kind: 'ready' }
	/** The database has not answered yet: bookmarks are kept in memory meanwhile. */
	| { kind: 'waiting' }
	| { kind: 'unavailable'; reason: string }
	/** Another tab opened a newer version: this tab closed its connection. */
	| { kind: 'upgraded' }
	/** The database belongs to a newer version of the app than this page. */
	| { kind: 'outdated' }
	/** The browser closed the database (storage cleared, disk gone). */
	| { kind: 'gone' };

export type Problem = { kind: 'quota' | 'failed'; reason: string };

export type Toast =
	| { kind: 'added'; id: string }
	| { kind: 'already'; id: string }
	| { kind: 'deleted'; bookmark: Bookmark; index: number }
	| { kind: 'restored'; id: string }
	| { kind: 'saved'; id: string }
	| { kind: 'merged'; id: string; conflicts: EditConflict[] }
	| { kind: 'restoredEdit'; id: string };

export type ImportReport =
	| {
			ok: true;
			added: Bookmark[];
			skipped: { bookmark: Bookmark; reason: SkipReason }[];
			/** Storage was unavailable: the added bookmarks live in this tab only. */
			memoryOnly: boolean;
	  }
	| { ok: false; problem: ImportProblem }
	| { ok: false; storeError: string; quota: boolean };

export type Persistence = 'unknown' | 'granted' | 'refused' | 'unsupported';

const CHANNEL = 'nianjian-bookmarks';
/** How many bookmarks were stored, so a visit can tell when the browser has dropped them. */
const KNOWN_COUNT_KEY = 'nianjian.bookmarks.stored';
const OPEN_PATIENCE_MS = 3000;
export const UNDO_MS = 10_000;
const TOAST_MS = 4000;

function newId(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function message(error: unknown): string {
	const e = error as { name?: string; message?: string } | null;
	return [e?.name, e?.message].filter(Boolean).join(': ') || String(error);
}

function readKnownCount(): number {
	try {
		const n = Number(localStorage.getItem(KNOWN_COUNT_KEY));
		return Number.isSafeInteger(n) && n > 0 ? n : 0;
	} catch {
		return 0;
	}
}

function writeKnownCount(n: number): void {
	try {
		localStorage.setItem(KNOWN_COUNT_KEY, String(n));
	} catch {
		// Without localStorage the "bookmarks are gone" notice cannot be given; nothing else changes.
	}
}

class Bookmarks {
	entries = $state<Entry[]>([]);
	storage = $state<StorageState>({ kind: 'starting' });
	/** The stored bookmarks have been read (or storage gave no answer). */
	loaded = $state(false);
	problem = $state<Problem | null>(null);
	toast = $state<Toast | null>(null);
	persistence = $state<Persistence>('unknown');
	/** Bookmarks this browser had stored that are gone (site data cleared): told once. */
	cleared = $state(0);
	/** Stored records this version cannot read; left untouched. */
	unreadable = $state(0);

	readonly #wholePassages = $derived(
		new Set(
			this.entries.filter((e) => e.bookmark.scope === 'passage').map((e) => e.bookmark.passageId)
		)
	);
	/** Bookmarks or edits that only this tab has. */
	readonly unsavedCount = $derived(
		this.entries.filter((e) => e.save === 'unsaved' || e.save === 'edited').length
	);

	#store: BookmarkStore | null = null;
	#channel: BroadcastChannel | null = null;
	#started = false;
	#pending = new Map<string, Promise<void>>();
	#toastTimer: ReturnType<typeof setTimeout> | undefined;
	#toastHeld = false;
	#toastExpires = 0;
	#askingPersistence = false;

	/** Opens storage and reads the bookmarks; safe to call from every page, once or often. */
	start(): void {
		if (this.#started || !browser) return;
		this.#started = true;
		// Callers may be rendering: state changes wait for the next microtask.
		queueMicrotask(() => void this.#open());
	}

	hasPassage(passageId: string): boolean {
		this.start();
		return this.#wholePassages.has(passageId);
	}

	/** The whole-passage bookmark of a passage, if any. */
	forPassage(passageId: string): Entry | undefined {
		return this.entries.find(
			(e) => e.bookmark.scope === 'passage' && e.bookmark.passageId === passageId
		);
	}

	get(id: string): Entry | undefined {
		return this.entries.find((e) => e.bookmark.id === id);
	}

	/** Bookmarks a whole passage, or removes its bookmark (with undo) when it has one. */
	async togglePassage(ref: PassageRef): Promise<void> {
		this.start();
		const existing = this.forPassage(ref.passageId);
		if (existing) await this.remove(existing.bookmark.id);
		else await this.add(ref);
	}

	/**
	 * Bookmarks a passage, or `[start, end)` of it. Resolves with the bookmark's id once it is
	 * stored or known not to be (see `entries`).
	 */
	async add(input: NewBookmark): Promise<string> {
		this.start();
		const span = input.span;
		const whole = !span || (span[0] <= 0 && span[1] >= input.text.length);
		const bookmark = createBookmark(
			{ ...input, span: whole ? undefined : span },
			{ id: newId(), now: Date.now(), corpusHash }
		);
		// Nothing to quote (an empty passage or span): there is nothing to keep.
		if (!bookmark.quote) return '';
		const key = anchorKey(bookmark);
		const same = this.entries.find((e) => anchorKey(e.bookmark) === key);
		if (same) {
			this.#showToast({ kind: 'already', id: same.bookmark.id });
			return same.bookmark.id;
		}
		this.entries.push({ bookmark, save: 'saving' });
		await this.#track(bookmark.id, () => this.#storeNew(bookmark.id));
		if (this.get(bookmark.id)) {
			if (this.toast?.kind !== 'already') this.#showToast({ kind: 'added', id: bookmark.id });
			return bookmark.id;
		}
		// Another tab had bookmarked the same place: this tab now shows that bookmark.
		return this.entries.find((e) => anchorKey(e.bookmark) === key)?.bookmark.id ?? bookmark.id;
	}

	/**
	 * Saves the reader's note and tags. `base` is the bookmark as it was when they started
	 * editing: another tab's edit made since is merged, never overwritten.
	 */
	async update(id: string, edit: BookmarkEdit, base: Bookmark): Promise<void> {
		await this.#pending.get(id);
		const entry = this.get(id);
		if (!entry) return;
		const current = $state.snapshot(entry.bookmark) as Bookmark;
		const ours: Bookmark = {
			...current,
			note: normalizeNote(edit.note),
			tags: normalizeTags(edit.tags),
			updatedAt: Date.now()
		};
		if (ours.note === current.note && ours.tags.join('\n') === current.tags.join('\n')) return;
		entry.bookmark = ours;
		if (entry.save === 'unsaved') {
			await this.#track(id, () => this.#storeNew(id));
			return;
		}
		const from = entry.save === 'edited' && entry.base ? entry.base : base;
		await this.#track(id, () => this.#storeEdit(id, from));
	}

	/**
	 * Deletes a bookmark; `undo()` brings it back while the toast is up. Resolves false when the
	 * bookmark is stored but storage cannot be written now (it is kept).
	 */
	async remove(id: string): Promise<boolean> {
		await this.#pending.get(id);
		const index = this.entries.findIndex((e) => e.bookmark.id === id);
		const entry = this.entries[index];
		if (!entry) return false;
		const stored = entry.save !== 'unsaved';
		const store = this.#writable();
		if (stored && !store) return false;
		const snapshot = $state.snapshot(entry) as Entry;
		this.entries.splice(index, 1);
		let deleted = snapshot.bookmark;
		if (stored && store) {
			try {
				const was = await store.remove(id);
				// Undo restores what was stored, with any other tab's edits — unless this tab's own
				// edit never reached storage.
				if (was && snapshot.save !== 'edited') deleted = was;
				this.#broadcast([id]);
				this.#rememberCount();
			} catch (error) {
				this.entries.splice(Math.min(index, this.entries.length), 0, snapshot);
				this.#failed(error);
				return false;
			}
		}
		this.#showToast({ kind: 'deleted', bookmark: deleted, index });
		return true;
	}

	/** Brings back the bookmark of the `deleted` toast; resolves with its id. */
	async undo(): Promise<string | undefined> {
		const toast = this.toast;
		if (toast?.kind !== 'deleted') return undefined;
		this.#clearToast();
		const { bookmark, index } = toast;
		const key = anchorKey(bookmark);
		const taken = this.entries.find(
			(e) => e.bookmark.id === bookmark.id || anchorKey(e.bookmark) === key
		);
		if (taken) {
			this.#showToast({ kind: 'already', id: taken.bookmark.id });
			return taken.bookmark.id;
		}
		this.entries.splice(Math.min(index, this.entries.length), 0, { bookmark, save: 'saving' });
		await this.#track(bookmark.id, () => this.#storeNew(bookmark.id));
		const id = this.get(bookmark.id)?.bookmark.id;
		if (id) this.#showToast({ kind: 'restored', id });
		return id;
	}

	/** Tries again to store every bookmark (or edit) that is only in memory. */
	async retry(): Promise<void> {
		this.problem = null;
		for (const entry of this.entries.filter((e) => e.save === 'unsaved' || e.save === 'edited')) {
			const id = entry.bookmark.id;
			if (entry.save === 'unsaved') await this.#track(id, () => this.#storeNew(id));
			else if (entry.base) {
				const base = entry.base;
				await this.#track(id, () => this.#storeEdit(id, base));
			}
			if (this.problem) break;
		}
	}

	/**
	 * Merges the bookmarks of a validated export file (see `parseImport`): all of them or none,
	 * never touching the bookmarks already here. Parsing lives with the import control, so pages
	 * that only show bookmarks do not load it.
	 */
	async importBookmarks(incoming: Bookmark[]): Promise<ImportReport> {
		this.start();
		const memoryOnly = this.entries.filter((e) => e.save === 'unsaved').map((e) => e.bookmark);
		const store = this.#writable();
		if (!store) {
			const plan = planImport(
				this.entries.map((e) => e.bookmark),
				incoming
			);
			for (const bookmark of plan.add) this.entries.push({ bookmark, save: 'unsaved' });
			return { ok: true, added: plan.add, skipped: plan.skipped, memoryOnly: true };
		}
		try {
			const plan = await store.importAll(incoming, memoryOnly);
			const known = new Set(this.entries.map((e) => e.bookmark.id));
			for (const bookmark of plan.add)
				if (!known.has(bookmark.id)) this.entries.push({ bookmark, save: 'saved' });
			if (plan.add.length > 0) {
				this.#broadcast(plan.add.map((b) => b.id));
				this.#rememberCount();
				void this.#askPersistence();
			}
			return { ok: true, added: plan.add, skipped: plan.skipped, memoryOnly: false };
		} catch (error) {
			return { ok: false, storeError: message(error), quota: isQuotaError(error) };
		}
	}

	/** The bookmarks with these ids (all when none given), as they are in memory. */
	snapshot(ids?: readonly string[]): Bookmark[] {
		const wanted = ids ? new Set(ids) : null;
		return this.entries
			.filter((e) => !wanted || wanted.has(e.bookmark.id))
			.map((e) => $state.snapshot(e.bookmark) as Bookmark);
	}

	dismissCleared(): void {
		this.cleared = 0;
	}

	dismissToast(): void {
		this.#clearToast();
	}

	/** Keeps the toast up while the reader is on it (hover or focus). */
	holdToast(hold: boolean): void {
		this.#toastHeld = hold;
		if (!hold && this.toast) this.#armToast(Math.max(1500, this.#toastExpires - Date.now()));
		else clearTimeout(this.#toastTimer);
	}

	// --- storage ---------------------------------------------------------------------------

	async #open(): Promise<void> {
		let settled = false;
		const patience = setTimeout(() => {
			if (settled) return;
			this.storage = { kind: 'waiting' };
			this.loaded = true;
		}, OPEN_PATIENCE_MS);
		let store: BookmarkStore;
		try {
			// No time limit here: a database that answers late is still adopted (see `waiting`).
			store = await BookmarkStore.open({
				timeoutMs: 0,
				onVersionChange: () => this.#lost({ kind: 'upgraded' }),
				onTerminated: () => this.#lost({ kind: 'gone' })
			});
		} catch (error) {
			settled = true;
			clearTimeout(patience);
			this.storage = isNewerDatabase(error)
				? { kind: 'outdated' }
				: { kind: 'unavailable', reason: message(error) };
			this.loaded = true;
			return;
		}
		settled = true;
		clearTimeout(patience);
		await this.#adopt(store);
	}

	async #adopt(store: BookmarkStore): Promise<void> {
		const known = readKnownCount();
		let stored: Bookmark[];
		try {
			const all = await store.all();
			stored = all.bookmarks;
			this.unreadable = all.unreadable;
		} catch (error) {
			store.close();
			this.storage = { kind: 'unavailable', reason: message(error) };
			this.loaded = true;
			return;
		}
		this.#store = store;
		const storedIds = new Set(stored.map((b) => b.id));
		// Bookmarks made before the database answered are kept and stored now.
		const waiting = this.entries.filter((e) => !storedIds.has(e.bookmark.id));
		this.entries = [
			...stored.map((bookmark) => ({ bookmark, save: 'saved' as const })),
			...waiting
		];
		this.storage = { kind: 'ready' };
		this.loaded = true;
		if (stored.length === 0 && this.unreadable === 0 && known > 0) this.cleared = known;
		this.#listen();
		for (const entry of waiting) {
			const id = entry.bookmark.id;
			if (entry.save !== 'saved') await this.#track(id, () => this.#storeNew(id));
		}
		this.#rememberCount();
		if (stored.length > 0) void this.#askPersistence();
	}

	#writable(): BookmarkStore | null {
		return this.storage.kind === 'ready' ? this.#store : null;
	}

	/** This tab can no longer write: what it has stays in memory. */
	#lost(state: StorageState): void {
		this.#store = null;
		this.storage = state;
	}

	async #track(id: string, work: () => Promise<void>): Promise<void> {
		const previous = this.#pending.get(id) ?? Promise.resolve();
		const next = previous.then(work, work);
		this.#pending.set(id, next);
		try {
			await next;
		} finally {
			if (this.#pending.get(id) === next) this.#pending.delete(id);
		}
	}

	async #storeNew(id: string): Promise<void> {
		const entry = this.get(id);
		if (!entry) return;
		const store = this.#writable();
		if (!store) {
			entry.save = 'unsaved';
			return;
		}
		entry.save = 'saving';
		const bookmark = $state.snapshot(entry.bookmark) as Bookmark;
		try {
			const result = await store.add(bookmark);
			const now = this.get(id);
			if (result.added) {
				if (now) now.save = now.bookmark.updatedAt === bookmark.updatedAt ? 'saved' : 'edited';
				if (now?.save === 'edited') now.base = result.bookmark;
			} else {
				// Another tab stored the same place first (or this id): keep the stored one.
				const index = this.entries.findIndex((e) => e.bookmark.id === id);
				const other = this.entries.findIndex((e) => e.bookmark.id === result.bookmark.id);
				if (index !== -1) {
					if (other !== -1 && other !== index) this.entries.splice(index, 1);
					else this.entries[index] = { bookmark: result.bookmark, save: 'saved' };
				}
				this.#showToast({ kind: 'already', id: result.bookmark.id });
			}
			this.#broadcast([result.bookmark.id]);
			this.#rememberCount();
			void this.#askPersistence();
		} catch (error) {
			const now = this.get(id);
			if (now) now.save = 'unsaved';
			this.#failed(error);
		}
	}

	async #storeEdit(id: string, base: Bookmark): Promise<void> {
		const entry = this.get(id);
		if (!entry) return;
		const store = this.#writable();
		if (!store) {
			entry.save = 'edited';
			entry.base = base;
			return;
		}
		entry.save = 'saving';
		const ours = $state.snapshot(entry.bookmark) as Bookmark;
		try {
			const result = await store.update(base, ours);
			const now = this.get(id);
			if (now) {
				now.bookmark = result.bookmark;
				now.save = 'saved';
				now.base = undefined;
			}
			if (result.kind === 'merged' && result.conflicts.length > 0)
				this.#showToast({ kind: 'merged', id, conflicts: result.conflicts });
			else if (result.kind === 'restored') this.#showToast({ kind: 'restoredEdit', id });
			else this.#showToast({ kind: 'saved', id });
			this.#broadcast([id]);
			this.#rememberCount();
		} catch (error) {
			const now = this.get(id);
			if (now) {
				now.save = 'edited';
				now.base = base;
			}
			this.#failed(error);
		}
	}

	#failed(error: unknown): void {
		const reason = message(error);
		this.problem = { kind: isQuotaError(error) ? 'quota' : 'failed', reason };
		// A connection the browser has closed cannot be written again in this page.
		if (/InvalidStateError|closing|closed/iu.test(reason)) this.#lost({ kind: 'gone' });
	}

	#rememberCount(): void {
		if (this.storage.kind !== 'ready') return;
		writeKnownCount(this.entries.filter((e) => e.save !== 'unsaved').length);
	}

	/**
	 * Asks once, when there is something worth keeping, that the browser not evict this site's
	 * data; a refusal shows a calm suggestion to export.
	 */
	async #askPersistence(): Promise<void> {
		if (this.persistence !== 'unknown' || this.#askingPersistence) return;
		const storage = navigator.storage;
		if (!storage?.persist || !storage.persisted) {
			this.persistence = 'unsupported';
			return;
		}
		this.#askingPersistence = true;
		try {
			const granted = (await storage.persisted()) || (await storage.persist());
			this.persistence = granted ? 'granted' : 'refused';
		} catch {
			this.persistence = 'unsupported';
		}
	}

	// --- other tabs ------------------------------------------------------------------------

	#listen(): void {
		if (this.#channel || typeof BroadcastChannel === 'undefined') return;
		this.#channel = new BroadcastChannel(CHANNEL);
		this.#channel.onmessage = (event: MessageEvent<unknown>) => {
			const data = event.data as { type?: unknown; ids?: unknown } | null;
			if (data?.type !== 'changed' || !Array.isArray(data.ids)) return;
			const ids = data.ids.filter((id): id is string => typeof id === 'string').slice(0, 10_000);
			void this.#refresh(ids);
		};
		// A tab that slept may have missed messages: catch up when it is shown again.
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void this.#refresh(null);
		});
	}

	#broadcast(ids: string[]): void {
		try {
			this.#channel?.postMessage({ type: 'changed', ids });
		} catch {
			// Other tabs catch up when they are next shown.
		}
	}

	/** Re-reads these records (all when null) from the database into memory. */
	async #refresh(ids: string[] | null): Promise<void> {
		const store = this.#writable();
		if (!store) return;
		try {
			let fresh: [string, Bookmark | undefined][];
			if (ids) {
				fresh = [];
				for (const id of ids) fresh.push([id, await store.get(id)]);
			} else {
				const all = (await store.all()).bookmarks;
				const stored = new Set(all.map((b) => b.id));
				fresh = [
					...all.map((b): [string, Bookmark] => [b.id, b]),
					...this.entries
						.filter((e) => !stored.has(e.bookmark.id))
						.map((e): [string, undefined] => [e.bookmark.id, undefined])
				];
			}
			for (const [id, stored] of fresh) {
				const index = this.entries.findIndex((e) => e.bookmark.id === id);
				const entry = this.entries[index];
				if (stored) {
					// Edits in flight or not yet stored are kept; their save merges.
					if (!entry) {
						const key = anchorKey(stored);
						const twin = this.entries.findIndex(
							(e) => e.save === 'unsaved' && anchorKey(e.bookmark) === key
						);
						if (twin !== -1) this.entries.splice(twin, 1);
						this.entries.push({ bookmark: stored, save: 'saved' });
					} else if (entry.save === 'saved') entry.bookmark = stored;
				} else if (entry && entry.save === 'saved') {
					this.entries.splice(index, 1);
				}
			}
			this.#rememberCount();
		} catch {
			// The next change or visit catches up.
		}
	}

	// --- toast -----------------------------------------------------------------------------

	#showToast(toast: Toast): void {
		this.toast = toast;
		this.#armToast(toast.kind === 'deleted' ? UNDO_MS : TOAST_MS);
	}

	#armToast(ms: number): void {
		clearTimeout(this.#toastTimer);
		this.#toastExpires = Date.now() + ms;
		if (this.#toastHeld) return;
		this.#toastTimer = setTimeout(() => this.#clearToast(), ms);
	}

	#clearToast(): void {
		clearTimeout(this.#toastTimer);
		// The element that held it is gone with it.
		this.#toastHeld = false;
		this.toast = null;
	}
}

export const bookmarks = new Bookmarks();
