/**
 * The engines compared, behind one interface. Each starts from the same passage texts: building
 * includes folding them to search forms, since every engine needs that and ours does it inside
 * `SearchIndex.build`; queries are folded inside the timed call for the same reason.
 */
import { Charset, Index, type IndexOptions } from 'flexsearch';
import type { Corpus } from '../../lib/corpus/types';
import { isHanChar, searchForm } from '../../lib/text/fold';
import { SearchIndex } from '../../lib/search/search-index';

export const ENGINE_NAMES = ['ours', 'flex-bigram', 'flex-cjk', 'scan'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export const ENGINE_LABELS: Record<EngineName, string> = {
	ours: 'ours',
	'flex-bigram': 'FlexSearch bigram',
	'flex-cjk': 'FlexSearch CJK preset',
	scan: 'scan (includes)'
};

export interface Instance {
	/** Every matching passage position (ranked where the engine ranks). */
	all(query: string): ArrayLike<number> & Iterable<number>;
	serialize(): Promise<string>;
}

export interface Engine {
	build(corpus: Corpus): Instance;
	load(serialized: string, corpus: Corpus): Promise<Instance>;
}

class Ours implements Instance {
	constructor(readonly index: SearchIndex) {}

	all(query: string): Int32Array {
		return this.index.rankedPositions(query);
	}

	async serialize(): Promise<string> {
		return JSON.stringify(this.index.toJSON());
	}
}

/**
 * The search form's Han runs as overlapping bigrams (a lone character as itself), other words
 * whole: the same terms our tokenizer hashes into buckets, but kept exact.
 */
export function bigramsOfFoldedText(form: string): string[] {
	const terms = new Set<string>();
	for (const run of form.split(' ')) {
		if (run.length === 0) continue;
		if (run.length === 1 || !isHanChar(run)) {
			terms.add(run);
			continue;
		}
		for (let i = 1; i < run.length; i++) terms.add(run.slice(i - 1, i + 1));
	}
	return [...terms];
}

/** FlexSearch stops at 100 results unless told otherwise; the scan returns all. */
const ALL = 1e9;

class Flex implements Instance {
	constructor(readonly index: Index) {}

	all(query: string): number[] {
		return this.index.search(searchForm(query), { limit: ALL }) as number[];
	}

	async serialize(): Promise<string> {
		const parts: string[] = [];
		await this.index.export((key, data) => {
			parts.push(key, data);
		});
		// `data` is JSON, which never holds a raw line break: one line per key and per chunk keeps
		// the size honest, where wrapping the chunks in another JSON string would escape every quote.
		return parts.join('\n');
	}

	static async load(serialized: string, options: IndexOptions): Promise<Flex> {
		const index = new Index(options);
		const lines = serialized.split('\n');
		for (let i = 0; i + 1 < lines.length; i += 2) await index.import(lines[i]!, lines[i + 1]!);
		return new Flex(index);
	}
}

function flexEngine(options: () => IndexOptions): Engine {
	return {
		build(corpus) {
			const index = new Index(options());
			corpus.passages.forEach((p, i) => index.add(i, searchForm(p.text)));
			return new Flex(index);
		},
		load: (serialized) => Flex.load(serialized, options())
	};
}

class Scan implements Instance {
	constructor(readonly forms: readonly string[]) {}

	all(query: string): number[] {
		const q = searchForm(query);
		const out: number[] = [];
		if (q.trim().length === 0) return out;
		const forms = this.forms;
		for (let i = 0; i < forms.length; i++) if (forms[i]!.includes(q)) out.push(i);
		return out;
	}

	async serialize(): Promise<string> {
		return JSON.stringify(this.forms);
	}
}

export const ENGINES: Record<EngineName, Engine> = {
	ours: {
		build: (corpus) => new Ours(SearchIndex.build(corpus)),
		load: async (serialized, corpus) => new Ours(SearchIndex.load(serialized, corpus))
	},
	'flex-bigram': flexEngine(() => ({
		encode: bigramsOfFoldedText,
		tokenize: 'strict',
		resolution: 1
	})),
	'flex-cjk': flexEngine(() => ({ encoder: Charset.CJK })),
	scan: {
		build: (corpus) => new Scan(corpus.passages.map((p) => searchForm(p.text))),
		// Loading the stored search forms: what an app using the scan would keep instead of an index.
		load: async (serialized) => new Scan(JSON.parse(serialized) as string[])
	}
};
