// Hostile files, structurally: 480 generated imports (JSON backup, CSL-JSON, BibTeX, RIS) with
// wrong types, hostile strings, prototype keys and broken syntax. Each gives a clear error or a
// preview of valid papers; the preview writes nothing; a commit is all or nothing.
// (lib/formats/fuzz.test.ts adds 1,500 byte-level mutations of real exports.)
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOADS } from '../../tests/fixtures/hostile/payloads';
import { PapershelfDB } from '../db/database';
import { save, update } from './commands';
import { importFile } from '../formats/import/detect';
import { makePaper } from '../paper/make';
import { paperMetaSchema, type Paper } from '../paper/schema';
import { applyImport, previewImport } from './importing';
import { seededRandom, uniqueName } from '../../tests/helpers/random';

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const WEIRD: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  NaN,
  '',
  ' ',
  [],
  {},
  [[]],
  { a: { b: {} } },
  '1e999',
  'NaN',
  '__proto__',
  'x'.repeat(30_000),
  '2401.00001',
  '10.1234/x',
];
const value = (r: R): unknown => (r() < 0.5 ? pick(r, PAYLOADS) : pick(r, WEIRD));

const base = (i: number): Paper => ({
  key: `arxiv:2402.${String(10000 + i)}`,
  ids: { arxiv: `2402.${String(10000 + i)}` },
  title: `Paper ${i}`,
  authors: ['Ada Lovelace'],
  type: 'preprint',
  source: 'fuzz',
  tags: [],
  note: '',
  status: 'unread',
  starred: false,
  addedAt: 1,
  updatedAt: 1,
  aliases: [],
});
const FIELDS = [
  'key',
  'ids',
  'title',
  'authors',
  'year',
  'type',
  'abstract',
  'tags',
  'note',
  'status',
  'starred',
  'addedAt',
  'aliases',
  'citationKey',
  '__proto__',
  'constructor',
];

function backupFile(r: R): string {
  const papers: Record<string, unknown>[] = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => ({ ...base(i) }));
  for (let k = 0; k < 1 + r() * 3; k++) pick(r, papers)[pick(r, FIELDS)] = value(r);
  const env: Record<string, unknown> = { format: 'papershelf-backup', version: r() < 0.9 ? 1 : value(r), papers };
  if (r() < 0.1) env.papers = value(r);
  return JSON.stringify(env).replace('"__proto__"', r() < 0.5 ? '"__proto__"' : '"x"');
}

function cslFile(r: R): string {
  const items = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i): Record<string, unknown> => ({
    type: 'article',
    title: `Item ${i}`,
    DOI: `10.1234/f${i}`,
    author: [{ family: 'Doe', given: 'J' }],
    issued: { 'date-parts': [[2020]] },
  }));
  const keys = ['type', 'title', 'DOI', 'URL', 'author', 'issued', 'container-title', 'abstract', 'number', 'page', '__proto__'];
  for (let k = 0; k < 1 + r() * 3; k++) {
    const it = pick(r, items);
    const key = pick(r, keys);
    it[key] =
      key === 'author' && r() < 0.5
        ? [value(r), { family: value(r), given: value(r) }]
        : key === 'issued'
          ? { 'date-parts': [[value(r)]], raw: value(r) }
          : value(r);
  }
  return JSON.stringify(r() < 0.1 ? value(r) : items);
}

function bibFile(r: R): string {
  const entries: string[] = [];
  for (let i = 0; i < 1 + r() * 4; i++) {
    const f = (name: string, v: unknown) => `  ${name} = {${typeof v === 'string' ? v.slice(0, 2000) : JSON.stringify(v)}},`;
    const fields = [
      f('title', r() < 0.6 ? value(r) : `Entry ${i}`),
      f('doi', r() < 0.8 ? `10.1234/b${i}` : value(r)),
      f(pick(r, ['author', 'year', 'journal', 'keywords', 'note', 'eprint', 'url']), value(r)),
    ];
    const type = pick(r, ['article', 'misc', 'inproceedings', 'string', 'preamble', 'comment', '', '{']);
    entries.push(`@${type}{k${i},\n${fields.join('\n')}\n${r() < 0.8 ? '}' : ''}`);
  }
  return entries.join('\n');
}

