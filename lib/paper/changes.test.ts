import { describe, expect, it } from 'vitest';
import { newPaper, type Paper } from './schema';
import { applyOps, diffRecords } from './changes';

const base = (): Paper => ({
  ...newPaper(
    { key: 'arxiv:2401.00001', ids: { arxiv: '2401.00001' }, title: 'A paper', authors: ['Ada Lovelace'], type: 'preprint', source: 'test' },
    1000,
  ),
  tags: ['ml', 'nlp'],
});

describe('diffRecords', () => {
  it('logs a new paper whole', () => {
    const p = base();
    expect(diffRecords(undefined, p)).toEqual([{ op: 'create', record: p }]);
  });

  it('logs each changed field, each tag added or removed, and the note', () => {
    const before = base();
    const after: Paper = { ...before, status: 'read', starred: true, tags: ['nlp', 'vision'], note: 'hi', updatedAt: 5000 };
    delete (after as Partial<Paper>).arxivCategory;
    const ops = diffRecords(before, after, 'clock-of-last-note');
    expect(ops).toContainEqual({ op: 'set', field: 'status', value: 'read' });
    expect(ops).toContainEqual({ op: 'set', field: 'starred', value: true });
    expect(ops).toContainEqual({ op: 'tag', tag: 'vision', present: true });
    expect(ops).toContainEqual({ op: 'tag', tag: 'ml', present: false });
    expect(ops).toContainEqual({ op: 'note', text: 'hi', prev: 'clock-of-last-note' });
    expect(ops.some((o) => o.op === 'set' && o.field === 'updatedAt')).toBe(false);
    expect(ops).toHaveLength(5);
  });

  it('logs an unset field as null and nothing for an unchanged record', () => {
    const before = { ...base(), venue: 'NeurIPS' };
    const after = { ...before, updatedAt: 99 } as Paper;
    expect(diffRecords(before, after)).toEqual([]);
    delete (after as Partial<Paper>).venue;
    expect(diffRecords(before, after)).toEqual([{ op: 'set', field: 'venue', value: null }]);
  });

  it('applyOps replays a diff back to the record', () => {
    const before = { ...base(), venue: 'ICML' };
    const after: Paper = {
      ...before,
      venue: undefined,
      tags: ['x', 'nlp'],
      note: 'n',
      citationKey: 'lovelace2024a',
      ids: { ...before.ids, doi: '10.1/x' },
    };
    delete (after as Partial<Paper>).venue;
    const replay = applyOps(before, diffRecords(before, after))!;
    expect({ ...replay, tags: [...replay.tags].sort() }).toEqual({ ...after, updatedAt: before.updatedAt, tags: [...after.tags].sort() });
    expect(applyOps(before, [{ op: 'remove' }])).toBeUndefined();
  });
});
