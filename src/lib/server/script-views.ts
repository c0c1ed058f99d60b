/**
 * Each passage in the other script, converted at build time with OpenCC's phrase-aware
 * converters (Taiwan standard for Traditional). Doing it here keeps the 2 MB Simplified →
 * Traditional dictionary out of the browser and makes the reader's script switch work offline.
 */
import * as OpenCC from 'opencc-js';
import type { Passage, Script } from '../corpus/types';

let toTraditional: ((s: string) => string) | undefined;
let toSimplified: ((s: string) => string) | undefined;

/** Passage id → its text in the script the document is not written in. */
export function otherScript(passages: readonly Passage[], script: Script): Record<string, string> {
	const convert =
		script === 'Simplified'
			? (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }))
			: (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
	return Object.fromEntries(passages.map((p) => [p.id, convert(p.text)]));
}
