/** Links to the indicators page in a given state, under the site's base path. */
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { pageStateQuery, type PageState } from './series/page-state';

export function indicatorsStateHref(state: PageState): ResolvedPathname {
	return `${resolve('/indicators')}${pageStateQuery(state)}` as ResolvedPathname;
}
