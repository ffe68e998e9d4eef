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
