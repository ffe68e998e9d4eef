// Seeded fuzz: 300 mutated inputs per importer (1,500 in all); none may throw, all must return
// the shape, and every paper they do return must pass the schema (or a commit would fail).
import { describe, expect, it } from 'vitest';
import { toBackup } from './backup';
import { exportBibtex } from './bibtex';
import { toCslJson } from './csljson';
import { importBackup } from './import/backup';
import { importBibtex } from './import/bibtex';
import { importCslJson } from './import/csljson';
import { detectFormat, importFile } from './import/detect';
import { importPaperMemory } from './import/papermemory';
import { importRis } from './import/ris';
import { toRis } from './ris';
import { FIXTURES, loadLibrary } from '../../tests/helpers/formats';
import { seededRandom } from '../../tests/helpers/random';
import { readFileSync } from 'node:fs';
import { paperMetaSchema } from '../paper/schema';

const JUNK = [
  '{',
  '}',
  '"',
  '\\',
  '@',
  ',',
  '=',
  '\n',
  '\u0000',
  '\uD800',
  '%',
  '$',
  '[',
  ']',
  'TY  - ',
  'ER  - ',
  '@comment{',
  '\\end{',
  'null',
  '1e999',
  '\uFEFF',
  '"papers":',
];

function mutate(src: string, r: () => number): string {
  let s = src;
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (s.length + 1));
    const kind = Math.floor(r() * 5);
    if (kind === 0)
      s = s.slice(0, at); // truncate
    else if (kind === 1) s = s.slice(0, at) + JUNK[Math.floor(r() * JUNK.length)] + s.slice(at);
    else if (kind === 2) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 40));
    else if (kind === 3) s = s.slice(0, at) + String.fromCharCode(Math.floor(r() * 0xffff)) + s.slice(at);
    else s = s.slice(0, at) + s.slice(Math.floor(r() * s.length), Math.floor(r() * s.length)) + s.slice(at);
  }
  return s;
}

const lib = loadLibrary().slice(0, 4);
const seeds: [string, (t: string) => { papers: object[]; errors: unknown[] }, string][] = [
  ['backup', importBackup, toBackup(lib, 0)],
  ['bibtex', importBibtex, exportBibtex(lib, { flavour: 'biblatex', encoding: 'latex', includeNote: true, includeAbstract: true }).text],
  ['csljson', importCslJson, toCslJson(lib)],
  ['ris', importRis, toRis(lib)],
  ['papermemory', importPaperMemory, readFileSync(FIXTURES + 'papermemory.json', 'utf8')],
];

describe('importers never throw', () => {
  for (const [name, importer, seedText] of seeds) {
    it(`${name}: 300 mutated inputs`, () => {
      const r = seededRandom(name.length * 7919);
      for (let i = 0; i < 300; i++) {
        const input = i === 0 ? '' : i === 1 ? '\u0000\u0001\u00ff\ud800binary' : mutate(seedText, r);
        const out = importer(input);
        expect(Array.isArray(out.papers) && Array.isArray(out.errors)).toBe(true);
        for (const p of out.papers) expect(paperMetaSchema.safeParse(p).success, JSON.stringify(p).slice(0, 300)).toBe(true);
        expect(() => detectFormat('x', input)).not.toThrow();
        if (i % 10 === 0) expect(() => importFile('x.' + name, input)).not.toThrow();
      }
    }, 60_000);
  }
});
