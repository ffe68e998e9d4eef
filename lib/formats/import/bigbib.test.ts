// A few thousand entries mixing every class of issue 19: each titled entry becomes its own paper.
import { describe, expect, it } from 'vitest';
import { bigBib } from '../../../tests/helpers/bigbib';
import { importFile } from './detect';
import { planImport } from './plan';

describe('a big real-style bibliography', () => {
  const entries = bigBib(3000);
  const got = importFile('big.bib', entries.map((e) => e.text).join('\n'));
  it('every entry with a title imports, each as its own paper; the others are named', () => {
    const titled = entries.filter((e) => e.titled).length;
    expect(got.papers).toHaveLength(titled);
    expect(got.errors).toHaveLength(entries.length - titled);
    expect(got.errors.every((e) => /^no title \(.+\): skipped$/.test(e.message))).toBe(true);
    expect(planImport([], got.papers, 0).add).toHaveLength(titled);
  }, 60_000);
  it('keeps every DOI whole', () => {
    const dois = new Set(got.papers.map((p) => p.ids.doi).filter(Boolean));
    expect([...dois].sort()).toEqual(entries.flatMap((e) => (e.doi ? [e.doi.toLowerCase()] : [])).sort());
  });
});
