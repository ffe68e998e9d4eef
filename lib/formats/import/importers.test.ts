import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../tests/helpers/formats';
import { importBibtex } from './bibtex';
import { importCslJson } from './csljson';
import { detectFormat, importFile } from './detect';
import { importPaperMemory } from './papermemory';
import { importRis } from './ris';

describe('importBibtex', () => {
  const bib = String.raw`@article{LeCun:2015, title = {Deep {Learning} in {\"U}ber $O(n)$ time}, author = {LeCun, Yann and van der Berg, Jan and King, Jr., Martin and {The ATLAS Collaboration}},
  journal = {Nature}, year = 2015, doi = {10.1038/nature14539}, pages = {436--444}, keywords = {ml, review}, annote = {my note}}
@misc{vaswani, title = {Attention}, eprint = {1706.03762}, archiveprefix = {arXiv}, primaryclass = {cs.CL}, year = {2017}}
@book{nobody, title = {No identity}}
@misc{broken, title = {unbalanced`;
  const r = importBibtex(bib);
  it('maps fields, names and LaTeX back', () => {
    expect(r.papers[0]).toMatchObject({
      key: 'doi:10.1038/nature14539',
      title: 'Deep Learning in Über $O(n)$ time',
      authors: ['Yann LeCun', 'Jan van der Berg', 'Martin King Jr.', 'The ATLAS Collaboration'],
      type: 'journal',
      venue: 'Nature',
      year: 2015,
      pages: '436-444',
      tags: ['ml', 'review'],
      note: 'my note',
      citationKey: 'LeCun:2015',
      citationKeyPinned: true,
    });
    expect(r.papers[1]).toMatchObject({ key: 'arxiv:1706.03762', type: 'preprint', arxivCategory: 'cs.CL' });
  });
  it('keeps an entry without identifiers under its title key; reports what it cannot read', () => {
    expect(r.papers[2]).toMatchObject({ key: 'title:no-identity::', title: 'No identity', citationKey: 'nobody' });
    expect(r.errors.map((e) => e.where)).not.toContain('nobody');
    expect(r.errors.length).toBeGreaterThanOrEqual(1);
  });
});

describe('importRis', () => {
  it('reads records with LF or CRLF and continuation lines', () => {
    const ris =
      'TY  - JOUR\nAU  - van der Berg, Jan\nAU  - King, Martin, Jr.\nTI  - A long\n  title\nPY  - 2019\nDO  - 10.1000/abc\nKW  - a\nKW  - b\nN1  - note\nER  - \r\nTY  - UNPB\nTI  - Pre\nAN  - arXiv:2401.01234\nER  - \n';
    const r = importRis(ris);
    expect(r.errors).toEqual([]);
    expect(r.papers[0]).toMatchObject({
      title: 'A long title',
      authors: ['Jan van der Berg', 'Martin King Jr.'],
      year: 2019,
      tags: ['a', 'b'],
      note: 'note',
    });
    expect(r.papers[1]).toMatchObject({ key: 'arxiv:2401.01234', type: 'preprint' });
  });
});

describe('importCslJson', () => {
  it('reads names, dates, arXiv numbers', () => {
    const r = importCslJson(
      JSON.stringify([
        {
          id: 'k1',
          type: 'article',
          title: 'T',
          author: [{ family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' }, { literal: 'OpenAI' }],
          issued: { 'date-parts': [[2023, 3]] },
          number: 'arXiv:2303.08774',
          keyword: 'a, b',
        },
      ]),
    );
    expect(r.papers[0]).toMatchObject({
      key: 'arxiv:2303.08774',
      authors: ['Jan van der Berg', 'OpenAI'],
      year: 2023,
      date: '2023-03',
      tags: ['a', 'b'],
      citationKey: 'k1',
      type: 'preprint',
    });
  });
});

describe('importPaperMemory', () => {
  const r = importPaperMemory(readFileSync(FIXTURES + 'papermemory.json', 'utf8'));
  it('reads the object keyed by id', () => {
    expect(r.papers[0]).toMatchObject({
      key: 'arxiv:2106.09608',
      authors: ['Victor Schmidt', 'Alexandra Luccioni', 'Mélisande Teng'],
      starred: true,
      tags: ['gan', 'climate'],
      citationKey: 'schmidt2021climategan',
      addedAt: Date.parse('2021-06-20T10:12:44.000Z'),
      pdfUrl: 'https://arxiv.org/pdf/2106.09608.pdf',
    });
    expect(r.papers[0].note).toContain('Code: https://github.com/cc-ai/climategan');
    expect(r.papers[1]).toMatchObject({ key: 'openreview:abc123XYZ', venue: 'NeurIPS 2021', type: 'journal' });
  });
  it('reports broken records; one without identifiers is kept under its title key', () => {
    expect(r.errors.map((e) => e.where)).toEqual(['broken-record']);
    expect(r.papers.at(-1)?.key).toMatch(/^title:/);
  });
});

describe('detectFormat', () => {
  it.each([
    ['a.txt', '@article{x, title={t}}', 'bibtex'],
    ['a.txt', 'TY  - JOUR\nER  - ', 'ris'],
    ['a.json', '{"format":"papershelf-backup","version":1,"papers":[]}', 'backup'],
    ['a.json', '[{"id":"x","type":"article","title":"t"}]', 'csljson'],
    ['a.json', '{"Arxiv-1":{"pdfLink":"x","addDate":"y"}}', 'papermemory'],
    ['lib.bib', '', 'bibtex'],
    ['x.bin', '\u0000\u0001', null],
  ])('%s %j → %s', (name, text, want) => expect(detectFormat(name, text)).toBe(want));
  it('importFile reports an unknown format as one error', () => {
    expect(importFile('x.bin', 'garbage').errors).toHaveLength(1);
  });
});
