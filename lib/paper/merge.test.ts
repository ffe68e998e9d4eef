import { describe, expect, it } from 'vitest';
import { fillGaps, mergeMeta, mergeUserFields } from './merge';
import { newPaper, type PaperMeta } from './schema';
import { normalizeTags } from './tags';

const meta = (over: Partial<PaperMeta> = {}): PaperMeta => ({
  key: 'doi:10.1/a',
  ids: { doi: '10.1/a' },
  title: 'T',
  authors: [],
  type: 'other',
  source: 's',
  ...over,
});

describe('the one merge of two records', () => {
  it('fillGaps: a wins, b fills undefined, empty text and empty lists; ids united with a winning', () => {
    const out = fillGaps(
      meta({ venue: '', ids: { doi: '10.1/a' } }),
      meta({ venue: 'V', authors: ['X Y'], year: 2001, title: 'Other', ids: { doi: '10.1/b', arxiv: '2101.00001' } }),
    );
    expect(out).toMatchObject({
      title: 'T',
      venue: 'V',
      authors: ['X Y'],
      year: 2001,
      ids: { doi: '10.1/a', arxiv: '2101.00001' },
      key: 'doi:10.1/a',
    });
  });
  it("fillGaps: type 'other' is a gap only when asked; kept fields stay", () => {
    expect(fillGaps(meta(), meta({ type: 'journal' })).type).toBe('other');
    expect(fillGaps(meta(), meta({ type: 'journal' }), { guessedType: true }).type).toBe('journal');
    expect(fillGaps(meta(), meta({ venue: 'V' }), { keep: ['venue'] }).venue).toBeUndefined();
  });
  it('mergeMeta: edited fields stay, the other keys become aliases', () => {
    const saved = { ...newPaper(meta(), 1), edited: ['venue'] };
    const out = mergeMeta(saved, meta({ key: 'arxiv:2101.00001', ids: { arxiv: '2101.00001' }, venue: 'V', year: 2020 }));
    expect(out.venue).toBeUndefined();
    expect(out.year).toBe(2020);
    expect(out.aliases).toEqual(['arxiv:2101.00001']);
  });
  it('mergeUserFields: tags united, notes kept, further status, earlier date', () => {
    const a = { ...newPaper(meta(), 5), tags: ['x', 'y'], note: 'mine', status: 'reading' as const };
    const b = { ...newPaper(meta(), 3), tags: ['y ', 'z'], note: 'theirs', status: 'read' as const, starred: true, citationKey: 'k' };
    expect(mergeUserFields(a, b)).toEqual({
      tags: ['x', 'y', 'z'],
      note: 'mine\n\n---\n\ntheirs',
      status: 'read',
      starred: true,
      addedAt: 3,
      citationKey: 'k',
      citationKeyPinned: undefined,
    });
  });
  it('normalizeTags collapses whitespace and drops empty and repeated tags', () => {
    expect(normalizeTags([' a  b ', '', 'a b', 'c'])).toEqual(['a b', 'c']);
  });
});
