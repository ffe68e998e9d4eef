// Golden files: exact text of every export of the registry (lib/formats/index.ts), in each of its
// variants, for a small fixed library. A format without its golden file fails: write it with
// UPDATE_GOLDEN=1 npx vitest run lib/formats/golden.test.ts and review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFormats, goldenFiles, type ExportFormat } from './index';
import { FIXTURES, loadLibrary } from '../../tests/helpers/formats';

// arXiv preprint, pinned-key conference paper, journal, particles/suffixes, math, literal names.
const small = loadLibrary().filter((_, i) => [0, 1, 2, 5, 15, 28].includes(i));
const DIR = `${FIXTURES}golden/`;
const NOW = Date.UTC(2026, 0, 1);

/** Every golden file `formats` call for, and how each is made. */
function goldens(formats: ExportFormat[]) {
  return formats.flatMap((f) => goldenFiles(f).map((g) => ({ ...g, make: () => f.export(small, { settings: g.settings, now: NOW }).text })));
}

describe('golden files', () => {
  for (const { file, make } of goldens(exportFormats)) {
    it(file, () => {
      const path = DIR + file;
      const text = make();
      if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
      expect(existsSync(path), `no golden file ${file}: run UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(text).toBe(readFileSync(path, 'utf8'));
    });
  }

  it('every export format has its golden files, and every golden file a format', () => {
    const wanted = goldens(exportFormats).map((g) => g.file);
    expect(wanted.filter((f) => !existsSync(DIR + f))).toEqual([]);
    expect(readdirSync(DIR).filter((f) => !wanted.includes(f))).toEqual([]);
  });

  it('the meta-test bites: a format added without a golden file is found missing', () => {
    const extra = { ...exportFormats[0], id: 'newformat', variants: undefined } as unknown as ExportFormat;
    expect(
      goldens([...exportFormats, extra])
        .map((g) => g.file)
        .filter((f) => !existsSync(DIR + f)),
    ).toEqual([`newformat.${extra.ext}`]);
  });
});
