/**
 * How results are ordered. Every result contains each query term in its text, its section heading
 * or its document title; among those, a reader wants first the passages that say it as written,
 * then those whose heading or title is about it, then those where it is dense.
 */
export const RANK_WEIGHTS = {
	/** Each query term found in the passage text itself. */
	textTerm: 10,
	/** The whole query, its parts side by side, occurs in the text: the exact phrase. */
	exactPhrase: 15,
	/** Each query term found in the section headings above the passage. */
	heading: 6,
	/** Each query term found in the document title. */
	title: 4,
	/** Share of the passage's characters covered by matches, times this weight. */
	density: 12,
	/** A term matched only through a longer or a near word (`orac` → `oracle`). */
	inexactPenalty: -5,
	/** A heading or title passage is a signpost: it ranks below the text it announces. */
	signpost: -10,
	/**
	 * Each term's percentages (`100%`) found in the text as written. The search form drops the
	 * sign, so without this `100家` ranks with `100%`.
	 */
	percent: 5
} as const;

/**
 * The score of one passage. Positional arguments, not an object: this runs once per match on every
 * query, and a common bigram matches hundreds of passages.
 *
 * @param termsInText query terms found in the passage text
 * @param termsInHeading query terms found in its section headings
 * @param termsInTitle query terms found in its document's title
 * @param exactPhrase whether the whole query occurs in the text as written
 * @param matchedChars characters of the passage covered by matches (on the search form)
 * @param formLength length of the passage's search form
 * @param inexactTerms terms matched only inside longer words or by near spelling
 * @param signpost whether the passage is a title, front-matter or heading line
 * @param percentTerms terms whose percentages the text holds as written
 */
export function rankScore(
	termsInText: number,
	termsInHeading: number,
	termsInTitle: number,
	exactPhrase: boolean,
	matchedChars: number,
	formLength: number,
	inexactTerms: number,
	signpost: boolean,
	percentTerms = 0
): number {
	const w = RANK_WEIGHTS;
	return (
		w.textTerm * termsInText +
		(exactPhrase ? w.exactPhrase : 0) +
		w.heading * termsInHeading +
		w.title * termsInTitle +
		w.density * Math.min(1, matchedChars / Math.max(1, formLength)) +
		w.inexactPenalty * inexactTerms +
		(signpost ? w.signpost : 0) +
		w.percent * percentTerms
	);
}
