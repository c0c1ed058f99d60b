import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import HighlightedText from './highlighted-text.svelte';

describe('highlighted text', () => {
	it('renders markup from the corpus or a query as text, with <mark> only around hits', () => {
		const text = '<img src=x onerror="alert(1)">电子政务<script>alert(2)</script>';
		const { body } = render(HighlightedText, { props: { text, ranges: [[30, 34]] } });
		expect(body).not.toMatch(/<img|<script/u);
		expect(body).toContain('&lt;img src=x onerror="alert(1)">');
		expect(body).toMatch(/<mark>电子政务<\/mark>/u);
	});
});
