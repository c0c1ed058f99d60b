/**
 * Raw source texts → the normalized corpus: documents with an outline, and passages that each
 * know the exact raw range they came from and every repair made to them.
 */
import { isBoilerplateLine } from '../text/boilerplate';
import { looksFlattened, restoreFlattenedPunctuation } from '../text/flattened-punctuation';
import { searchForm } from '../text/fold';
import { stripPinyinGlosses } from '../text/pinyin-gloss';
import { TrackedText } from '../text/tracked-text';
import { normalizeWidth } from '../text/width';
import { hashId } from './hash';
import { matchHeading } from './headings';
import { parseSourceMeta } from './source-meta';
import { splitPassages } from './split-passages';
import {
	CORPUS_FORMAT,
	type Corpus,
	type CorpusDocument,
	type DroppedSpan,
	type Passage,
	type PassageKind,
	type Section,
	type SourceMeta
} from './types';

export interface SourceFile {
	/** File name, e.g. `000_d56171d339cd50a1.txt`. */
	name: string;
	bytes: Uint8Array;
	/** The parsed `<name>.meta.json`, or undefined when the file is missing. */
	meta: unknown;
}

/** A problem with one source file: the build stops and names the file. */
export class CorpusBuildError extends Error {
	constructor(
		readonly file: string,
		readonly problem: string
	) {
		super(`${file}: ${problem}`);
		this.name = 'CorpusBuildError';
	}
}

/** A title, front-matter line or byline is short and is not a sentence. */
const MAX_SHORT_LINE = 40;
const BYLINE = /^[(（][^()（）]{1,40}[)）]$/u;

export function buildCorpus(files: readonly SourceFile[]): Corpus {
	if (files.length === 0) throw new CorpusBuildError('(corpus)', 'no source texts found');
	const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	const documents: CorpusDocument[] = [];
	const passages: Passage[] = [];
	const seenIds = new Set<string>();
	for (const file of sorted) {
		const built = buildDocument(file);
		if (seenIds.has(built.document.id)) {
			throw new CorpusBuildError(file.name, `another source has the same id "${built.document.id}"`);
		}
		seenIds.add(built.document.id);
		documents.push(built.document);
		passages.push(...built.passages);
	}
	const body = { documents, passages };
	return { format: CORPUS_FORMAT, hash: hashId(JSON.stringify(body), 11), ...body };
}

export function buildDocument(file: SourceFile): { document: CorpusDocument; passages: Passage[] } {
	if (!/^[\w.-]+\.txt$/u.test(file.name)) {
		throw new CorpusBuildError(file.name, 'source files must be named like 005_name.txt');
	}
	if (file.meta === undefined) {
		throw new CorpusBuildError(file.name, `missing metadata file ${metaFileName(file.name)}`);
	}
	const parsed = parseSourceMeta(file.meta);
	if ('problems' in parsed) {
		throw new CorpusBuildError(metaFileName(file.name), parsed.problems.join('; '));
	}
	const meta = parsed.meta;
	let raw: string;
	try {
		raw = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
	} catch {
		throw new CorpusBuildError(file.name, 'not valid UTF-8 (save the file as UTF-8 and rebuild)');
	}
	if (raw.trim().length === 0) throw new CorpusBuildError(file.name, 'the file is empty');
	return new DocumentBuilder(file.name, raw, meta).build();
}

export function metaFileName(sourceName: string): string {
	return sourceName.replace(/\.txt$/u, '.meta.json');
}

interface Line {
	text: string;
	start: number;
}

function splitLines(raw: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	while (start <= raw.length) {
		let end = raw.indexOf('\n', start);
		if (end < 0) end = raw.length;
		const text = raw.slice(start, end).replace(/\r$/u, '');
		if (text.trim().length > 0) lines.push({ text, start });
		start = end + 1;
	}
	return lines;
}

class DocumentBuilder {
	readonly #id: string;
	readonly #passages: Passage[] = [];
	readonly #outline: Section[] = [];
	readonly #dropped: DroppedSpan[] = [];
	readonly #counters = [0, 0, 0];
	readonly #restore: boolean;
	readonly #runInHeadings: string[];
	readonly #foundRunIn = new Set<string>();
	#section = '';
	#beforeText = true;

	constructor(
		readonly source: string,
		readonly raw: string,
		readonly meta: SourceMeta
	) {
		this.#id = source.replace(/\.txt$/u, '');
		this.#restore = meta.flattenedPunctuation ?? looksFlattened(raw);
		this.#runInHeadings = meta.runInHeadings ?? [];
	}

