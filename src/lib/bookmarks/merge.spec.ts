import { describe, expect, it } from 'vitest';
import { mergeEdits, planImport } from './merge';
import { sampleBookmark } from './test-data';

describe('planImport', () => {
	const mine = sampleBookmark({ id: 'mine', note: 'my note' });

	it('adds new bookmarks and skips what is already here, leaving it untouched', () => {
		const same = sampleBookmark({ id: 'mine', note: 'their note', tags: ['x'] });
		const samePlace = sampleBookmark({ id: 'other-id', note: 'x' });
		const fresh = sampleBookmark({ id: 'fresh', passageId: 'p2' });
		const plan = planImport([mine], [same, samePlace, fresh]);
		expect(plan.add.map((b) => b.id)).toEqual(['fresh']);
		expect(plan.skipped.map((s) => [s.bookmark.id, s.reason])).toEqual([
			['mine', 'same-id'],
			['other-id', 'same-place']
		]);
	});

	it('takes a bookmark repeated in the file once', () => {
		const a = sampleBookmark({ id: 'a', passageId: 'p9' });
		const plan = planImport([], [a, { ...a }, { ...a, id: 'a2' }]);
		expect(plan.add).toEqual([a]);
		expect(plan.skipped.map((s) => s.reason)).toEqual(['repeated', 'repeated']);
	});

	it('treats ids it cannot read as taken', () => {
		const plan = planImport([], [sampleBookmark({ id: 'broken' })], ['broken']);
		expect(plan.add).toEqual([]);
		expect(plan.skipped[0]!.reason).toBe('same-id');
	});
});

describe('mergeEdits', () => {
	const base = sampleBookmark({ note: 'base', tags: ['a', 'b'], revision: 3 });

	it('takes the side that changed a field', () => {
		const ours = { ...base, note: 'ours', updatedAt: base.updatedAt + 10 };
		const theirs = { ...base, tags: ['a', 'b', 'c'], revision: 4, updatedAt: base.updatedAt + 5 };
		const { merged, conflicts } = mergeEdits(base, ours, theirs);
		expect(merged).toMatchObject({ note: 'ours', tags: ['a', 'b', 'c'], revision: 4 });
		expect(merged.updatedAt).toBe(base.updatedAt + 10);
		expect(conflicts).toEqual([]);
	});

	it('keeps both notes when both tabs changed it, theirs first', () => {
		const ours = { ...base, note: 'ours' };
		const theirs = { ...base, note: 'theirs', revision: 4 };
		const { merged, conflicts } = mergeEdits(base, ours, theirs);
		expect(merged.note).toBe('theirs\n\nours');
		expect(conflicts).toEqual(['note']);
	});

	it('merges tags as sets: our additions join, our removals leave', () => {
		const ours = { ...base, tags: ['a', 'x'] }; // removed b, added x
		const theirs = { ...base, tags: ['a', 'b', 'y'], revision: 4 }; // added y
		const { merged, conflicts } = mergeEdits(base, ours, theirs);
		expect(merged.tags).toEqual(['a', 'y', 'x']);
		expect(conflicts).toEqual(['tags']);
	});

	it('changes nothing when both tabs made the same edit', () => {
		const ours = { ...base, note: 'same' };
		const theirs = { ...base, note: 'same', revision: 4 };
		expect(mergeEdits(base, ours, theirs)).toMatchObject({
			merged: { note: 'same' },
			conflicts: []
		});
	});
});
