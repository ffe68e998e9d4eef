import { describe, expect, it } from 'vitest';
import { MAX_CLAUSES, isEmptyQuery, parseQuery, type Filter } from './query';

const filters = (q: string) => parseQuery(q).filters.map((c) => (c.negated ? { not: c.filter } : c.filter));
const only = (q: string): Filter => {
  const f = parseQuery(q).filters;
  expect(f).toHaveLength(1);
  return f[0].filter;
};

describe('parseQuery', () => {
  it('splits free words, folded', () => {
    const q = parseQuery('  Transformer   ATTENTION école ');
    expect(q.terms).toEqual([
      { words: ['transformer'], phrase: false, negated: false },
      { words: ['attention'], phrase: false, negated: false },
      { words: ['ecole'], phrase: false, negated: false },
    ]);
    expect(q.filters).toEqual([]);
    expect(q.canonical).toBe('transformer attention ecole');
  });

  it('reads quoted phrases and negated words and phrases', () => {
    const q = parseQuery('"graph neural" -survey -"large language"');
    expect(q.terms).toEqual([
      { words: ['graph', 'neural'], phrase: true, negated: false },
      { words: ['survey'], phrase: false, negated: true },
      { words: ['large', 'language'], phrase: true, negated: true },
    ]);
    expect(q.chips.map((c) => c.label)).toEqual(['“graph neural”', 'survey', '“large language”']);
    expect(q.canonical).toBe('"graph neural" -survey -"large language"');
  });

  it('treats a hyphenated word as a phrase, a lone "-" as nothing', () => {
    expect(parseQuery('bert-based - x').terms).toEqual([
      { words: ['bert', 'based'], phrase: true, negated: false },
      { words: ['x'], phrase: false, negated: false },
    ]);
  });

  it('parses tag filters, quoted ones with spaces, folded', () => {
    expect(only('tag:ml')).toEqual({ kind: 'tag', tag: 'ml' });
    expect(only('tag:"Deep  Learning"')).toEqual({ kind: 'tag', tag: 'deep learning' });
    expect(only('TAG:Évaluation')).toEqual({ kind: 'tag', tag: 'evaluation' });
    expect(filters('-tag:x')).toEqual([{ not: { kind: 'tag', tag: 'x' } }]);
  });

  it('parses status with the toread alias', () => {
    expect(only('status:read')).toEqual({ kind: 'status', status: 'read' });
    expect(only('status:Reading')).toEqual({ kind: 'status', status: 'reading' });
    expect(only('status:unread')).toEqual({ kind: 'status', status: 'unread' });
    expect(only('status:toread')).toEqual({ kind: 'status', status: 'unread' });
  });

  it('parses every year form into inclusive bounds', () => {
    expect(only('year:2023')).toEqual({ kind: 'year', min: 2023, max: 2023 });
    expect(only('year:>2020')).toEqual({ kind: 'year', min: 2021, max: Infinity });
    expect(only('year:>=2020')).toEqual({ kind: 'year', min: 2020, max: Infinity });
    expect(only('year:<2020')).toEqual({ kind: 'year', min: -Infinity, max: 2019 });
    expect(only('year:<=2019')).toEqual({ kind: 'year', min: -Infinity, max: 2019 });
    expect(only('year:2019..2021')).toEqual({ kind: 'year', min: 2019, max: 2021 });
    expect(only('year:2021..2019')).toEqual({ kind: 'year', min: 2019, max: 2021 });
    expect(only('year:2019..')).toEqual({ kind: 'year', min: 2019, max: Infinity });
  });

  it('parses author, has and is filters', () => {
    expect(only('author:Hinton')).toEqual({ kind: 'author', words: ['hinton'] });
    expect(only('author:"Geoffrey Hin"')).toEqual({ kind: 'author', words: ['geoffrey', 'hin'] });
    expect(only('has:note')).toEqual({ kind: 'has', field: 'note' });
    expect(only('has:tag')).toEqual({ kind: 'has', field: 'tag' });
    expect(only('is:starred')).toEqual({ kind: 'starred' });
  });

  it('mixes filters and words and describes them as chips', () => {
    const q = parseQuery('graph tag:"deep learning" -status:read year:2019..2021 author:hint has:note is:starred');
    expect(q.terms.map((t) => t.words)).toEqual([['graph']]);
    expect(q.chips.map((c) => [c.kind, c.label, c.negated, c.valid])).toEqual([
      ['text', 'graph', false, true],
      ['tag', 'tag: deep learning', false, true],
      ['status', 'status: read', true, true],
      ['year', 'year 2019–2021', false, true],
      ['author', 'author: hint', false, true],
      ['has', 'has note', false, true],
      ['is', 'starred', false, true],
    ]);
    expect(q.canonical).toBe('graph tag:"deep learning" -status:read year:2019..2021 author:hint has:note is:starred');
    expect(parseQuery(q.canonical).filters).toEqual(q.filters);
  });

  it('treats unknown keys as text', () => {
    const q = parseQuery('foo:bar arXiv:2301.00001');
    expect(q.filters).toEqual([]);
    expect(q.terms.map((t) => t.words)).toEqual([
      ['foo', 'bar'],
      ['arxiv', '2301', '00001'],
    ]);
  });

  it('keeps incomplete filters as invalid chips that filter nothing', () => {
    for (const input of ['year:>', 'year:', 'year:>20', 'year:abc', 'status:rea', 'tag:', 'tag:""', 'has:pdf', 'is:', 'author:', 'author:-']) {
      const q = parseQuery(input);
      expect(q.filters, input).toEqual([]);
      expect(q.terms, input).toEqual([]);
      expect(q.chips, input).toHaveLength(1);
      expect(q.chips[0].valid, input).toBe(false);
      expect(isEmptyQuery(q), input).toBe(true);
      expect(q.canonical, input).toBe('');
    }
  });

  it('survives unbalanced quotes', () => {
    expect(parseQuery('"graph neur').terms).toEqual([{ words: ['graph', 'neur'], phrase: true, negated: false }]);
    expect(only('tag:"deep lea')).toEqual({ kind: 'tag', tag: 'deep lea' });
    expect(parseQuery('"').terms).toEqual([]);
    expect(parseQuery('a " b').terms.map((t) => t.words)).toEqual([['a'], ['b']]);
  });

  it('returns an empty query for blank or punctuation-only input', () => {
    for (const input of ['', '   ', '---', '"" ::: !!!']) expect(isEmptyQuery(parseQuery(input)), input).toBe(true);
  });

  it('caps very long input without throwing and says so', () => {
    const long = Array.from({ length: 2000 }, (_, i) => `w${i}`)
      .join(' ')
      .slice(0, 10_000);
    const t = performance.now();
    const q = parseQuery(long);
    expect(performance.now() - t).toBeLessThan(200);
    expect(q.truncated).toBe(true);
    expect(q.chips).toHaveLength(MAX_CLAUSES);
    expect(parseQuery('"'.repeat(10_000)).terms).toEqual([]);
    expect(parseQuery('x'.repeat(10_000)).terms[0].words[0]).toHaveLength(40);
    expect(parseQuery('tag:ml').truncated).toBe(false);
  });
});
