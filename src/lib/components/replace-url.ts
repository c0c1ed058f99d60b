import { goto } from '$app/navigation';
import type { ResolvedPathname } from '$app/types';

/**
 * Puts the page's own state (a query, a view) in the address bar, in place of the current history
 * entry. A real navigation, not SvelteKit's shallow `replaceState`: a shallow entry remembers the
 * page's URL from before, and coming back to it (Back from a result) would show that old state
 * under the new address. Nothing reloads: the pages' `load`s do not read the query string.
 */
export function replaceUrl(href: ResolvedPathname): Promise<void> {
	// `href` is resolved by its type; plain .ts files are linted without types, so the rule cannot
	// see that.
	// eslint-disable-next-line svelte/no-navigation-without-resolve
	return goto(href, { replaceState: true, keepFocus: true, noScroll: true });
}
