import { describe, expect, it } from 'vitest';
import type { Highlight } from '../paper/highlight';
import { newPaper, type Paper } from '../paper/schema';
import { citationKey, escapeBib, exportBibtex, toBibtex } from './bibtex';

const paper = (over: Partial<Paper>): Paper => ({
  ...newPaper(
    {
      key: 'arxiv:1706.03762',
      ids: { arxiv: '1706.03762' },
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      year: 2017,
      type: 'preprint',
      source: 't',
      arxivCategory: 'cs.CL',
    },
    0,
  ),
  ...over,
});

describe('exportBibtex', () => {
  it('arXiv-only preprint → @misc with eprint (BibTeX) / @online with eprinttype (BibLaTeX)', () => {
    const p = paper({ date: '2017-06-12' });
    expect(exportBibtex([p]).text).toBe(
      '@misc{vaswani2017attention,\n  title = {Attention Is All You Need},\n  author = {Vaswani, Ashish and Shazeer, Noam},\n  year = {2017},\n  month = jun,\n  eprint = {1706.03762},\n  archiveprefix = {arXiv},\n  primaryclass = {cs.CL}\n}\n',
    );
    const bl = exportBibtex([p], { flavour: 'biblatex' }).text;
    expect(bl).toMatch(/^@online\{/);
    expect(bl).toContain('date = {2017-06-12}');
    expect(bl).toContain('eprinttype = {arxiv}');
    expect(bl).toContain('eprintclass = {cs.CL}');
  });
  it('journal article keeps its eprint, uses -- in pages', () => {
    const p = paper({
      type: 'journal',
      venue: 'Nature',
      volume: '521',
      number: '7553',
      pages: '436-444',
      ids: { arxiv: '1706.03762', doi: '10.1/x' },
    });
    const t = exportBibtex([p]).text;
    expect(t).toMatch(/^@article\{/);
    for (const f of ['journal = {Nature}', 'volume = {521}', 'number = {7553}', 'pages = {436--444}', 'eprint = {1706.03762}', 'doi = {10.1/x}'])
      expect(t).toContain(f);
    expect(exportBibtex([p], { flavour: 'biblatex' }).text).toContain('journaltitle = {Nature}');
  });
  it('conference → @inproceedings with booktitle; other → @misc', () => {
    expect(exportBibtex([paper({ type: 'conference', venue: 'NeurIPS' })]).text).toMatch(/^@inproceedings\{[^]*booktitle = \{NeurIPS\}/);
    expect(exportBibtex([paper({ type: 'other', ids: { url: 'https://x.org' } })]).text).toMatch(/^@misc\{/);
  });
  it('tags, abstract and note only when asked', () => {
    const p = paper({ tags: ['nlp', 'a&b'], abstract: '100% new', note: 'my note' });
    expect(exportBibtex([p]).text).not.toContain('abstract');
    const t = exportBibtex([p], { includeAbstract: true, includeNote: true }).text;
    expect(t).toContain('keywords = {nlp, a\\&b}');
    expect(t).toContain('abstract = {100\\% new}');
    expect(t).toContain('annote = {my note}');
  });
  it('writes highlights and their comments in annote only when asked, escaped, in reading order', () => {
    const hl = (id: string, exact: string, start: number, comment?: string): Highlight => ({
      id,
      key: 'arxiv:1706.03762',
      selectors: { quote: { type: 'TextQuoteSelector', exact }, position: { type: 'TextPositionSelector', start, end: start + exact.length } },
      color: 'yellow',
      comment,
      url: 'https://arxiv.org/html/1706.03762',
      createdAt: 1,
      updatedAt: 1,
    });
    const highlights = new Map([
      [
        'arxiv:1706.03762',
        [hl('hhhhhhhh2', 'costs 100% of {the} budget}', 90, '**why** it\nworks & more'), hl('hhhhhhhh1', 'multi-head\n attention', 10)],
      ],
    ]);
    const p = paper({ note: 'my note' });
    expect(exportBibtex([p], { highlights }).text).not.toContain('annote');
    expect(exportBibtex([p], { highlights, includeHighlights: false, includeNote: true }).text).toContain('annote = {my note}');
    const t = exportBibtex([p], { highlights, includeHighlights: true, includeNote: true }).text;
    expect(t).toContain(
      'annote = {my note Highlights: “multi-head attention”; “costs 100\\% of \\{the\\} budget\\textbraceright{}” (**why** it works \\& more)}',
    );
    expect(exportBibtex([p], { highlights, includeHighlights: true, flavour: 'biblatex' }).text).toContain('annotation = {Highlights: “multi-head');
    const latex = exportBibtex([p], { highlights, includeHighlights: true, encoding: 'latex' }).text;
    expect(latex).not.toMatch(/[“”]/);
    // A paper without highlights gets no annote.
    expect(exportBibtex([paper({ key: 'doi:10.1/z', ids: { doi: '10.1/z' } })], { highlights, includeHighlights: true }).text).not.toContain(
      'annote',
    );
  });
  it('returns the keys it assigned and avoids keys stored elsewhere', () => {
    const other = paper({ key: 'doi:10.1/y', ids: { doi: '10.1/y' }, citationKey: 'vaswani2017attention' });
    const { text, assignedKeys } = exportBibtex([paper({})], { library: [other] });
    expect(text).toMatch(/^@misc\{vaswani2017attentiona,/);
    expect([...assignedKeys]).toEqual([['arxiv:1706.03762', 'vaswani2017attentiona']]);
  });
  it('uses a pinned key as is', () => {
    expect(toBibtex([paper({ citationKey: 'Vaswani:Attention', citationKeyPinned: true })])).toMatch(/^@misc\{Vaswani:Attention,/);
  });
  it('an entry with no field keeps its empty line', () => {
    const p = paper({ title: '', authors: [], year: undefined, ids: {}, type: 'other', arxivCategory: undefined });
    expect(exportBibtex([p], { keyFormat: 'k' }).text).toBe('@misc{k,\n\n}\n');
  });
  it('closes an entry that ends with the bare month', () => {
    const p = paper({ ids: {}, date: '2017-06', arxivCategory: undefined, authors: [] });
    expect(exportBibtex([p]).text).toBe('@misc{anon2017attention,\n  title = {Attention Is All You Need},\n  year = {2017},\n  month = jun\n}\n');
  });
  it('writes each name in the encoding asked for, whatever was exported before', () => {
    const p = paper({ authors: ['Jürgen Müller'] });
    expect(exportBibtex([p]).text).toContain('author = {Müller, Jürgen}');
    expect(exportBibtex([p], { encoding: 'latex' }).text).toContain('author = {M{\\"u}ller, J{\\"u}rgen}');
    expect(exportBibtex([p]).text).toContain('author = {Müller, Jürgen}');
  });
  it('braces inner capitals only', () => {
    expect(exportBibtex([paper({ title: 'Deep Learning for ImageNet and BERT' })]).text).toContain(
      'title = {Deep Learning for {ImageNet} and {BERT}}',
    );
    expect(exportBibtex([paper({ title: 'Deep Learning' })]).text).toContain('title = {Deep Learning}');
  });
  it('keeps the old helpers', () => {
    expect(escapeBib('50%')).toBe('50\\%');
    expect(citationKey(paper({}))).toBe('vaswani2017attention');
  });
});
