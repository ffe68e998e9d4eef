import { describe, expect, it } from 'vitest';
import type { SeenItem } from '../messaging/replies';
import { idsOfKeys, paperOfSeen, searchSeen } from './recent';

const item = (key: string, title: string, extra: Partial<SeenItem> = {}): SeenItem => ({
  key,
  aliases: [],
  title,
  authors: [],
  first: 1,
  last: 2,
  firstWhere: 'huggingface.co/papers',
  lastWhere: 'huggingface.co/papers',
  count: 1,
  ...extra,
});

describe('seen recently', () => {
  it('searches by word prefixes over title, authors and where', () => {
    const items = [
      item('arxiv:2401.00001', 'Sparse Routing for Mixtures of Experts', { authors: ['Noam Shazeer'] }),
      item('arxiv:2401.00002', 'Dense retrieval', { lastWhere: 'arxiv.org/list/cs.IR/new' }),
    ];
    expect(searchSeen(items, 'spar rout').map((i) => i.key)).toEqual(['arxiv:2401.00001']);
    expect(searchSeen(items, 'shazeer').map((i) => i.key)).toEqual(['arxiv:2401.00001']);
    expect(searchSeen(items, 'arxiv').map((i) => i.key)).toEqual(['arxiv:2401.00002']);
    expect(searchSeen(items, 'routing dense')).toEqual([]);
    expect(searchSeen(items, '  ')).toHaveLength(2);
  });

  it('turns a record into a savable paper under the key it was seen under', () => {
    expect(idsOfKeys(['arxiv:2401.00001', 'doi:10.1/x', 'bogus'])).toEqual({ arxiv: '2401.00001', doi: '10.1/x' });
    const p = paperOfSeen(item('doi:10.1145/3580305', 'A journal paper', { authors: ['A. B'], year: 2020 }))!;
    expect(p).toMatchObject({ key: 'doi:10.1145/3580305', title: 'A journal paper', authors: ['A. B'], year: 2020, ids: { doi: '10.1145/3580305' } });
    expect(paperOfSeen(item('weird:1', 'No identity'))).toBeNull();
  });
});
