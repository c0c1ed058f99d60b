import { describe, expect, it } from 'vitest';
import { csvCell, indicatorsCsv, toCsv } from './csv';
import { indicator } from './indicator-fixture';

describe('csv', () => {
	it('quotes commas, quotes and line breaks', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell(' padded')).toBe('" padded"');
		expect(csvCell(null)).toBe('');
		expect(csvCell(93.4)).toBe('93.4');
	});

	it('never hands a spreadsheet a formula', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-1')).toBe("'-1");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell(-1)).toBe('-1');
	});

	it('starts with a byte-order mark and ends lines with CRLF', () => {
		expect(
			toCsv([
				['a', 'b'],
				[1, 2]
			])
		).toBe('\uFEFFa,b\r\n1,2\r\n');
	});

	it('writes each indicator with its quote, document and link', () => {
		const i = indicator({
			id: 'p@3',
			value: 90,
			unit: '%',
			qualifier: '以上',
			label: '覆盖的市',
			quote: '覆盖了90%以上的市,和80%以上的县'
		});
		const csv = indicatorsCsv([i], {
			header: ['label', 'value'],
			docTitle: () => '标题',
			passageLink: () => 'http://x/doc/d?mark=p:3-6#p-p'
		});
		const [, row] = csv.slice(1).split('\r\n');
		expect(row).toBe(
			'覆盖的市,90,%,以上,90%以上,90,%,,,,覆盖了90%以上的市，和80%以上的县,标题,doc.txt,http://x/doc/d?mark=p:3-6#p-p,p@3'
		);
	});
});
