import { describe, expect, it } from 'vitest';
import { generatePapers } from './generate';
import { createSearchIndex, search, type SearchOptions } from './index';
import { paper } from '../../tests/helpers/papers';

const keys = (papers: Parameters<typeof createSearchIndex>[0], q: string, o?: SearchOptions) => search(createSearchIndex(papers), q, o).keys;

describe('text search', () => {
  it('ranks a title match above an abstract match, whatever the recency', () => {
    const papers = [
      paper({ key: 'abs', title: 'Sequence models', abstract: 'We study attention and attention again.', updatedAt: 9e9 }),
      paper({ key: 'title', title: 'Attention Is All You Need', updatedAt: 1 }),
    ];
    expect(keys(papers, 'attention')).toEqual(['title', 'abs']);
  });

  it('orders fields title > authors > tags > venue > note > abstract', () => {
    const papers = [
      paper({ key: 'abstract', abstract: 'kepler' }),
      paper({ key: 'note', note: 'kepler' }),
      paper({ key: 'venue', venue: 'Kepler Workshop' }),
      paper({ key: 'tags', tags: ['kepler'] }),
      paper({ key: 'authors', authors: ['Johannes Kepler'] }),
      paper({ key: 'title', title: 'On Kepler' }),
    ];
    expect(keys(papers, 'kepler')).toEqual(['title', 'authors', 'tags', 'venue', 'note', 'abstract']);
  });

  it('finds word prefixes, ranked below exact words', () => {
    const papers = [
      paper({ key: 'prefix', title: 'Transformers for vision' }),
      paper({ key: 'exact', title: 'The transf protocol' }),
      paper({ key: 'none', title: 'Recurrent nets' }),
    ];
    expect(keys(papers, 'transf')).toEqual(['exact', 'prefix']);
    expect(keys(papers, 'Transfor')).toEqual(['prefix']);
  });

  it('tolerates one typo in words of five letters or more, ranked below exact', () => {
    const papers = [paper({ key: 'typo', title: 'Attention is all you need' }), paper({ key: 'exact', title: 'Atention spelled wrong' })];
    expect(keys(papers, 'atention')).toEqual(['exact', 'typo']);
    expect(keys(papers, 'attnetion')).toEqual(['typo']); // transposition
    expect(keys(papers, 'atenshon')).toEqual([]); // two edits
    expect(keys([paper({ key: 'a', title: 'Graph nets' })], 'grap')).toEqual(['a']);
    expect(keys([paper({ key: 'a', title: 'Grid nets' })], 'grad')).toEqual([]); // too short to be fuzzy
  });

  it('folds diacritics and case on both sides', () => {
    const papers = [paper({ key: 'e', title: 'Écoles normales', authors: ['Paul Erdős'] })];
    expect(keys(papers, 'ecoles')).toEqual(['e']);
    expect(keys(papers, 'ERDOS')).toEqual(['e']);
    expect(keys([paper({ key: 'x', title: 'Ecole' })], 'école')).toEqual(['x']);
  });

  it('requires every word (AND) and sums their scores', () => {
    const papers = [
      paper({ key: 'both', title: 'Graph attention networks' }),
      paper({ key: 'graph', title: 'Graph networks' }),
      paper({ key: 'split', title: 'Graph networks', abstract: 'with attention' }),
    ];
    expect(keys(papers, 'graph attention')).toEqual(['both', 'split']);
  });

  it('matches quoted phrases only when contiguous, last word as prefix', () => {
    const papers = [
      paper({ key: 'yes', title: 'Deep graph neural networks' }),
      paper({ key: 'no', title: 'Neural models of graph data' }),
      paper({ key: 'abs', abstract: 'a graph, neural approach' }),
    ];
    expect(keys(papers, '"graph neural"').sort()).toEqual(['abs', 'yes']);
    expect(keys(papers, '"graph neur')).toContain('yes');
    expect(keys(papers, '"neural graph"')).toEqual([]);
  });

  it('excludes negated words and phrases', () => {
    const papers = [
      paper({ key: 'survey', title: 'A survey of graph methods' }),
      paper({ key: 'method', title: 'Graph method' }),
      paper({ key: 'llm', title: 'Large language graph' }),
    ];
    expect(keys(papers, 'graph -survey').sort()).toEqual(['llm', 'method']);
    expect(keys(papers, '-"large language"').sort()).toEqual(['method', 'survey']);
  });

  it('breaks score ties by most recent update', () => {
    const papers = [
      paper({ key: 'old', title: 'Diffusion', updatedAt: 1 }),
      paper({ key: 'new', title: 'Diffusion', updatedAt: 5 }),
      paper({ key: 'mid', title: 'Diffusion', updatedAt: 3 }),
    ];
    expect(keys(papers, 'diffusion')).toEqual(['new', 'mid', 'old']);
  });
});

