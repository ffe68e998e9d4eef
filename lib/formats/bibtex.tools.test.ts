// Proof by the real tools: every export of the fixture library must pass GNU bibtex, biber and
// pandoc. A missing tool skips loudly on a workstation and fails on CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { exportBibtex } from './bibtex';
import { cleanField, needsProtection, splitMath } from './latex';
import type { Highlight } from '../paper/highlight';
import type { Paper } from '../paper/schema';
import { bigBib } from '../../tests/helpers/bigbib';
import { importFile } from './import/detect';
import { planImport } from './import/plan';
import { loadLibrary, loadRealLibrary, toolTest } from '../../tests/helpers/formats';

// The hostile fixture library, and the real-style files (Zotero, BBT, JabRef, Mendeley, EndNote)
// taken through the importers: import → export → the tools.
const libraries: [string, Paper[]][] = [
  ['fixture library', loadLibrary()],
  ['real-style files', loadRealLibrary()],
  [
    'big real-style bibliography (300 entries)',
    planImport(
      [],
      importFile(
        'big.bib',
        bigBib(300)
          .map((e) => e.text)
          .join('\n'),
      ).papers,
      0,
    ).add,
  ],
];
// Highlights on every paper of a library, quotes and comments as hostile as page text gets:
// unpaired braces, TeX specials, a would-be \end{document}, an @ that starts an entry, quotes.
const QUOTES = ['a {brace', 'closes} here', '100% & $5 # _x_ ~ ^', '\\end{document} \\input{x}', '@misc{evil, title={x}}', '"double" and “curly”'];
function highlightsFor(library: Paper[]): Map<string, Highlight[]> {
  return new Map(
    library.map((p, i) => [
      p.key,
      [0, 1].map((j) => ({
        id: `hl${String(i).padStart(4, '0')}${j}xx`,
        key: p.key,
        selectors: { quote: { type: 'TextQuoteSelector' as const, exact: `${QUOTES[(i + j) % QUOTES.length]} ${i}` } },
        color: 'yellow' as const,
        comment: j ? `**note** ${QUOTES[(i + 3) % QUOTES.length]}` : undefined,
        url: 'https://example.org/',
        createdAt: j,
        updatedAt: j,
      })),
    ]),
  );
}
const withHighlights = new Set(['fixture library']);

const combos = [
  { flavour: 'bibtex', encoding: 'utf8' },
  { flavour: 'bibtex', encoding: 'latex' },
  { flavour: 'biblatex', encoding: 'utf8' },
  { flavour: 'biblatex', encoding: 'latex' },
] as const;

function writeBib(c: (typeof combos)[number], library: Paper[], highlights?: Map<string, Highlight[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bib-'));
  const { text } = exportBibtex(library, { ...c, includeAbstract: true, includeNote: true, includeHighlights: !!highlights, highlights });
  writeFileSync(join(dir, 'lib.bib'), text);
  return dir;
}

/**
 * What pandoc legitimately changes in a title, applied to the original before comparing:
 * - whitespace collapsed, control characters dropped (the export's cleanField);
 * - `$…$` math is read as its TeX source without the dollars, and `\log` etc. kept as typed;
 * - TeX ligatures: `---` → em dash, `--` → en dash (pandoc reads the .bib as LaTeX);
 * - single curly quotes ‘…’ are read as a quotation and written back with double quotes “…”;
 * - sentence case: pandoc lower-cases the first letter of unprotected Capitalised words (we brace
 *   only words with a capital after the first letter), so first letters of words are compared
 *   case-insensitively;
 * - a brace with no partner is written \textbraceleft{}/\textbraceright{} (BibTeX cannot escape it
 *   otherwise) and pandoc 2.17 drops those macros.
 */
function expectedTitle(title: string): string {
  const segs = splitMath(cleanField(title));
  return segs
    .map((s) => {
      if (s.math) return s.text.slice(1, -1);
      const paired = new Set<number>();
      const open: number[] = [];
      [...s.text].forEach((c, i) => {
        if (c === '{') open.push(i);
        else if (c === '}' && open.length) paired.add(open.pop()!).add(i);
      });
      return [...s.text].filter((c, i) => (c !== '{' && c !== '}') || paired.has(i)).join('');
    })
    .join('');
}

function comparable(s: string): string {
  return s
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/‘/g, '“')
    .replace(/’/g, '”')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\p{L}\p{M}\p{N}]+/gu, (w) => (needsProtection(w) ? w : w.charAt(0).toLowerCase() + w.slice(1)));
}

describe.each(libraries)('BibTeX export of the %s passes the real tools', (name, library) => {
  const highlights = withHighlights.has(name) ? highlightsFor(library) : undefined;
  for (const c of combos) {
    const label = `${c.flavour}/${c.encoding}`;

    toolTest('bibtex', `GNU bibtex: ${label}, ${library.length} entries, 0 errors`, () => {
      const dir = writeBib(c, library, highlights);
      writeFileSync(join(dir, 't.aux'), '\\citation{*}\n\\bibdata{lib}\n\\bibstyle{plain}\n');
      const r = spawnSync('bibtex', ['t'], { cwd: dir, encoding: 'utf8' });
      const blg = readFileSync(join(dir, 't.blg'), 'utf8');
      const warnings = blg.split('\n').filter((l) => l.startsWith('Warning--'));
      if (warnings.length) console.info(`bibtex ${label}: ${warnings.length} warnings\n  ${warnings.join('\n  ')}`);
      expect(blg).not.toMatch(/error message/);
      expect(r.status === 0 || (r.status === 1 && warnings.length > 0), r.stdout).toBe(true);
      const bbl = readFileSync(join(dir, 't.bbl'), 'utf8');
      expect(bbl.match(/\\bibitem/g)?.length).toBe(library.length);
    });

    toolTest('biber', `biber --tool --validate-datamodel: ${label}, 0 errors`, () => {
      const dir = writeBib(c, library, highlights);
      const r = spawnSync('biber', ['--tool', '--validate-datamodel', '--output-file', 'out.bib', 'lib.bib'], { cwd: dir, encoding: 'utf8' });
      const log = r.stdout + r.stderr;
      const errors = log.split('\n').filter((l) => /ERROR/.test(l));
      const warns = log.split('\n').filter((l) => /WARN/.test(l));
      if (warns.length) console.info(`biber ${label}: ${warns.length} warnings\n  ${warns.join('\n  ')}`);
      expect(errors, log).toEqual([]);
      expect(r.status, log).toBe(0);
      const out = readFileSync(join(dir, 'out.bib'), 'utf8');
      expect(out.match(/^@/gm)?.length).toBe(library.length);
      // Every paper's highlights came through whole, inside its own annote/annotation field.
      if (highlights) expect(out.match(/^\s*annot(e|ation)\s*=.*Highlights: /gim)?.length).toBe(library.length);
    });

    toolTest('pandoc', `pandoc reads every title back: ${label}`, () => {
      const dir = writeBib(c, library, highlights);
      const from = c.flavour === 'biblatex' ? 'biblatex' : 'bibtex';
      const r = spawnSync('pandoc', ['-f', from, '-t', 'csljson', 'lib.bib'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(r.status, r.stderr).toBe(0);
      const items = JSON.parse(r.stdout) as { title?: string }[];
      expect(items).toHaveLength(library.length);
      const got = items.map((i) => comparable(i.title ?? ''));
      const want = library.map((p) => comparable(expectedTitle(p.title)));
      expect(got).toEqual(want);
    });
  }
});
