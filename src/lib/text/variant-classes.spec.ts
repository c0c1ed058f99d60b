import { describe, expect, it } from 'vitest';
import { variantPairs } from './variant-classes';

describe('variantPairs', () => {
	it('joins the tables into classes folded to their Simplified member', () => {
		const pairs = variantPairs({
			traditionalToSimplified: '發 发|髮 发',
			simplifiedToTraditional: '发 發 髮',
			taiwan: '着 著',
			hongKong: ''
		});
		const map = new Map<string, string>();
		const chars = [...pairs];
		for (let i = 0; i < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
		expect(map.get('發')).toBe('发');
		expect(map.get('髮')).toBe('发');
		expect(map.has('发')).toBe(false);
		// No table calls either of 着/著 Simplified: the first one stands for both.
		expect(map.get('著')).toBe('着');
	});
});
