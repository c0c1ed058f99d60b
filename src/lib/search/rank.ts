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
	signpost: -10
} as const;

export interface RankInput {
	termsInText: number;
	termsInHeading: number;
	termsInTitle: number;
	exactPhrase: boolean;
	/** Characters of the passage covered by matches, counted on the search form. */
	matchedChars: number;
	formLength: number;
	inexactTerms: number;
	signpost: boolean;
}

export function rankScore(r: RankInput): number {
	const w = RANK_WEIGHTS;
	return (
		w.textTerm * r.termsInText +
		(r.exactPhrase ? w.exactPhrase : 0) +
		w.heading * r.termsInHeading +
		w.title * r.termsInTitle +
		w.density * Math.min(1, r.matchedChars / Math.max(1, r.formLength)) +
		w.inexactPenalty * r.inexactTerms +
		(r.signpost ? w.signpost : 0)
	);
}
