// Files in the style of real exports (tests/fixtures/formats/real): what issue 19 found real
// bibliographies do to the importers, one class at a time.
import { describe, expect, it } from 'vitest';
import { exportBibtex } from '../bibtex';
import { toCslJson } from '../csljson';
import { toRis } from '../ris';
import { loadRealLibrary, realFiles } from '../../../tests/helpers/formats';
import { importBibtex } from './bibtex';
import { importCslJson } from './csljson';
import { importFile } from './detect';
import { planImport } from './plan';
import { importRis } from './ris';

const files = Object.fromEntries(realFiles().map((f) => [f.name, importFile(f.name, f.text)]));
const all = Object.values(files).flatMap((r) => r.papers);
const byKey = (citationKey: string) => all.find((p) => p.citationKey === citationKey)!;
const byTitle = (start: string) => all.find((p) => p.title.startsWith(start))!;

describe('real-style files: every class of issue 19', () => {
  it('6: math inside braces keeps the whole title, math as TeX', () => {
    expect(byKey('gomez_calero_growth_1999').title).toBe('Growth of Cu$_2$O films on silicon');
    expect(byKey('li_adsorption_1999').title).toBe('Adsorption of H$_2$O on TiO$_2$ $(110)$ surfaces');
    expect(byKey('Munafo2010').title).toBe('Meta-analysis of $5$-HTTLPR and depression: $\\alpha$ = 0.05 revisited');
    expect(byKey('Smith2015').title).toBe('Bounds on $\\beta$-decay from $^{3}$H spectra');
  });
  it('7: SICI DOIs are kept whole and papers of one issue stay apart', () => {
    expect(byKey('gomez_calero_growth_1999').ids.doi).toBe('10.1002/(sici)1097-4636(199901)44:1<33::aid-jbm4>3.0.co;2-x');
    expect(byKey('li_adsorption_1999').ids.doi).toBe('10.1002/(sici)1097-4636(199901)44:1<46::aid-jbm5>3.0.co;2-q');
    expect(byKey('wang_beyond_2021').ids.doi).toBe('10.1002/(sici)1096-8644(199601)99:1<55::aid-ajpa4>3.0.co;2-#');
    const zotero = files['zotero.bib'].papers;
    expect(new Set(zotero.map((p) => p.key)).size).toBe(zotero.length);
  });
  it('8: every entry with a title comes in; one without is named by what it has', () => {
    expect(all).toHaveLength(
      realFiles().reduce((n, f) => n + (f.text.match(/^@(?!comment)/gim)?.length ?? 0) + (f.text.match(/^TY {2}- /gm)?.length ?? 0), 0) - 2,
    );
    expect(byKey('smith_testing_????').key).toBe('title:testing-the-untestable:smith:');
    expect(byKey('anon_handbook_2015').key).toBe('title:handbook-of-everything-a-guide::2015');
    expect(files['zotero.bib'].errors).toEqual([{ where: 'noauthor_untitled_nodate', message: 'no title (John Doe, 2003): skipped' }]);
    expect(files['endnote.ris'].errors).toEqual([{ where: 'line 34', message: 'no title (Wei Li, 2001): skipped' }]);
    // Imported twice: the same keys, nothing new.
    const library = loadRealLibrary();
    expect(planImport(library, all, 1).skip).toHaveLength(all.length);
  });
  it('8: a title-keyed record is completed, not duplicated, when its DOI turns up', () => {
    const library = loadRealLibrary();
    const again = importBibtex('@book{s, title = {Testing the untestable}, author = {Smith, Jane}, doi = {10.5555/tested}}').papers;
    const plan = planImport(library, again, 1);
    expect(plan.add).toEqual([]);
    expect(plan.update[0].after).toMatchObject({
      key: 'title:testing-the-untestable:smith:',
      ids: { doi: '10.5555/tested' },
      aliases: ['doi:10.5555/tested'],
    });
  });
  it('9: RIS A2/A3/ED and BibTeX editor are editors, exported as editor', () => {
    const chapter = byTitle('A chapter with no identifier');
    expect(chapter.authors).toEqual(['Jane Smith']);
    expect(chapter.editors).toEqual(['Leslie Lamport', 'Donald E. Knuth', 'World Health Organization']);
    expect(byTitle('Growth of films').authors).toEqual(['C. Gómez Calero', 'M. R. Munafò']);
    expect(byKey('garcia_marquez_cien_1967').editors).toEqual(['Francisco Porrúa', 'World Health Organization']);
    const bib = exportBibtex(loadRealLibrary().filter((p) => p.editors)).text;
    expect(bib).toContain('editor = {Porrúa, Francisco and {World Health Organization}}');
    expect(bib).toContain('editor = {Lamport, Leslie and Knuth, Donald E. and {World Health Organization}}');
    expect(toRis(loadRealLibrary().filter((p) => p.editors))).toContain('A2  - Lamport, Leslie');
  });
  it('10: braced, compound and corporate names round trip in every format', () => {
    const library = loadRealLibrary();
    const bib = exportBibtex(library).text;
    // (The RIS record of that DOI comes first, with two of the three authors.)
    expect(bib).toContain('author = {{Gómez Calero}, C. and Munafò, M. R.}');
    expect(bib).toContain('author = {{Beijing Zoo}}');
    expect(bib).toContain('author = {Wang, Xiaoyu and {Beijing Zoo}}');
    expect(bib).toContain('author = {{García Márquez}, Gabriel}');
    expect(bib).toContain('{De Gruyter}, Walter');
    const parts = (ps: { authorNames?: unknown }[]) => ps.map((p) => p.authorNames);
    for (const back of [
      importBibtex(bib),
      importBibtex(exportBibtex(library, { flavour: 'biblatex', encoding: 'latex' }).text),
      importRis(toRis(library)),
      importCslJson(toCslJson(library)),
    ]) {
      expect(back.errors).toEqual([]);
      expect(parts(back.papers)).toEqual(parts(library));
      expect(back.papers.map((p) => p.authors)).toEqual(library.map((p) => p.authors));
    }
  });
  it('10: names edited by hand are exported from the new display strings, not stale parts', () => {
    const p = { ...loadRealLibrary().find((x) => x.citationKey === 'gomez_calero_growth_1999')!, authors: ['Ada Lovelace'] };
    expect(exportBibtex([p]).text).toContain('author = {Lovelace, Ada}');
  });
  it('11: a name with a lone combining accent is exported without it', () => {
    const munafo = byKey('Munafo2010');
    expect(munafo.authors).toEqual(['M. R. Munaf', 'J. Flint', 'Anon']);
    const latex = exportBibtex([loadRealLibrary().find((x) => x.citationKey === 'Munafo2010')!], { encoding: 'latex' }).text;
    expect(latex).toContain('author = {Munaf, M. R. and Flint, J. and {Anon}}');
    expect(latex).not.toMatch(/\{\\[`u] ?\}|, M\. R\. Munaf/);
  });
  it('12: LaTeX commands in titles become plain text, never HTML', () => {
    expect(byKey('nguyen_quantum_2018').title).toBe('Quantum dots: the ab initio view, with https://example.org/data and Small Caps');
    expect(byKey('Knuth1984').title).toBe('Literate Programming with LaTeX and TeX: a $O(n \\log n)$ view');
    expect(byKey('kim_rnn_2017').title).toBe('Recurrent nets: What LSTM learns');
    expect(all.filter((p) => /<[a-z/]/i.test(p.title))).toEqual([]);
  });
  it('13: U+2028 inside a RIS value keeps the record; ???? citation keys import', () => {
    expect(byTitle('Growth of films')).toMatchObject({
      title: 'Growth of films on silicon: a review',
      venue: 'Journal of Biomedical Materials Research',
      year: 1999,
    });
    expect(byTitle('A chapter with no identifier').note).toBe('first line\u2028second line');
    expect(byKey('smith_testing_????')).toMatchObject({ title: 'Testing the Untestable', citationKeyPinned: true, publisher: 'MIT Press' });
    // Exported under the key the user's documents cite (bibtex, biber and pandoc read it).
    expect(exportBibtex([loadRealLibrary().find((p) => p.citationKey === 'smith_testing_????')!]).text).toMatch(/^@misc\{smith_testing_\?\?\?\?,/);
  });
  it('14: the BibLaTeX subtitle joins the title', () => {
    expect(byKey('wang_beyond_2021').title).toBe('Beyond words: Measuring $\\ell_1$ sparsity in BERT');
    expect(byKey('anon_handbook_2015').title).toBe('Handbook of everything: A guide');
  });
});

describe('other fields are plain text too', () => {
  it('venue, publisher, abstract and note lose the parser markup', () => {
    const [p] = importBibtex(
      String.raw`@inproceedings{a, title = {T}, booktitle = {Proceedings of \textsc{ACL}}, publisher = {\emph{ACM}}, abstract = {We use \textbf{bold} claims.}, note = {See \url{https://x.org}}}`,
    ).papers;
    expect(p).toMatchObject({ venue: 'Proceedings of ACL', publisher: 'ACM', abstract: 'We use bold claims.', note: 'See https://x.org' });
  });
});