function risFile(r: R): string {
  const recs: string[] = [];
  for (let i = 0; i < 1 + r() * 4; i++) {
    const lines = [
      `TY  - ${r() < 0.8 ? 'JOUR' : String(value(r)).slice(0, 20)}`,
      `TI  - ${r() < 0.6 ? String(value(r)).slice(0, 2000) : `Record ${i}`}`,
      `DO  - 10.1234/r${i}`,
    ];
    lines.push(`${pick(r, ['AU', 'PY', 'KW', 'N1', 'UR', 'AB', 'SP', 'XX', '  ', 'ER'])}  - ${String(value(r)).slice(0, 2000)}`);
    if (r() < 0.85) lines.push('ER  - ');
    recs.push(lines.join(r() < 0.9 ? '\n' : '\r'));
  }
  return recs.join('\n');
}

const GENERATORS: [string, string, (r: R) => string][] = [
  ['backup', 'lib.json', backupFile],
  ['csljson', 'items.json', cslFile],
  ['bibtex', 'refs.bib', bibFile],
  ['ris', 'refs.ris', risFile],
];
const PER_FORMAT = 120;

let db: PapershelfDB;
let before: Paper[];
beforeAll(async () => {
  fakeBrowser.reset();
  db = new PapershelfDB(uniqueName('fuzz'));
  await save(db, [
    makePaper({ ids: { doi: '10.1234/b0' }, title: 'Already here', source: 't' })!,
    makePaper({ ids: { arxiv: '2402.10000' }, title: 'Paper 0', source: 't' })!,
  ]);
  await update(db, 'doi:10.1234/b0', { note: 'my note', tags: ['mine'] });
  before = await db.papers.toArray();
});
afterAll(() => db.delete());

describe(`hostile files: ${GENERATORS.length * PER_FORMAT} generated imports`, () => {
  for (const [format, name, gen] of GENERATORS) {
    it(`${format}: a clear error or a valid partial preview; nothing written until confirmed`, async () => {
      const r = seededRandom(format.length * 104729);
      let previews = 0;
      for (let i = 0; i < PER_FORMAT; i++) {
        const text = gen(r);
        const t0 = performance.now();
        const got = importFile(name, text);
        expect(performance.now() - t0, 'bounded').toBeLessThan(2000);
        for (const e of got.errors) expect(typeof e.where === 'string' && typeof e.message === 'string' && e.message.length > 0).toBe(true);
        if (!got.papers.length) {
          expect(got.errors.length, `no papers and no error for:\n${text.slice(0, 300)}`).toBeGreaterThan(0);
          continue;
        }
        for (const p of got.papers) {
          const v = paperMetaSchema.safeParse(p);
          expect(v.success, `${JSON.stringify(v.error?.issues.map((x) => [x.path, x.message]))} in:\n${text.slice(0, 400)}`).toBe(true);
        }
        // The preview (what the options page shows before Import/Cancel) writes nothing.
        if (i % 4 === 0) {
          previews++;
          await previewImport(db, got.papers);
          expect(await db.papers.toArray()).toEqual(before);
        }
      }
      expect(previews).toBeGreaterThan(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, 30_000);
  }

  it('a commit with one invalid record writes nothing; a valid one keeps the user’s note and tags', async () => {
    const good = importFile(
      'a.bib',
      '@article{a, title={New}, doi={10.1234/new}}\n@article{b, title={Already here}, doi={10.1234/b0}, keywords={imported}}',
    ).papers;
    await expect(
      applyImport(db, [...good, { ...good[0], key: 'doi:10.1234/bad', ids: { doi: '10.1234/bad' }, status: 'exploded' as never }]),
    ).rejects.toThrow();
    expect(await db.papers.toArray()).toEqual(before);
    await applyImport(db, good);
    const kept = (await db.papers.get('doi:10.1234/b0'))!;
    expect(kept.note).toBe('my note');
    expect(kept.tags).toEqual(expect.arrayContaining(['mine', 'imported']));
    expect(await db.papers.count()).toBe(before.length + 1);
  });
});
