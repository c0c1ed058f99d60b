/**
 * Numbered headings as the yearbook prints them: `一 信息基础设施建设…` (level 1), `(一)智慧城市…`
 * (level 2), `(1)社会治安方面。…` (level 3, often run into its paragraph).
 */

export interface HeadingMatch {
	level: 1 | 2 | 3;
	marker: string;
	/** Where the heading's title starts in the line. */
	titleStart: number;
	/** Where the title ends; for a run-in heading, the offset of the mark that ends it. */
	titleEnd: number;
	/** For a run-in heading (`(1)社会治安方面。全省…`), where its paragraph starts. */
	bodyStart: number | null;
}

const NUMERAL = '[一二三四五六七八九十]{1,3}';
const LEVEL_1 = new RegExp(`^(${NUMERAL})[ \\t\\u3000]+(?=\\S)`, 'u');
const LEVEL_2 = new RegExp(`^([(（]${NUMERAL}[)）])[ \\t\\u3000]*(?=\\S)`, 'u');
const LEVEL_3 = /^([(（]\d{1,2}[)）])[ \t\u3000]*(?=\S)/u;

/** A heading title is a phrase, not a sentence. */
const MAX_TITLE = 40;
/** A run-in heading is a short phrase closed by `。` before its paragraph. */
const MAX_RUN_IN_TITLE = 20;

export function matchHeading(line: string): HeadingMatch | null {
	for (const [level, pattern] of [
		[1, LEVEL_1],
		[2, LEVEL_2],
		[3, LEVEL_3]
	] as const) {
		const m = pattern.exec(line);
		if (!m) continue;
		const marker = m[1]!;
		const titleStart = m[0].length;
		const rest = line.slice(titleStart);
		const stop = rest.search(/[。!?！？]/u);
		if (stop < 0) {
			if (rest.length > MAX_TITLE || /[,，;；]/u.test(rest)) return null;
			return { level, marker, titleStart, titleEnd: line.length, bodyStart: null };
		}
		// `一是提升…。` has no space after the numeral and never gets here; `(1)社会治安方面。全省…`
		// does, and splits into a heading and its paragraph.
		if (level === 1 || stop > MAX_RUN_IN_TITLE || /[,，;；]/u.test(rest.slice(0, stop))) return null;
		const bodyStart = titleStart + stop + 1;
		if (line.slice(bodyStart).trim().length === 0) return null;
		return { level, marker, titleStart, titleEnd: titleStart + stop, bodyStart };
	}
	return null;
}
