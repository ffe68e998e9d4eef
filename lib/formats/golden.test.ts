// Golden files: exact text of every export for a small fixed library.
// UPDATE_GOLDEN=1 npx vitest run lib/formats/golden.test.ts rewrites them (review the diff!).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBackup } from './backup';
import { exportBibtex } from './bibtex';
import { toCslJson } from './csljson';
import { toCsv } from './csv';
import { toMarkdown } from './markdown';
import { toRis } from './ris';
import { FIXTURES, loadLibrary } from '../../tests/helpers/formats';

// arXiv preprint, pinned-key conference paper, journal, particles/suffixes, math, literal names.
const small = loadLibrary().filter((_, i) => [0, 1, 2, 5, 15, 28].includes(i));
const opts = { includeAbstract: true, includeNote: true };

const outputs: Record<string, () => string> = {
  'bibtex-utf8.bib': () => exportBibtex(small, opts).text,
  'bibtex-latex.bib': () => exportBibtex(small, { ...opts, encoding: 'latex' }).text,
  'biblatex-utf8.bib': () => exportBibtex(small, { ...opts, flavour: 'biblatex' }).text,
  'biblatex-latex.bib': () => exportBibtex(small, { ...opts, flavour: 'biblatex', encoding: 'latex' }).text,
  'library.ris': () => toRis(small),
  'library.csl.json': () => toCslJson(small),
  'library.md': () => toMarkdown(small),
  'library.csv': () => toCsv(small),
  'backup.json': () => toBackup(small, Date.UTC(2026, 0, 1)),
};

describe('golden files', () => {
  for (const [name, make] of Object.entries(outputs)) {
    it(name, () => {
      const path = `${FIXTURES}golden/${name}`;
      const text = make();
      if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, text);
      expect(text).toBe(readFileSync(path, 'utf8'));
    });
  }
});
