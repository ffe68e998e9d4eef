import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cslName, toCslJson } from './csljson';
import { loadLibrary, toolTest } from '../../tests/helpers/formats';

describe('CSL-JSON', () => {
  it('maps names with particles, suffixes and organisations', () => {
    expect(cslName('Jan van der Berg')).toEqual({ family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' });
    expect(cslName('Martin Luther King Jr.')).toEqual({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' });
    expect(cslName('The ATLAS Collaboration')).toEqual({ literal: 'The ATLAS Collaboration' });
  });
  it('writes ids, dates, arXiv numbers', () => {
    const [lib] = [loadLibrary()];
    const items = JSON.parse(toCslJson(lib.slice(0, 1))) as unknown[];
    expect(items[0]).toMatchObject({
      id: 'vaswani2017attention',
      type: 'article',
      number: 'arXiv:1706.03762',
      issued: { 'date-parts': [[2017, 6, 12]] },
    });
  });
  toolTest('pandoc', 'pandoc reads the CSL-JSON of the whole fixture library', () => {
    const lib = loadLibrary();
    const r = spawnSync('pandoc', ['-f', 'csljson', '-t', 'csljson'], { input: toCslJson(lib), encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.status, r.stderr).toBe(0);
    const back = JSON.parse(r.stdout) as { title: string }[];
    // pandoc collapses whitespace and writes a ‘single-quoted’ quotation with double quotes.
    const norm = (t: string) => t.replace(/\s+/g, ' ').trim().replace(/‘/g, '“').replace(/’/g, '”');
    expect(back.map((i) => norm(i.title))).toEqual(lib.map((p) => norm(p.title)));
  });
});
