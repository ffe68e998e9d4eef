import { describe, expect, it } from 'vitest';
import { hashKey, KeyIndex } from './keyindex';

describe('the ledger key index', () => {
  it('hashes to distinct safe integers, never 0', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) {
      const h = hashKey(`arxiv:24${String(i).padStart(7, '0')}`);
      expect(Number.isSafeInteger(h) && h > 0).toBe(true);
      seen.add(h);
    }
    expect(seen.size).toBe(100_000);
    expect(hashKey('doi:10.1/a')).not.toBe(hashKey('doi:10.1/b'));
  });

  it('knows what was added, before and after a snapshot, and nothing else', () => {
    const idx = new KeyIndex();
    for (const k of ['arxiv:3', 'arxiv:1', 'doi:10.1/x']) idx.add(k);
    expect(idx.has('arxiv:1') && idx.has('doi:10.1/x')).toBe(true);
    expect(idx.has('arxiv:2')).toBe(false);
    const snap = idx.snapshot();
    expect([...snap]).toEqual([...snap].sort((a, b) => a - b));
    const again = new KeyIndex(Float64Array.from(snap));
    again.add('arxiv:2');
    again.add('arxiv:1');
    expect(again.size).toBe(4);
    expect(['arxiv:1', 'arxiv:2', 'arxiv:3', 'doi:10.1/x'].every((k) => again.has(k))).toBe(true);
    expect(again.has('arxiv:4')).toBe(false);
    const merged = again.snapshot();
    expect(merged.length).toBe(4);
    expect([...merged]).toEqual([...merged].sort((a, b) => a - b));
  });
});
