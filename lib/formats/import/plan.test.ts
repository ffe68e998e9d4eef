import { describe, expect, it } from 'vitest';
import { newPaper, type Paper } from '../../paper/schema';
import { mergeNotes, NOTE_DIVIDER, planImport } from './plan';

const base = (over: Partial<Paper> = {}): Paper => ({
  ...newPaper({ key: 'arxiv:1706.03762', ids: { arxiv: '1706.03762' }, title: 'Attention', authors: ['A B'], type: 'preprint', source: 't' }, 100),
  ...over,
});

describe('planImport', () => {
  it('adds new papers, keeping their timestamps', () => {
    const p = base({ addedAt: 5, updatedAt: 6 });
    expect(planImport([], [p], 1000)).toEqual({ add: [p], update: [], skip: [] });
  });
  it('skips identical records', () => {
    const p = base();
    expect(planImport([p], [p], 1000).skip).toEqual([{ key: p.key, reason: 'already in the library as arxiv:1706.03762, nothing new' }]);
  });
  it('matches by alias, unions tags, fills metadata gaps', () => {
    const saved = base({ key: 'doi:10.1000/x', ids: { doi: '10.1000/x' }, aliases: ['arxiv:1706.03762'], tags: ['a'] });
    const incoming = { ...base({ tags: ['b'], venue: 'NeurIPS' }) };
    const { update, add } = planImport([saved], [incoming], 1000);
    expect(add).toEqual([]);
    expect(update[0].after).toMatchObject({
      key: 'doi:10.1000/x',
      tags: ['a', 'b'],
      venue: 'NeurIPS',
      ids: { doi: '10.1000/x', arxiv: '1706.03762' },
      updatedAt: 1000,
    });
  });
  it('never drops a note: both kept when they differ, newer wins a prefix', () => {
    const saved = base({ note: 'mine', updatedAt: 100 });
    const { update } = planImport([saved], [base({ note: 'theirs', updatedAt: 50 })], 1000);
    expect(update[0].after.note).toBe(`mine${NOTE_DIVIDER}theirs`);
    expect(mergeNotes('abc', 'abc def')).toBe('abc def');
    const older = planImport([base({ note: 'abc def', updatedAt: 100 })], [base({ note: 'abc', updatedAt: 50 })], 1000);
    expect(older.skip).toHaveLength(1);
  });
  it('newer updatedAt wins status and starred; files without timestamps never do', () => {
    const saved = base({ status: 'read', starred: false, updatedAt: 100 });
    expect(planImport([saved], [base({ status: 'reading', starred: true, updatedAt: 200 })], 1000).update[0].after).toMatchObject({
      status: 'reading',
      starred: true,
    });
    const { status, ...noTime } = base({ status: 'unread', tags: ['x'] });
    const plan = planImport([saved], [{ ...noTime, updatedAt: undefined, addedAt: undefined }], 1000);
    expect(status).toBe('unread');
    expect(plan.update[0].after.status).toBe('read');
  });
  it('merges duplicates inside the file', () => {
    const plan = planImport([], [base({ tags: ['a'] }), base({ tags: ['b'] })], 1000);
    expect(plan.add).toHaveLength(1);
    expect(plan.add[0].tags).toEqual(['a', 'b']);
  });
});
