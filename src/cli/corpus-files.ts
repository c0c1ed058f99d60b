/** Reading sources from disk and writing outputs atomically: the Node side of the corpus build. */
import fs from 'node:fs';
import path from 'node:path';
import { metaFileName, type SourceFile, CorpusBuildError } from '../lib/corpus/build-corpus';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const DEFAULT_SOURCES = path.join(PROJECT_ROOT, 'corpus/sources');
export const DEFAULT_OUT = path.join(PROJECT_ROOT, 'corpus');

export function readSources(dir: string): SourceFile[] {
	if (!fs.existsSync(dir)) throw new CorpusBuildError(dir, 'the sources folder does not exist');
	const names = fs
		.readdirSync(dir)
		.filter((n) => n.endsWith('.txt'))
		.sort();
	for (const n of fs.readdirSync(dir).filter((n) => n.endsWith('.meta.json'))) {
		if (!names.includes(n.replace(/\.meta\.json$/u, '.txt'))) {
			throw new CorpusBuildError(
				n,
				`metadata without a source text ${n.replace(/\.meta\.json$/u, '.txt')}`
			);
		}
	}
	return names.map((name) => {
		const metaPath = path.join(dir, metaFileName(name));
		let meta: unknown;
		if (fs.existsSync(metaPath)) {
			try {
				meta = JSON.parse(fs.readFileSync(metaPath, 'utf8'));
			} catch (e) {
				throw new CorpusBuildError(metaFileName(name), `not valid JSON: ${(e as Error).message}`);
			}
		}
		return { name, bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))), meta };
	});
}

/** Writes every file or none: each goes to a temporary name first and is renamed at the end. */
export function writeAllOrNothing(files: Record<string, string>): void {
	const temps: [string, string][] = [];
	try {
		for (const [target, content] of Object.entries(files)) {
			const temp = `${target}.${process.pid}.tmp`;
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.writeFileSync(temp, content);
			temps.push([temp, target]);
		}
		for (const [temp, target] of temps) fs.renameSync(temp, target);
	} finally {
		for (const [temp] of temps) if (fs.existsSync(temp)) fs.rmSync(temp);
	}
}
