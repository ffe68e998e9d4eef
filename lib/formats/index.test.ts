// The formats registry: every format is whole, and each importable export is recognised as itself.
import { describe, expect, it } from 'vitest';
import { detectFormat } from './import/detect';
import { exportFormats, formats, importFormats } from './index';
import { loadLibrary } from '../../tests/helpers/formats';

const library = loadLibrary().slice(0, 5);

describe('formats registry', () => {
  it('ids are unique, and every format exports or imports', () => {
    expect(new Set(formats.map((f) => f.id)).size).toBe(formats.length);
    for (const f of formats) expect(f.export || f.import, f.id).toBeTruthy();
    expect(exportFormats.map((f) => f.id)).toEqual(['bibtex', 'ris', 'csljson', 'markdown', 'csv', 'backup']);
    expect(importFormats.map((f) => f.id)).toEqual(['bibtex', 'ris', 'csljson', 'backup', 'papermemory']);
  });
  it.each(exportFormats.filter((f) => f.import).map((f) => [f.id, f] as const))(
    '%s: its export is detected as %s, by content and by name',
    (id, f) => {
      const text = f.export(library).text;
      expect(detectFormat('', text)).toBe(id);
      expect(detectFormat(`papers.${f.ext}`, text)).toBe(id);
      expect(f.import!(text).papers).toHaveLength(library.length);
    },
  );
});