describe('filters', () => {
  const lib = [
    paper({
      key: 'a',
      title: 'Alpha',
      tags: ['ML', 'deep learning'],
      status: 'read',
      year: 2018,
      authors: ['Geoffrey E. Hinton'],
      note: 'good',
      starred: true,
    }),
    paper({ key: 'b', title: 'Beta', tags: ['nlp'], status: 'reading', year: 2021, authors: ['Yann LeCun', 'Léon Bottou'] }),
    paper({ key: 'c', title: 'Gamma', status: 'unread', year: 2023, note: '  ', abstract: 'x' }),
    paper({ key: 'd', title: 'Delta', status: 'unread' }),
  ];
  const f = (q: string) => keys(lib, q).sort();

  it('filters on tags (case-insensitive, quoted), status, year, author, has, is', () => {
    expect(f('tag:ml')).toEqual(['a']);
    expect(f('tag:"Deep Learning"')).toEqual(['a']);
    expect(f('tag:deep')).toEqual([]);
    expect(f('status:reading')).toEqual(['b']);
    expect(f('status:toread')).toEqual(['c', 'd']);
    expect(f('year:2021')).toEqual(['b']);
    expect(f('year:>2018')).toEqual(['b', 'c']);
    expect(f('year:<=2018')).toEqual(['a']);
    expect(f('year:2018..2021')).toEqual(['a', 'b']);
    expect(f('author:hint')).toEqual(['a']);
    expect(f('author:leon')).toEqual(['b']);
    expect(f('author:"yann lec"')).toEqual(['b']);
    expect(f('author:"yann bottou"')).toEqual([]); // words of one and the same author
    expect(f('author:inton')).toEqual([]); // prefix of a name word, not a substring
    expect(f('has:note')).toEqual(['a']);
    expect(f('has:tag')).toEqual(['a', 'b']);
    expect(f('has:abstract')).toEqual(['c']);
    expect(f('is:starred')).toEqual(['a']);
  });

  it('negates filters, combines them with AND, and with words', () => {
    expect(f('-tag:ml')).toEqual(['b', 'c', 'd']);
    expect(f('-year:2021')).toEqual(['a', 'c', 'd']);
    expect(f('status:unread has:abstract')).toEqual(['c']);
    expect(f('beta tag:nlp')).toEqual(['b']);
    expect(f('beta tag:ml')).toEqual([]);
  });

  it('ignores incomplete filters while they are typed', () => {
    expect(f('year:>')).toEqual(['a', 'b', 'c', 'd']);
    expect(f('status:rea')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('sort and paging', () => {
  const lib = [
    paper({ key: 'a', title: 'banana', addedAt: 3, updatedAt: 10, year: 2010 }),
    paper({ key: 'b', title: 'Apple', addedAt: 1, updatedAt: 30, year: 2020 }),
    paper({ key: 'c', title: 'Çherry', addedAt: 2, updatedAt: 20 }),
  ];

  it('lists everything for an empty query, newest added first by default', () => {
    expect(keys(lib, '')).toEqual(['a', 'c', 'b']);
    expect(search(createSearchIndex(lib), '').total).toBe(3);
  });

  it('sorts by added, updated, year (unknown last) and folded title', () => {
    expect(keys(lib, '', { sort: 'added' })).toEqual(['a', 'c', 'b']);
    expect(keys(lib, '', { sort: 'updated' })).toEqual(['b', 'c', 'a']);
    expect(keys(lib, '', { sort: 'year' })).toEqual(['b', 'a', 'c']);
    expect(keys(lib, '', { sort: 'title' })).toEqual(['b', 'a', 'c']);
    expect(keys(lib, '', { sort: 'relevance' })).toEqual(['b', 'c', 'a']);
  });

  it('pages with offset and limit, total counting every match', () => {
    const papers = generatePapers(500);
    const index = createSearchIndex(papers);
    const all = search(index, 'learning', { sort: 'year' });
    expect(all.total).toBeGreaterThan(100);
    expect(all.keys).toHaveLength(all.total);
    const page = search(index, 'learning', { sort: 'year', offset: 20, limit: 10 });
    expect(page).toEqual({ keys: all.keys.slice(20, 30), total: all.total });
    const rel = search(index, 'learning');
    expect(search(index, 'learning', { offset: 5, limit: 5 }).keys).toEqual(rel.keys.slice(5, 10));
    expect(search(index, '', { limit: 0 }).keys).toEqual([]);
    expect(search(index, '', { offset: 600 }).keys).toEqual([]);
  });

  it('agrees with a plain sort on a generated library', () => {
    const papers = generatePapers(300);
    const byYear = [...papers].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || b.addedAt - a.addedAt).map((p) => p.key);
    expect(keys(papers, '', { sort: 'year', limit: 40 })).toEqual(byYear.slice(0, 40));
  });
});

describe('incremental updates', () => {
  it('adds, updates, removes and re-adds', () => {
    const index = createSearchIndex([paper({ key: 'a', title: 'Quantum walks' })]);
    index.add(paper({ key: 'b', title: 'Quantum error correction', tags: ['physics'] }));
    expect(search(index, 'quantum').total).toBe(2);
    expect(index.size).toBe(2);

    index.update({ ...index.get('a')!, title: 'Classical walks', tags: ['physics'] });
    expect(search(index, 'quantum').keys).toEqual(['b']);
    expect(search(index, 'classical').keys).toEqual(['a']);
    expect(search(index, 'tag:physics').total).toBe(2);
    expect(index.size).toBe(2);

    index.remove('b');
    expect(search(index, 'quantum').keys).toEqual([]);
    expect(index.get('b')).toBeUndefined();
    index.remove('missing');
    expect(index.size).toBe(1);

    index.add(paper({ key: 'b', title: 'Quantum again' }));
    expect(search(index, 'quantum').keys).toEqual(['b']);
    expect([...index.papers()].map((p) => p.key).sort()).toEqual(['a', 'b']);
  });

  it('finds a word that first appears in a later addition (prefix and typo)', () => {
    const index = createSearchIndex(generatePapers(200));
    search(index, 'zebra'); // warm the caches
    index.add(paper({ key: 'z', title: 'Zebrafish embryos' }));
    expect(search(index, 'zebraf').keys).toEqual(['z']);
    expect(search(index, 'zebrafisch').keys).toEqual(['z']);
  });

  it('stays correct across compaction after many updates', () => {
    const papers = generatePapers(600);
    const index = createSearchIndex(papers);
    for (const word of ['firstpass', 'secondpass', 'lastpass']) {
      for (const p of papers) index.update({ ...p, note: word });
    }
    expect(index.size).toBe(600);
    expect(search(index, 'lastpass').total).toBe(600);
    expect(search(index, 'secondpass').total).toBe(0);
    expect(search(index, '').total).toBe(600);
  });

  it('keeps no abstract, yet finds its words and phrases, also after compaction', () => {
    const papers = generatePapers(600);
    const index = createSearchIndex(papers);
    const last = papers[599];
    const phrase = `"${last.abstract!.split(' ').slice(3, 6).join(' ')}"`;
    const queries = [
      phrase,
      '"we call our model"',
      'has:abstract',
      '-has:abstract',
      'transformer attention',
      'author:"ana"',
      `author:"${last.authors[0]}"`,
    ];
    const run = () => queries.map((q) => search(index, q, { limit: 1000 }).keys.sort());
    const before = run();
    expect(before[0]).toContain(last.key);
    expect(before.every((k) => k.length > 0)).toBe(true);
    for (let i = 0; i < 3; i++) for (const p of papers.slice(0, 400)) index.update({ ...p, starred: i % 2 === 0 });
    // Compacted: the 200 papers never updated were re-indexed from what the index keeps.
    expect((index as unknown as { docs: unknown[] }).docs.length).toBeLessThan(600 + 1200);
    expect(run()).toEqual(before);
    expect(index.get(last.key)).not.toHaveProperty('abstract');
    expect(index.get(last.key)).toMatchObject({ title: last.title, authors: last.authors, tags: last.tags, note: last.note });
  });

  it('finds the same while typing as a fresh index (matches narrowed from the last query)', () => {
    const papers = generatePapers(400);
    const typed = createSearchIndex(papers);
    const fresh = createSearchIndex(papers);
    for (const q of ['author:hint year:>2018 tag:ml -status:read', 'tag:ml graph', 'transformer year:>2010 author:"an"', '-tag:ml author:a']) {
      // Typed on, then deleted back (a query widening again must not be narrowed).
      const steps = [...Array(q.length).keys()].map((i) => q.slice(0, i + 1));
      const edits = [
        'year:>2010',
        'year:>2018',
        'year:>2008',
        'year:2015',
        'year:<2016',
        'author:an',
        'author:"an b"',
        'author:"ana be"',
        'author:"an b"',
      ];
      for (const text of [...steps, ...steps.reverse(), ...edits]) {
        search(fresh, 'reset'); // the fresh index's last query never narrows to this one
        for (const sort of [undefined, 'title'] as const) {
          expect(search(typed, text, { sort, limit: 20 })).toEqual(search(fresh, text, { sort, limit: 20 }));
        }
      }
    }
  });

  it('ranks tag-filtered word matches as the words alone rank them', () => {
    const papers = generatePapers(400);
    const index = createSearchIndex(papers);
    const ml = new Set(papers.filter((p) => p.tags.includes('ml')).map((p) => p.key));
    for (const words of ['graph', 'g', 'transformer attention', '"we call"']) {
      const want = search(index, words, { limit: 1000 }).keys.filter((k) => ml.has(k));
      expect(want.length).toBeGreaterThan(0);
      expect(search(index, `tag:ml ${words}`, { limit: 1000 }).keys).toEqual(want);
    }
  });

  it('matches a brute-force filter on a generated library', () => {
    const papers = generatePapers(400);
    const got = keys(papers, 'tag:ml year:>2015 -status:read').sort();
    const want = papers
      .filter((p) => p.tags.includes('ml') && (p.year ?? 0) > 2015 && p.status !== 'read')
      .map((p) => p.key)
      .sort();
    expect(got).toEqual(want);
    expect(got.length).toBeGreaterThan(0);
  });
});