	build(): { document: CorpusDocument; passages: Passage[] } {
		const lines = splitLines(this.raw);
		const lastLine = lines.length - 1;
		lines.forEach((line, index) => this.#line(line, index === lastLine));
		for (const h of this.#runInHeadings) {
			if (!this.#foundRunIn.has(h)) {
				throw new CorpusBuildError(
					metaFileName(this.source),
					`run-in heading "${h}" does not occur in ${this.source}`
				);
			}
		}
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		const { runInHeadings, flattenedPunctuation, ...described } = this.meta;
		const document: CorpusDocument = {
			id: this.#id,
			source: this.source,
			...described,
			restoredPunctuation: this.#restore,
			outline: this.#outline,
			dropped: this.#dropped,
			rawLength: this.raw.length
		};
		return { document, passages: this.#passages };
	}

	#line(line: Line, isLast: boolean): void {
		if (isBoilerplateLine(line.text, this.#beforeText)) {
			this.#dropped.push({
				range: [line.start, line.start + line.text.length],
				raw: line.text,
				reason: 'boilerplate'
			});
			return;
		}
		let tt = TrackedText.fromRaw(line.text, line.start);
		tt = stripPinyinGlosses(normalizeWidth(tt)).trim();
		if (tt.length === 0) return;
		if (isLast && BYLINE.test(tt.text)) {
			this.#emit('byline', tt);
			return;
		}
		const heading = matchHeading(tt.text);
		if (heading) {
			this.#beforeText = false;
			const titleEnd = heading.titleEnd;
			let head = tt.slice(0, heading.bodyStart ?? tt.length);
			// The mark that closed a run-in heading belongs to neither heading nor paragraph.
			if (heading.bodyStart !== null) head = head.replace(titleEnd, heading.bodyStart, '', 'heading');
			if (this.#restore) head = restoreFlattenedPunctuation(head, { heading: true });
			this.#openSection(heading.level, heading.marker, head.text.slice(heading.titleStart), head);
			if (heading.bodyStart !== null) this.#paragraph(tt.slice(heading.bodyStart).trim());
			return;
		}
		if (this.#beforeText && tt.length <= MAX_SHORT_LINE && !/[。!?！？]/u.test(tt.text)) {
			const repaired = this.#restore ? restoreFlattenedPunctuation(tt, { heading: true }) : tt;
			const isTitle = searchForm(repaired.text) === searchForm(this.meta.title);
			this.#emit(isTitle ? 'title' : 'front', repaired);
			return;
		}
		this.#beforeText = false;
		for (const piece of this.#splitRunInHeadings(tt)) {
			if (piece.heading) {
				const head = this.#restore
					? restoreFlattenedPunctuation(piece.text, { heading: true })
					: piece.text;
				this.#openSection(1, '', head.text, head);
			} else {
				this.#paragraph(piece.text);
			}
		}
	}

	/** Moves the sub-headings listed in the metadata out of the running text. */
	#splitRunInHeadings(tt: TrackedText): { text: TrackedText; heading: boolean }[] {
		const found: [number, number][] = [];
		for (const h of this.#runInHeadings) {
			const at = tt.text.indexOf(h);
			if (at < 0) continue;
			if (tt.text.indexOf(h, at + 1) >= 0) {
				throw new CorpusBuildError(
					metaFileName(this.source),
					`run-in heading "${h}" occurs more than once; quote more of it`
				);
			}
			this.#foundRunIn.add(h);
			found.push([at, at + h.length]);
		}
		found.sort((a, b) => a[0] - b[0]);
		const pieces: { text: TrackedText; heading: boolean }[] = [];
		let at = 0;
		for (const [a, b] of found) {
			if (a > at) pieces.push({ text: tt.slice(at, a).trim(), heading: false });
			pieces.push({ text: tt.slice(a, b), heading: true });
			at = b;
		}
		if (at < tt.length) pieces.push({ text: tt.slice(at).trim(), heading: false });
		return pieces.filter((p) => p.text.length > 0);
	}

	#paragraph(tt: TrackedText): void {
		if (tt.length === 0) return;
		const repaired = this.#restore ? restoreFlattenedPunctuation(tt) : tt;
		for (const passage of splitPassages(repaired)) this.#emit('text', passage);
	}

	#openSection(level: 1 | 2 | 3, marker: string, title: string, head: TrackedText): void {
		this.#counters[level - 1]!++;
		for (let l = level; l < 3; l++) this.#counters[l] = 0;
		const id = 's' + this.#counters.slice(0, level).join('.');
		this.#section = id;
		const passage = this.#emit('heading', head);
		this.#outline.push({ id, level, marker, title: title.trim(), passageId: passage.id });
	}

	#emit(kind: PassageKind, tt: TrackedText): Passage {
		const range = tt.rawRange;
		let id = 'p' + hashId(this.source + '\u0000' + this.raw.slice(range[0], range[1]));
		// The same raw text twice in one file (a repeated sentence) gets a numbered id.
		for (let n = 2; this.#passages.some((p) => p.id === id); n++) id = id.replace(/-\d+$/u, '') + '-' + n;
		const passage: Passage = {
			id,
			docId: this.#id,
			section: this.#section,
			kind,
			text: tt.text,
			range,
			edits: tt.edits()
		};
		this.#passages.push(passage);
		return passage;
	}
}
