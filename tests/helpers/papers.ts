// A Paper with defaults, for the search tests.
import type { Paper } from '../../lib/paper/schema';

let n = 0;
export function paper(over: Partial<Paper> & { key: string }): Paper {
  n++;
  return {
    ids: {},
    title: `Untitled ${over.key}`,
    authors: [],
    type: 'other',
    source: 'test',
    tags: [],
    note: '',
    status: 'unread',
    starred: false,
    addedAt: n,
    updatedAt: n,
    aliases: [],
    ...over,
  };
}
