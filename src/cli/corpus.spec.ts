import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './corpus-files';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function sourcesWith(files: Record<string, string | Buffer>): { sources: string; out: string } {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nianjian-corpus-'));
	dirs.push(root);
	const sources = path.join(root, 'sources');
	const out = path.join(root, 'out');
	fs.mkdirSync(sources);
	fs.mkdirSync(out);
	for (const [name, content] of Object.entries(files))
		fs.writeFileSync(path.join(sources, name), content);
	return { sources, out };
}

function runCorpus(sources: string, out: string) {
	return spawnSync('npx', ['tsx', 'src/cli/corpus.ts', '--sources', sources, '--out', out], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8'
	});
}

const meta = JSON.stringify({ title: '测试', script: 'Simplified', kind: 'report' });

describe('npm run corpus', () => {
	it('stops on a bad source with the file and the problem, and writes nothing', () => {
		const { sources, out } = sourcesWith({
			'100_good.txt': '第一段。',
			'100_good.meta.json': meta,
			'101_gbk.txt': Buffer.from([0xd6, 0xd0, 0xb9, 0xfa, 0xa1, 0xa3]),
			'101_gbk.meta.json': meta
		});
		const run = runCorpus(sources, out);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/101_gbk\.txt: not valid UTF-8/u);
		expect(fs.readdirSync(out)).toEqual([]);
	});

	it('names a missing metadata file and a metadata file without its text', () => {
		const missing = sourcesWith({ '102_alone.txt': '正文。' });
		expect(runCorpus(missing.sources, missing.out).stderr).toMatch(
			/missing metadata file 102_alone\.meta\.json/u
		);
		const orphan = sourcesWith({ '103_x.meta.json': meta });
		expect(runCorpus(orphan.sources, orphan.out).stderr).toMatch(
			/103_x\.meta\.json: metadata without a source text/u
		);
	});

	it('writes corpus.json and indicators.json for good sources', () => {
		const { sources, out } = sourcesWith({
			'104_ok.txt': '覆盖率达到93.4%。',
			'104_ok.meta.json': meta
		});
		const run = runCorpus(sources, out);
		expect(run.status, run.stderr).toBe(0);
		expect(fs.readdirSync(out).sort()).toEqual(['corpus.json', 'indicators.json']);
	});
});
