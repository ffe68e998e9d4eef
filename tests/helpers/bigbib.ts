// A big bibliography in the style of real files (tests and the import measurement only): entries
// drawn with a seeded RNG from the patterns of tests/fixtures/formats/real, so every run is the same.
// Each entry says what it should give, for the tests to check the importer against.
import { seededRandom } from './random';

export interface BigEntry {
  text: string;
  /** False for the entries without a title (they are named, not imported). */
  titled: boolean;
  doi?: string;
}

const FAMILIES = ['Smith', 'Müller', 'Nguyễn', 'García', 'Kowalski', 'Okafor', 'Li', 'Dubois', 'Ødegård', 'Šimić'];
const GIVEN = ['Anna', 'J. R.', 'Thị Minh', 'José', 'Wei', 'Ada', 'Chinedu', 'Zoë'];
const WORDS = ['growth', 'films', 'silicon', 'learning', 'networks', 'proteins', 'spectra', 'bounds', 'decay', 'graphs', 'models', 'surfaces'];

export function bigBib(n: number, seed = 19): BigEntry[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const words = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(' ');
  const person = () => `${pick(FAMILIES)}, ${pick(GIVEN)}`;
  const out: BigEntry[] = [];
  for (let i = 0; i < n; i++) {
    const year = 1990 + Math.floor(rnd() * 35);
    const key = `k${i}`;
    const title = `${words(3)} ${i}`;
    const kind = Math.floor(rnd() * 11);
    const e = (type: string, fields: Record<string, string>, k = key) =>
      `@${type}{${k},\n${Object.entries(fields)
        .map(([f, v]) => `  ${f} = {${v}}`)
        .join(',\n')}\n}\n`;
    switch (kind) {
      case 0: // Zotero: math inside braces, a DOI
        out.push({
          text: e('article', {
            title: `Growth of {Cu$_2$O} ${title}`,
            author: person(),
            journal: 'J. Mater.',
            year: `${year}`,
            doi: `10.1000/m${i}`,
          }),
          titled: true,
          doi: `10.1000/m${i}`,
        });
        break;
      case 1: {
        // SICI DOIs of one journal issue
        const doi = `10.1002/(SICI)1097-4636(${year}01)44:1<${i}::AID-JBM${i}>3.0.CO;2-X`;
        out.push({
          text: e('article', { title: `Issue paper ${title}`, author: person(), journal: 'J. Biomed.', year: `${year}`, doi }),
          titled: true,
          doi,
        });
        break;
      }
      case 2: // BBT book with an ISBN only
        out.push({
          text: e('book', {
            title: `Handbook of ${title}`,
            author: person(),
            publisher: 'MIT Press',
            isbn: `978-0-262-${String(i).padStart(5, '0')}-8`,
            year: `${year}`,
          }),
          titled: true,
        });
        break;
      case 3: // an entry without a title
        out.push({ text: e('misc', { author: person(), year: `${year}`, note: 'handout' }), titled: false });
        break;
      case 4: // editors, no identifier
        out.push({
          text: e('incollection', {
            title: `Chapter on ${title}`,
            author: person(),
            editor: `${person()} and {World Health Organization}`,
            booktitle: 'Collected Essays',
            year: `${year}`,
          }),
          titled: true,
        });
        break;
      case 5: // braced compound family names and corporate authors
        out.push({
          text: e('article', {
            title: `Survey of ${title}`,
            author: `{Gómez Calero}, C. and {Beijing Zoo} and ${person()}`,
            journal: 'Zoo Rev.',
            year: `${year}`,
            doi: `10.1000/z${i}`,
          }),
          titled: true,
          doi: `10.1000/z${i}`,
        });
        break;
      case 6: // a lone combining accent (JabRef files pasted from PDFs)
        out.push({
          text: e('article', {
            title: `Meta-analysis of ${title}`,
            author: `Munaf \u0300, M. R. and \u0306, Anon`,
            journal: 'Mol. Psych.',
            year: `${year}`,
            doi: `10.1038/mp.${i}`,
          }),
          titled: true,
          doi: `10.1038/mp.${i}`,
        });
        break;
      case 7: // LaTeX commands in titles
        out.push({
          text: e('phdthesis', {
            title: `The {\\textit{ab initio}} view of ${title} with \\url{https://example.org/${i}} and \\textsc{Small Caps} in \\LaTeX{}`,
            author: person(),
            school: 'Université',
            year: `${year}`,
          }),
          titled: true,
        });
        break;
      case 8: // older Zotero keys
        out.push({ text: e('book', { title: `Testing ${title}`, author: person(), publisher: 'Press' }, `smith_testing_????${i}`), titled: true });
        break;
      case 9: // BibLaTeX subtitle
        out.push({
          text: e('article', {
            title: `Beyond ${title}`,
            subtitle: 'Measuring {$\\ell_1$} sparsity',
            author: person(),
            journaltitle: 'CL',
            date: `${year}-06`,
            doi: `10.1000/s${i}`,
          }),
          titled: true,
          doi: `10.1000/s${i}`,
        });
        break;
      default: // an ordinary arXiv preprint
        out.push({
          text: e('misc', {
            title: `On ${title}`,
            author: person(),
            eprint: `${String(year % 100).padStart(2, '0')}01.${String(i).padStart(5, '0')}`,
            archiveprefix: 'arXiv',
            year: `${year}`,
          }),
          titled: true,
        });
    }
  }
  return out;
}
