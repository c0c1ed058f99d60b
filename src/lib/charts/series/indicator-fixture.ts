/** A made-up indicator for tests: only what a test states differs from a plain count. */
import type { Indicator } from '../../corpus/indicators/indicator';

export function indicator(over: Partial<Indicator> & { id: string }): Indicator {
	return {
		value: 1,
		unit: '个',
		qualifier: null,
		label: '部门',
		level: null,
		region: null,
		date: null,
		quote: '',
		passageId: over.id.split('@')[0]!,
		docId: 'doc',
		source: 'doc.txt',
		at: [0, 1],
		rawRange: [0, 1],
		repeatOf: null,
		...over
	};
}
