/**
 * Unifies full-width and half-width forms with NFKC, where that keeps the meaning.
 *
 * Only the ranges whose compatibility forms are pure presentation are folded: full-width ASCII
 * (`ＩＴ` → `IT`, `９３．４％` → `93.4%`), half-width katakana, the ideographic space, CJK
 * compatibility ideographs and Kangxi radicals (which PDF extraction produces for 一, 人 …).
 * Superscripts, fractions and circled numbers keep their meaning, so they are left alone.
 */
import type { TrackedText } from './tracked-text';

const FOLDABLE =
	/[\u3000\u00a0\u2f00-\u2fdf\u2e80-\u2eff\uf900-\ufaff\uff01-\uffee]|[\u{2f800}-\u{2fa1f}]/gu;

export function normalizeWidth(text: TrackedText): TrackedText {
	return text.replaceAll(
		FOLDABLE,
		(m) => {
			const folded = m[0].normalize('NFKC');
			return folded === m[0] ? null : folded;
		},
		'width'
	);
}
