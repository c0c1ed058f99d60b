import type { Edit } from '../text/tracked-text';

export type Script = 'Simplified' | 'Traditional';

/** The hand-written `<source>.meta.json` beside each raw text. */
export interface SourceMeta {
	title: string;
	/** The source has no headline of its own; `title` was written by the editor. */
	titleSupplied?: boolean;
	script: Script;
	kind: 'news' | 'yearbook-chapter' | 'report' | 'other';
	/** Only what the text itself states. */
	year?: number;
	dateline?: string;
	author?: string;
	authorRole?: string;
	issuer?: string;
	about?: string;
	container?: string;
	part?: string;
	note?: string;
	/**
	 * Sub-headings the scraper glued into the running text, as they stand in the raw file. The build
	 * finds each one and moves it onto a line of its own.
	 */
	runInHeadings?: string[];
	/** Force or forbid the restoration of punctuation flattened to `.` (detected when absent). */
	flattenedPunctuation?: boolean;
}

export type PassageKind = 'title' | 'front' | 'heading' | 'text' | 'byline';

export interface Passage {
	/** Stable across rebuilds: derived from the source and the raw text it came from. */
	id: string;
	docId: string;
	/** Section id (`s2.1`), encoding the path through the outline; '' before the first heading. */
	section: string;
	kind: PassageKind;
	/** Cleaned text in the document's own script. */
	text: string;
	/** `[start, end)` in the raw file, UTF-16 code units of the decoded text. */
	range: [number, number];
	/** Repairs inside `text`; applying them backwards gives the raw slice exactly. */
	edits: Edit[];
}

export interface Section {
	id: string;
	level: 1 | 2 | 3;
	/** 一, (一), (1) — as printed, after repairs. */
	marker: string;
	title: string;
	/** The heading passage. */
	passageId: string;
}

export interface DroppedSpan {
	range: [number, number];
	raw: string;
	reason: 'boilerplate';
}

export interface CorpusDocument extends Omit<SourceMeta, 'runInHeadings' | 'flattenedPunctuation'> {
	id: string;
	/** The raw file name: the provenance every passage, indicator and bookmark points back to. */
	source: string;
	/** Whether the build restored punctuation that the source had flattened to `.`. */
	restoredPunctuation: boolean;
	outline: Section[];
	dropped: DroppedSpan[];
	/** Characters in the raw file. */
	rawLength: number;
}

export interface Corpus {
	format: number;
	/** Hash of everything else in the file: stored search indexes are keyed on it. */
	hash: string;
	documents: CorpusDocument[];
	passages: Passage[];
}

export const CORPUS_FORMAT = 1;
