/**
 * Bookmarks as the pages see them. This first version keeps them in memory only; the bookmarks
 * feature replaces it with the IndexedDB store (same methods).
 */
export interface PassageRef {
	passageId: string;
	docId: string;
	source: string;
	title: string;
	text: string;
}

class Bookmarks {
	#ids = $state<string[]>([]);

	hasPassage(passageId: string): boolean {
		return this.#ids.includes(passageId);
	}

	async togglePassage(ref: PassageRef): Promise<void> {
		this.#ids = this.hasPassage(ref.passageId)
			? this.#ids.filter((id) => id !== ref.passageId)
			: [...this.#ids, ref.passageId];
	}
}

export const bookmarks = new Bookmarks();
