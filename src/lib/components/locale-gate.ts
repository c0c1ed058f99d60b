/**
 * The locale gate (the inline script in app.html): a page prerendered in Chinese stays unpainted
 * for a reader of another language until the app has hydrated in theirs, so no line is laid out
 * twice. The layout lifts it; until then nothing of the page has been painted.
 */
export function heldForLocale(): boolean {
	return 'localePending' in document.documentElement.dataset;
}

/** Lets the page paint: called once it has hydrated in the reader's language. */
export function liftLocaleGate(): void {
	delete document.documentElement.dataset.localePending;
}
