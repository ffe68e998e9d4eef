import { describe, expect, it } from 'vitest';
import { applyBatch, applySighting, compactionCount, seenAmong, triageState, whereOf, type SeenEvent } from './ledger';

const ev = (key: string, at: number, where: string, aliases: string[] = []): SeenEvent => ({
  key,
  aliases,
  at,
  where,
  title: `T ${key}`,
  authors: ['A'],
});

describe('seen ledger rules', () => {
  it('keeps the first sighting and moves the last one on', () => {
    const a = applySighting(undefined, ev('arxiv:1', 100, 'huggingface.co/papers'));
    expect(a).toMatchObject({ first: 100, last: 100, firstWhere: 'huggingface.co/papers', count: 1 });
    const b = applySighting(a, ev('arxiv:1', 500, 'arxiv.org/list/cs.LG/new'));
    expect(b).toMatchObject({ first: 100, firstWhere: 'huggingface.co/papers', last: 500, lastWhere: 'arxiv.org/list/cs.LG/new', count: 2 });
    // A late-arriving older sighting moves "first" back, not "last".
    const c = applySighting(b, ev('arxiv:1', 50, 'scholar.google.com/scholar'));
    expect(c).toMatchObject({ first: 50, firstWhere: 'scholar.google.com/scholar', last: 500 });
  });

  it('unites aliases and never lists the key among them', () => {
    const a = applySighting(undefined, ev('arxiv:1', 1, 'x', ['doi:10.1/a', 'arxiv:1']));
    const b = applySighting(a, ev('arxiv:1', 2, 'x', ['openreview:xyz']));
    expect(b.aliases.sort()).toEqual(['doi:10.1/a', 'openreview:xyz']);
  });

  it('folds a batch: several sightings of one key are one record', () => {
    const out = applyBatch(new Map(), [ev('k', 1, 'a'), ev('j', 2, 'a'), ev('k', 3, 'b')]);
    expect(out).toHaveLength(2);
    expect(out.find((r) => r.key === 'k')).toMatchObject({ first: 1, last: 3, count: 2 });
  });

  it('a paper seen on one site is not new on another, under its key or an alias', () => {
    const hf = applySighting(undefined, ev('arxiv:2410.05001', 1, 'huggingface.co/papers', ['doi:10.48550/arxiv.2410.05001']));
    const seen = seenAmong(['arxiv:2410.05001', 'doi:10.48550/arxiv.2410.05001', 'arxiv:2405.07001'], [hf]);
    expect([...seen].sort()).toEqual(['arxiv:2410.05001', 'doi:10.48550/arxiv.2410.05001']);
  });

  it('saved beats dismissed; dismissed beats seen', () => {
    const f = { saved: new Set(['a']), dismissed: new Set(['a', 'b']), seenBefore: new Set(['a', 'b', 'c']) };
    expect(['a', 'b', 'c', 'd'].map((k) => triageState(k, f))).toEqual(['saved', 'dismissed', 'seen', 'new']);
  });

  it('compaction keeps at least 200,000 entries and waits for the high-water mark', () => {
    expect(compactionCount(200_000)).toBe(0);
    expect(compactionCount(220_000)).toBe(0);
    expect(compactionCount(220_001)).toBe(20_001);
    expect(220_001 - compactionCount(220_001)).toBe(200_000);
  });

  it('records where without the query (search terms stay out)', () => {
    expect(whereOf('https://arxiv.org/list/cs.LG/new?skip=0#x')).toBe('arxiv.org/list/cs.LG/new');
    expect(whereOf('not a url')).toBe('');
  });
});
