import { describe, expect, it } from 'vitest';
import { buildCorpus, buildDocument, CorpusBuildError, type SourceFile } from './build-corpus';

const meta = { title: '测试文档', script: 'Simplified', kind: 'report' };
const file = (text: string | Uint8Array, m: unknown = meta, name = '900_test.txt'): SourceFile => ({
	name,
	bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
	meta: m
});
const problem = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		expect(e).toBeInstanceOf(CorpusBuildError);
		return (e as Error).message;
	}
	throw new Error('expected the build to stop');
};

describe('buildDocument', () => {
	it('stops on a file that is not UTF-8, naming it', () => {
		expect(problem(() => buildDocument(file(new Uint8Array([0xd6, 0xd0, 0xb9, 0xfa]))))).toMatch(
			/900_test\.txt: not valid UTF-8/u
		);
	});

	it('stops on an empty file and on missing or bad metadata', () => {
		expect(problem(() => buildDocument(file(' \n\n')))).toMatch(/900_test\.txt: the file is empty/u);
		expect(problem(() => buildDocument({ ...file('正文。'), meta: undefined }))).toMatch(
			/missing metadata file 900_test\.meta\.json/u
		);
		expect(problem(() => buildDocument(file('正文。', { title: '', script: 'Latin' })))).toMatch(
			/900_test\.meta\.json: .*"title".*"script".*"kind"/u
		);
	});

	it('stops when a run-in heading listed in the metadata is not in the text', () => {
		expect(
			problem(() => buildDocument(file('正文。', { ...meta, runInHeadings: ['不存在的标题'] })))
		).toMatch(/run-in heading "不存在的标题" does not occur/u);
	});

	it('builds an outline from 一 / (一) / (1) headings, with run-in headings split off', () => {
		const { document, passages } = buildDocument(
			file('测试文档\n一 总体情况\n(一)网络\n(1)社会治安方面。全省公安系统推进平台建设。\n正文段落。')
		);
		expect(document.outline.map((s) => [s.id, s.level, s.marker, s.title])).toEqual([
			['s1', 1, '一', '总体情况'],
			['s1.1', 2, '(一)', '网络'],
			['s1.1.1', 3, '(1)', '社会治安方面']
		]);
		expect(passages.map((p) => [p.kind, p.section, p.text])).toEqual([
			['title', '', '测试文档'],
			['heading', 's1', '一 总体情况'],
			['heading', 's1.1', '(一)网络'],
			['heading', 's1.1.1', '(1)社会治安方面'],
			['text', 's1.1.1', '全省公安系统推进平台建设。'],
			['text', 's1.1.1', '正文段落。']
		]);
	});

	it('does not take 一是 or a sentence in parentheses for a heading', () => {
		const { document } = buildDocument(file('正文开始。\n一是加强建设。大部分省份成立了小组。\n(電子政務信息安全要注意哪些環節?目前舉行的會議。'));
		expect(document.outline).toEqual([]);
	});

	it('gives stable ids that depend on the raw text, not on the position', () => {
		const a = buildDocument(file('第一段。\n第二段。')).passages;
		const b = buildDocument(file('新加的段落。\n第一段。\n第二段。')).passages;
		expect(b.slice(1).map((p) => p.id)).toEqual(a.map((p) => p.id));
	});
});

describe('buildCorpus', () => {
	it('refuses two sources with the same id and an empty source folder', () => {
		expect(problem(() => buildCorpus([]))).toMatch(/no source texts/u);
		expect(problem(() => buildCorpus([file('一。'), file('二。')]))).toMatch(/same id/u);
	});
});
