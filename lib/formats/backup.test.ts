import { describe, expect, it } from 'vitest';
import { toBackup } from './backup';
import { importBackup } from './import/backup';
import { loadLibrary } from '../../tests/helpers/formats';

describe('JSON backup', () => {
  it('is versioned and complete: export → import gives the same records', () => {
    const lib = loadLibrary();
    const text = toBackup(lib, Date.UTC(2026, 0, 1));
    expect(JSON.parse(text)).toMatchObject({ format: 'papershelf-backup', version: 1, exportedAt: '2026-01-01T00:00:00.000Z' });
    const back = importBackup(text);
    expect(back.errors).toEqual([]);
    expect(back.papers).toEqual(lib);
  });
  it('reports bad records by index and keeps the good ones', () => {
    const [good] = loadLibrary();
    const r = importBackup(JSON.stringify({ format: 'papershelf-backup', version: 1, papers: [good, { title: 5 }] }));
    expect(r.papers).toHaveLength(1);
    expect(r.errors[0].where).toBe('papers[1]');
  });
  it('refuses newer versions and non-backups with one error', () => {
    expect(importBackup('{"format":"papershelf-backup","version":9,"papers":[]}').errors[0].message).toMatch(/newer/);
    expect(importBackup('{"a":1}').errors).toHaveLength(1);
    expect(importBackup('{"a":').errors[0].message).toMatch(/not JSON/);
  });
});

describe('JSON backup with highlights', () => {
  const [paper] = loadLibrary();
  const h = {
    id: 'aaaaaaaa1',
    key: paper.key,
    color: 'green' as const,
    url: 'https://arxiv.org/html/2401.01234v1',
    createdAt: 1,
    updatedAt: 2,
    selectors: {
      quote: { type: 'TextQuoteSelector' as const, exact: 'learned subset', prefix: 'a ', suffix: ' of' },
      position: { type: 'TextPositionSelector' as const, start: 3, end: 17 },
    },
  };
  it('carries them in an optional top-level array that imports back', () => {
    const text = toBackup([paper], 0, [h]);
    expect((JSON.parse(text) as { highlights: unknown }).highlights).toEqual([h]);
    expect(importBackup(text)).toMatchObject({ errors: [], highlights: [h] });
  });
  it('keeps the old shape without highlights, and old backups import with none', () => {
    expect(JSON.parse(toBackup([paper], 0))).not.toHaveProperty('highlights');
    expect(importBackup(toBackup([paper], 0)).highlights).toBeUndefined();
  });
  it('reports a bad highlight by index and keeps the rest', () => {
    const r = importBackup(JSON.stringify({ format: 'papershelf-backup', version: 1, papers: [paper], highlights: [h, { ...h, color: 'red' }] }));
    expect(r.highlights).toEqual([h]);
    expect(r.errors[0].where).toBe('highlights[1]');
  });
});

describe('JSON backup with dismissals', () => {
  const [paper] = loadLibrary();
  const d = { key: 'arxiv:2405.07002', aliases: ['doi:10.1000/two'], at: 1700000000000, device: 'dev-a' };
  it('carries them in an optional top-level array that imports back', () => {
    const text = toBackup([paper], 0, [], [d]);
    expect((JSON.parse(text) as { dismissals: unknown }).dismissals).toEqual([d]);
    expect(importBackup(text)).toMatchObject({ errors: [], dismissals: [d] });
    expect(JSON.parse(toBackup([paper], 0))).not.toHaveProperty('dismissals');
    expect(importBackup(toBackup([paper], 0)).dismissals).toBeUndefined();
  });
  it('reports a bad dismissal by index and keeps the rest', () => {
    const r = importBackup(
      JSON.stringify({ format: 'papershelf-backup', version: 1, papers: [paper], dismissals: [d, { ...d, aliases: 'doi:x' }, { key: '' }] }),
    );
    expect(r.dismissals).toEqual([d]);
    expect(r.errors.map((e) => e.where)).toEqual(['dismissals[1]', 'dismissals[2]']);
  });
});
