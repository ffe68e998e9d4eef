// Export → import → the same library (exactly for the backup; the bibliographic core for the rest).
import { describe, expect, it } from 'vitest';
import type { Paper } from '../paper/schema';
import { toBackup } from './backup';
import { exportBibtex } from './bibtex';
import { toCslJson } from './csljson';
import { importBackup } from './import/backup';
import { importBibtex } from './import/bibtex';
import type { PaperCandidate } from './import/candidate';
import { importCslJson } from './import/csljson';
import { planImport } from './import/plan';
import { importRis } from './import/ris';
import { cleanField } from './latex';
import { toRis } from './ris';
import { loadLibrary } from '../../tests/helpers/formats';

const library = loadLibrary();

/** What every format must carry back: identity, title, authors, year, tags. */
function core(p: Paper | PaperCandidate) {
  return {
    key: p.key,
    ids: { arxiv: p.ids.arxiv, doi: p.ids.doi },
    title: norm(p.title),
    authors: p.authors.map(norm),
    year: p.year,
    tags: [...(p.tags ?? [])].sort(),
  };
}
// cleanField: stored hostile titles may hold control characters and newlines no format keeps.
// -- and --- are TeX ligatures the BibTeX parser reads as dashes.
const norm = (s: string) => cleanField(s).replace(/---/g, '—').replace(/--/g, '–');

describe('round trips', () => {
  it('JSON backup: identical library, also through the planner', () => {
    const back = importBackup(toBackup(library));
    expect(back.papers).toEqual(library);
    expect(planImport([], back.papers, 0).add).toEqual(library);
    expect(planImport(library, back.papers, 0).skip).toHaveLength(library.length);
  });
  for (const [name, run] of [
    ['BibTeX', () => importBibtex(exportBibtex(library).text)],
    ['BibLaTeX (LaTeX encoding)', () => importBibtex(exportBibtex(library, { flavour: 'biblatex', encoding: 'latex' }).text)],
    ['RIS', () => importRis(toRis(library))],
    ['CSL-JSON', () => importCslJson(toCslJson(library))],
  ] as const) {
    it(`${name}: same titles, authors, ids, years, tags`, () => {
      const r = run();
      expect(r.errors).toEqual([]);
      expect(r.papers.map(core)).toEqual(library.map(core));
    }, 30_000);
  }
});
