/**
 * Removes pinyin readings that a web page printed after characters: `業(yè)` → `業`.
 *
 * Only a parenthesis holding one tone-marked pinyin syllable right after a Chinese character is a
 * gloss. Real parentheses survive: `各地(市)` holds a character, `(電子政務(wù)…` opens a sentence.
 */
import type { TrackedText } from './tracked-text';

const TONED_VOWEL = '[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]';
/** One syllable: initial letters, a tone-marked vowel, and at most a few more letters. */
const GLOSS = new RegExp(`(?<=\\p{Script=Han})\\(([a-zü]{0,3}${TONED_VOWEL}[a-zü]{0,4})\\)`, 'gu');

export function stripPinyinGlosses(text: TrackedText): TrackedText {
	return text.replaceAll(GLOSS, () => '', 'gloss');
}
