import { describe, expect, it } from 'vitest';
import { paperFromLink } from '../paper/fromLink';
import { makePaper } from '../paper/make';
import { newPaper, type Paper, type PaperMeta } from '../paper/schema';
import type { Completion } from './completion';
import { applyCompletion, mergeRecords } from './merge';

const paper = (ids: PaperMeta['ids'], extra: Partial<Paper> = {}, title = 'Attention Is All You Need'): Paper => ({
  ...newPaper(makePaper({ ids, title, source: 'test' })!, 1000),
  ...extra,
});
const published: Completion = {
  from: 'crossref',
  ids: { doi: '10.5555/3295222.3295349' },
  venue: 'NeurIPS',
  type: 'conference',
  year: 2018,
  pages: '6000-6010',
};

describe('completion merge rules', () => {
  it('fills gaps and keeps what is there', () => {
    const p = paper({ arxiv: '1706.03762' }, { authors: ['A. Vaswani'] });
    const out = applyCompletion(p, {
      from: 'arxiv',
      ids: { arxiv: '1706.03762' },
      title: 'Other',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      year: 2017,
      abstract: 'abs',
      arxivVersion: 7,
    });
    expect(out).toMatchObject({ title: 'Attention Is All You Need', authors: ['A. Vaswani'], year: 2017, abstract: 'abs', arxivVersion: 7 });
    expect(p.abstract).toBeUndefined(); // the input is not changed
  });

  it('keeps the latest arXiv version seen', () => {
    const p = paper({ arxiv: '1706.03762v7' });
    expect(applyCompletion(p, { from: 'arxiv', ids: {}, arxivVersion: 5 }).arxivVersion).toBe(7);
  });

  it('never overwrites a field the user edited', () => {
    const p = paper({ arxiv: '1706.03762' }, { edited: ['authors', 'year', 'venue'], year: 2016 });
    const out = applyCompletion(p, { ...published, authors: ['X'] });
    expect(out.authors).toEqual([]);
    expect(out.year).toBe(2016);
    expect(out.venue).toBeUndefined();
    expect(out.type).toBe('preprint');
  });

  it('upgrades a preprint to its published version; the DOI becomes an alias', () => {
    const p = paper({ arxiv: '1706.03762' }, { year: 2017, date: '2017-06-12' });
    const out = applyCompletion(p, published);
    expect(out).toMatchObject({ key: 'arxiv:1706.03762', venue: 'NeurIPS', type: 'conference', year: 2018, pages: '6000-6010' });
    expect(out.date).toBeUndefined();
    expect(out.ids).toEqual({ arxiv: '1706.03762', doi: '10.5555/3295222.3295349' });
    expect(out.aliases).toContain('doi:10.5555/3295222.3295349');
    // A published record is not changed by another published completion.
    expect(applyCompletion(out, { ...published, venue: 'Elsewhere' }).venue).toBe('NeurIPS');
  });

  it("the published DOI replaces the preprint's own DOI, which stays an alias", () => {
    const p = paper({ doi: '10.1101/2020.01.01.000001' });
    const out = applyCompletion(p, { from: 'crossref', ids: { doi: '10.1038/s41586-020-0001-1' }, venue: 'Nature', type: 'journal' });
    expect(out.ids.doi).toBe('10.1038/s41586-020-0001-1');
    expect(out.aliases).toContain('doi:10.1038/s41586-020-0001-1');
    expect(out.key).toBe('doi:10.1101/2020.01.01.000001');
  });
});

describe('merging two records of one paper', () => {
  const preprint = paper(
    { arxiv: '1706.03762' },
    { addedAt: 100, tags: ['nlp'], note: 'preprint note', status: 'read', citationKey: 'vaswani2017', authors: ['Ashish Vaswani'], year: 2017 },
  );
  const pub = paper(
    { doi: '10.5555/3295222.3295349' },
    {
      addedAt: 200,
      tags: ['nlp', 'classic'],
      note: 'published note',
      starred: true,
      venue: 'NeurIPS',
      type: 'conference',
      year: 2017,
      edited: ['title'],
      title: 'Attention is all you need (edited)',
    },
  );

  it('keeps the older key, unites tags, keeps both notes, takes the published venue', () => {
    const m = mergeRecords(pub, preprint, 999);
    expect(m.key).toBe('arxiv:1706.03762');
    expect(m.aliases).toContain('doi:10.5555/3295222.3295349');
    expect(m.aliases).not.toContain('arxiv:1706.03762');
    expect(m.ids).toMatchObject({ arxiv: '1706.03762', doi: '10.5555/3295222.3295349' });
    expect(m.tags).toEqual(['nlp', 'classic']);
    expect(m.note).toContain('preprint note');
    expect(m.note).toContain('published note');
    expect(m).toMatchObject({
      venue: 'NeurIPS',
      type: 'conference',
      status: 'read',
      starred: true,
      addedAt: 100,
      updatedAt: 999,
      citationKey: 'vaswani2017',
    });
    // The title the user edited on the other record carries over, and stays protected.
    expect(m.title).toBe('Attention is all you need (edited)');
    expect(m.edited).toContain('title');
  });

  it('a single note is not repeated', () => {
    expect(mergeRecords({ ...preprint, note: 'same' }, { ...pub, note: 'same' }).note).toBe('same');
    expect(mergeRecords({ ...preprint, note: '' }, { ...pub, note: 'only' }).note).toBe('only');
  });
});

describe('placeholder titles', () => {
  it('a paper saved from a bare link gets its real title from completion', () => {
    const meta = paperFromLink('https://arxiv.org/abs/1706.03762');
    expect(meta).not.toBeNull();
    const out = applyCompletion(newPaper(meta!), { ids: { arxiv: '1706.03762' }, title: 'Attention Is All You Need', from: 'arxiv' });
    expect(out.title).toBe('Attention Is All You Need');
  });
});
