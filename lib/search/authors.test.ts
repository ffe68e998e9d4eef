import { describe, expect, it } from 'vitest';
import { generatePapers } from './generate';
import { createSearchIndex, scanAuthors, search, type SearchIndex } from './index';

const EXTRA = ['Zoë Ångström', 'Łukasz Kaiser', 'Søren Nørgaard-Ølsen', 'José García Márquez', 'Jürgen Schmidhuber', 'Hinton Hint'];

/** A generated library with some diacritics and multi-word names mixed in. */
function library() {
  return generatePapers(1500, { seed: 7 }).map((p, i) => (i % 7 === 0 ? { ...p, authors: [...p.authors, EXTRA[i % EXTRA.length]] } : p));
}

const QUERIES = [
  'author:h',
  'author:hi',
  'author:hint',
  'author:hinton',
  'author:y',
  'author:z',
  'author:zoe',
  'author:angstrom',
  'author:ång',
  'author:łuk',
  'author:luk',
  'author:nørg',
  'author:olsen',
  'author:garcia',
  'author:marq',
  'author:jurgen',
  'author:x',
  'author:qqq',
  'author:"yann lec"',
  'author:"yann bottou"',
  'author:"jose marq"',
  'author:"g h"',
  'author:"h h"',
  'author:"hint hint"',
  '-author:h',
  '-author:hint author:y',
  'author:hint y',
  'author:hint year:>2018',
  'author:h transformer',
  'author:a attention -graph',
  'author:k "we propose"',
  'author:h tag:ml',
  'tag:ml author:s status:unread',
  'author:h author:l',
  'author:h -author:hinton',
  'author:li is:starred',
  'author:hint t',
];

function both() {
  const papers = library();
  const postings = createSearchIndex(papers);
  const scan = createSearchIndex(papers);
  scanAuthors(scan);
  return { papers, postings, scan };
}

const run = (index: SearchIndex, q: string) =>
  (['relevance', 'added', 'title'] as const).map((sort) => [
    search(index, q, { sort, limit: 30 }),
    search(index, q, { sort, offset: 5, limit: 1e6 }),
  ]);

describe('author: from author-word postings', () => {
  it('finds what the scan of every paper finds, in the same order', () => {
    const { postings, scan } = both();
    let found = 0;
    for (const q of QUERIES) {
      const want = run(scan, q);
      expect(run(postings, q), q).toEqual(want);
      found += want[0][0].total > 0 ? 1 : 0;
    }
    expect(found).toBeGreaterThan(QUERIES.length - 6);
  });

  it('finds the same while typing (narrowed matches) and after updates and removals', () => {
    const { papers, postings, scan } = both();
    const typing = (index: SearchIndex) => {
      const out = [];
      for (const q of ['author:hint year:>2018', 'author:"jose marq" graph', '-author:h tag:ml']) {
        for (let i = 1; i <= q.length; i++) out.push(search(index, q.slice(0, i), { limit: 20 }));
      }
      return out;
    };
    expect(typing(postings)).toEqual(typing(scan));
    // Changes between searches, too few to compact the index.
    for (const index of [postings, scan]) {
      index.add({ ...papers[1], key: 'early', authors: ['Zyx Qwerty', 'Hinton Early'] });
      index.update({ ...papers[2], authors: ['Hinton Zyxa'] });
    }
    for (const q of [...QUERIES, 'author:zyx', 'author:early']) expect(run(postings, q), q).toEqual(run(scan, q));
    for (const index of [postings, scan]) {
      for (const p of papers) index.update({ ...p, authors: p.authors.slice(1) });
      for (const p of papers.slice(1200, 1300)) index.remove(p.key);
      index.add({ ...papers[0], key: 'new', authors: ['Hintonia Zoë'] });
    }
    for (const q of QUERIES) expect(run(postings, q), q).toEqual(run(scan, q));
    expect(typing(postings)).toEqual(typing(scan));
  });
});
