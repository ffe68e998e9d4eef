// Every hostile payload, as title, author, abstract, tag and note, through every export format:
// the JSON backup and CSL-JSON bring it back exactly, RIS and BibTeX as clean text, GNU bibtex
// reads the .bib with no error, Markdown renders no markup, CSV runs no formula.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { toBackup } from '../../lib/formats/backup';
import { exportBibtex } from '../../lib/formats/bibtex';
import { toCslJson } from '../../lib/formats/csljson';
import { toCsv } from '../../lib/formats/csv';
import { importBackup } from '../../lib/formats/import/backup';
import { importBibtex } from '../../lib/formats/import/bibtex';
import { importCslJson } from '../../lib/formats/import/csljson';
import { importRis } from '../../lib/formats/import/ris';
import { toMarkdown } from '../../lib/formats/markdown';
import { toRis } from '../../lib/formats/ris';
import { toolTest } from '../helpers/formats';
import { makePaper } from '../../lib/paper/make';
import { newPaper, type Paper } from '../../lib/paper/schema';
import { cleanText } from '../../lib/paper/text';
import { cleanField } from '../../lib/formats/latex';
import { PAYLOADS } from '../fixtures/hostile/payloads';

const papers: Paper[] = PAYLOADS.map((s, i) => {
  const meta = makePaper({
    ids: { arxiv: `2401.${String(10000 + i)}` },
    title: s,
    authors: ['Ada Lovelace', s.slice(0, 900)],
    abstract: s,
    venue: s.slice(0, 900),
    source: 'hostile',
  })!;
  return { ...newPaper(meta, 1_700_000_000_000 + i), tags: [s.slice(0, 200).trim() || 'x'], note: s };
});

describe(`${PAYLOADS.length} hostile payloads through every format`, () => {
  it('every payload makes a paper whose title is the payload as clean text', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    papers.forEach((p, i) => expect(p.title).toBe(cleanText(PAYLOADS[i])));
  });

  it('JSON backup: the exact records come back', () => {
    const back = importBackup(toBackup(papers));
    expect(back.errors).toEqual([]);
    expect(back.papers).toEqual(papers);
  });

  it('CSL-JSON: titles, authors and abstracts come back exactly', () => {
    const back = importCslJson(toCslJson(papers));
    expect(back.errors).toEqual([]);
    expect(back.papers.map((p) => [p.title, p.abstract])).toEqual(papers.map((p) => [p.title, p.abstract]));
  });

  it('RIS: titles come back as the same text, one record per paper', () => {
    const back = importRis(toRis(papers));
    expect(back.errors).toEqual([]);
    // RIS readers see NFC text (cleanField): é typed as e + ´ comes back composed.
    expect(back.papers.map((p) => p.title)).toEqual(papers.map((p) => cleanField(p.title)));
  });

  for (const encoding of ['utf8', 'latex'] as const) {
    it(`BibTeX (${encoding}): one entry per paper, every entry read back`, () => {
      // Abstracts and notes left out here: the parser takes seconds on 10,000-character fields.
      const { text } = exportBibtex(papers, { encoding });
      const back = importBibtex(text);
      expect(back.errors).toEqual([]);
      expect(back.papers.map((p) => p.key)).toEqual(papers.map((p) => p.key));
      // No injected entry, no swallowed entry: the @string/@preamble/@misc payloads stay inside fields.
      expect(text.match(/^@\w+\{/gm)).toHaveLength(papers.length);
    }, 30_000);

    toolTest('bibtex', `GNU bibtex reads the ${encoding} export with 0 errors`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'papershelf-hostile-'));
      writeFileSync(join(dir, 'lib.bib'), exportBibtex(papers, { encoding, includeAbstract: true, includeNote: true }).text);
      writeFileSync(join(dir, 't.aux'), '\\citation{*}\n\\bibdata{lib}\n\\bibstyle{plain}\n');
      spawnSync('bibtex', ['t'], { cwd: dir, encoding: 'utf8' });
      const blg = readFileSync(join(dir, 't.blg'), 'utf8');
      expect(blg).not.toMatch(/error message|I'm skipping/);
      expect(readFileSync(join(dir, 't.bbl'), 'utf8').match(/\\bibitem/g)).toHaveLength(papers.length);
    });
  }

  it('Markdown: rendered, it holds no element or link the payloads asked for', () => {
    // Notes are the user's own Markdown (kept as such); page and file text must stay text.
    const html = micromark(toMarkdown(papers.map((p) => ({ ...p, note: '' }))), { allowDangerousHtml: true });
    expect(html).not.toMatch(/<(script|img|svg|iframe|style|body|math|details|template|a href="(?!https:))/i);
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
    expect(html.match(/<li>/g)).toHaveLength(papers.length);
  });

  it('CSV: no cell starts a formula, one row per paper', () => {
    const csv = toCsv(papers);
    const cells = csv.split(/,|\r\n/).map((c) => c.replace(/^"/, ''));
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });
});
