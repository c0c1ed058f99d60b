import { documentSummaries } from '$lib/server/corpus';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ documents: documentSummaries() });
