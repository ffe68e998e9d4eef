import { describe, expect, it } from 'vitest';
import { makePaper } from '../paper/make';
import { newPaper, type Paper } from '../paper/schema';
import { familyKey, findSameWork, sameWork, titleKey } from './match';

const rec = (ids: Paper['ids'], extra: Partial<Paper>): Paper => ({ ...newPaper(makePaper({ ids, title: 'x', source: 't' })!), ...extra });
const preprint = rec({ arxiv: '2301.00001' }, { title: 'Seeing Far: A Published Preprint', authors: ['Grace Hopper'], year: 2022 });
const published = rec(
  { doi: '10.1109/cvpr.2023.00001' },
  { title: 'Seeing far — a published preprint', authors: ['Hopper, G.'], year: 2023, venue: 'CVPR', type: 'conference' },
);

describe('same work by title, first author and year', () => {
  it('normalises titles and names', () => {
    expect(titleKey('Séeing  Far: A—Test!')).toBe('seeingfaratest');
    expect(familyKey('Hopper, Grace')).toBe('hopper');
    expect(familyKey('Grace B. Hopper')).toBe('hopper');
  });

  it('matches a preprint and its published version', () => {
    expect(sameWork(preprint, published)).toBe(true);
    expect(findSameWork(preprint, [published, preprint])).toBe(published);
  });

  it('does not match two preprints, other authors, distant years or conflicting ids', () => {
    expect(sameWork(preprint, { ...published, venue: undefined, type: 'preprint' })).toBe(false);
    expect(sameWork(preprint, { ...published, authors: ['Alan Turing'] })).toBe(false);
    expect(sameWork(preprint, { ...published, year: 2025 })).toBe(false);
    expect(sameWork(preprint, { ...published, ids: { ...published.ids, arxiv: '2301.99999' } })).toBe(false);
    expect(sameWork({ ...preprint, title: 'Short' }, { ...published, title: 'Short' })).toBe(false);
  });

  it('an ambiguous match is no match', () => {
    expect(findSameWork(preprint, [published, { ...published, key: 'doi:10.1/other', ids: { doi: '10.1/other' } }])).toBeUndefined();
  });
});
