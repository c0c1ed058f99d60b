/**
 * One quantitative statement of the corpus: the record the reader marks in a passage and the charts
 * plot. Everything in it points back to the text: `at` into the passage, `rawRange` into the raw
 * file, `quote` as the sentence it came from.
 */

/** The administrative level a figure is about, where the text says so. */
export type AdminLevel = '省' | '市' | '县' | '乡';

/** Which stretch of text the date was stated for. */
export type DateScope =
	/** In the figure's own sentence: `截至2012年4月,…覆盖率近90%`. */
	| 'sentence'
	/** At the head of the paragraph, governing all of it: `2013年,…`. */
	| 'paragraph'
	/** In the document's title: `2013年河南省电子政务发展概况`. */
	| 'document';

export interface IndicatorDate {
	/** As written: `截至2012年4月`, `2011年`, `截止去年底`. */
	text: string;
	/** null when the text gives no year (`截止去年底`): we never guess one. */
	year: number | null;
	month: number | null;
	scope: DateScope;
}

export interface Indicator {
	/** `<passage id>@<offset of the number>`: stable as long as the passage text is. */
	id: string;
	/**
	 * The number as written: 93.4 for `93.4%`, 1500 for `1500万条`. A multiplier (万, 亿) stays in
	 * `unit`, so `value` never carries rounding the text did not make; `scaledValue` multiplies out.
	 */
	value: number;
	/** What follows the number, in Simplified characters: `%`, `个`, `万条`, `亿`, `T`. */
	unit: string;
	/** Hedges as written: `以上`, `近`, `超过`, `多`, `约…左右`; null for an exact figure. */
	qualifier: string | null;
	/** What is measured, in the text's own words and script. */
	label: string;
	level: AdminLevel | null;
	/** Where the figure applies: `全国`, `北京市`, `北京、上海、江苏`; null when not stated. */
	region: string | null;
	date: IndicatorDate | null;
	/** The sentence, as it stands in the passage text. */
	quote: string;
	passageId: string;
	docId: string;
	/** The raw file name. */
	source: string;
	/** `[start, end)` of the number and its unit in the passage text. */
	at: [number, number];
	/** The same span in the raw file. */
	rawRange: [number, number];
	/** The id of the first record of the same statement in the document, or null for that one. */
	repeatOf: string | null;
}
