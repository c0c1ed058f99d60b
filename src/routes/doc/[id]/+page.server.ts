import { error } from '@sveltejs/kit';
import { documentPassages, documentSummaries, loadCorpus } from '$lib/server/corpus';
import { otherScript } from '$lib/server/script-views';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => loadCorpus().documents.map((d) => ({ id: d.id }));

export const load: PageServerLoad = ({ params }) => {
	const document = loadCorpus().documents.find((d) => d.id === params.id);
	if (!document) error(404, 'No such document');
	const passages = documentPassages(document.id);
	return {
		document,
		passages,
		converted: otherScript(passages, document.script),
		documents: documentSummaries().map((d) => ({ id: d.id, title: d.title, script: d.script }))
	};
};
