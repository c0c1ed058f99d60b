/**
 * Which passages were cut from one paragraph. `splitPassages` cuts a long paragraph into passages
 * of a few sentences; nothing of the raw file lies between two such passages, while paragraphs
 * are separated by at least a line break. The reader joins them back visually, and indicator
 * extraction reads a sentence across them.
 */
import type { Passage } from './types';

/** Whether `passage` carries on the paragraph of `previous`, the passage just before it. */
export function continuesParagraph(previous: Passage | undefined, passage: Passage): boolean {
	return (
		previous !== undefined &&
		previous.docId === passage.docId &&
		previous.kind === 'text' &&
		passage.kind === 'text' &&
		previous.range[1] === passage.range[0]
	);
}
