import { describe, expect, it } from 'vitest';
import { compileWatchList, matchWatch, type Watchable } from './watch';

const paper = (p: Partial<Watchable>): Watchable => ({ title: '', authors: [], ...p });

describe('watch list', () => {
  it('parses kinds, skips blanks and comments', () => {
    const rules = compileWatchList(['author: Hinton', '  cat: cs.LG ', 'venue: NeurIPS', 'sparse routing', '', '# mine', 'Category: stat']);
    expect(rules.map((r) => r.kind)).toEqual(['author', 'category', 'venue', 'keyword', 'category']);
    expect(rules[3].words).toEqual(['sparse', 'routing']);
  });

  it('keywords match whole words and phrases in title or abstract, folded', () => {
    const rules = compileWatchList(['sparse routing']);
    expect(matchWatch(paper({ title: 'Mixture of Experts with Sparse Routing' }), rules)).toHaveLength(1);
    expect(matchWatch(paper({ title: 'X', abstract: 'We study SPARSE routing here.' }), rules)).toHaveLength(1);
    expect(matchWatch(paper({ title: 'Routing, sparse' }), rules)).toHaveLength(0);
    expect(matchWatch(paper({ title: 'Sparser routing' }), rules)).toHaveLength(0);
    expect(matchWatch(paper({ title: 'Über Modelle' }), compileWatchList(['uber']))).toHaveLength(1);
  });

  it('a trailing * matches a prefix', () => {
    const rules = compileWatchList(['diffus*']);
    expect(matchWatch(paper({ title: 'Video Diffusion with Memory' }), rules)).toHaveLength(1);
    expect(matchWatch(paper({ title: 'Diffuse light' }), rules)).toHaveLength(1);
    expect(matchWatch(paper({ title: 'Confusion' }), rules)).toHaveLength(0);
  });

  it('authors: every word of the rule in one author', () => {
    const rules = compileWatchList(['author: Jörg Müller']);
    expect(matchWatch(paper({ authors: ['Chiamaka Okafor', 'Jorg Muller'] }), rules)).toHaveLength(1);
    expect(matchWatch(paper({ authors: ['Jörg Smith', 'Anna Müller'] }), rules)).toHaveLength(0);
  });

  it('categories: exact, or a whole archive', () => {
    expect(matchWatch(paper({ arxivCategory: 'cs.LG' }), compileWatchList(['cat: cs.lg']))).toHaveLength(1);
    expect(matchWatch(paper({ arxivCategory: 'cs.LG' }), compileWatchList(['cat: cs']))).toHaveLength(1);
    expect(matchWatch(paper({ arxivCategory: 'cs.CL' }), compileWatchList(['cat: cs.LG']))).toHaveLength(0);
    expect(matchWatch(paper({ arxivCategory: 'stat.ML' }), compileWatchList(['cat: cs']))).toHaveLength(0);
  });

  it('venues match as phrases', () => {
    expect(
      matchWatch(paper({ venue: 'Advances in Neural Information Processing Systems (NeurIPS)' }), compileWatchList(['venue: neurips'])),
    ).toHaveLength(1);
    expect(matchWatch(paper({ venue: 'ICML' }), compileWatchList(['venue: neurips']))).toHaveLength(0);
  });

  it('an empty list matches nothing and a paper can match several rules', () => {
    expect(matchWatch(paper({ title: 'anything' }), [])).toEqual([]);
    const hits = matchWatch(paper({ title: 'Sparse routing', authors: ['G. Hinton'] }), compileWatchList(['author: hinton', 'sparse']));
    expect(hits.map((r) => r.label)).toEqual(['author: hinton', 'sparse']);
  });
});
