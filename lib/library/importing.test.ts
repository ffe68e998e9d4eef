import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PapershelfDB } from '../db/database';
import { save, update } from './commands';
import { importFile } from '../formats/import/detect';
import { makePaper } from '../paper/make';
import { applyImport, previewImport } from './importing';

let db: PapershelfDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new PapershelfDB(`imp-${Math.random()}`);
});
afterEach(() => db.delete());

const BIB = `@article{doe2020study,
  title = {A {S}tudy of Things},
  author = {Doe, Jane and Roe, Richard},
  journal = {Journal of Tests},
  year = {2020},
  doi = {10.1234/abc},
  keywords = {imported, tests}
}
@misc{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish},
  year = {2017},
  eprint = {1706.03762},
  archivePrefix = {arXiv}
}`;

describe('import into the library', () => {
  it('previews without writing, then commits adds and merges in one go, keeping notes and tags', async () => {
    await save(db, [makePaper({ ids: { arxiv: '1706.03762' }, title: 'Attention Is All You Need', source: 't' })!]);
    await update(db, 'arxiv:1706.03762', { note: 'my note', tags: ['mine'] });
    const { papers, errors } = importFile('refs.bib', BIB);
    expect(errors).toEqual([]);
    const plan = await previewImport(db, papers);
    expect(plan.add.map((p) => p.key)).toEqual(['doi:10.1234/abc']);
    expect(await db.papers.count()).toBe(1);

    await applyImport(db, papers);
    expect(await db.papers.count()).toBe(2);
    const merged = (await db.papers.get('arxiv:1706.03762'))!;
    expect(merged.note).toBe('my note');
    expect(merged.tags).toEqual(['mine']);
    expect(merged.authors).toEqual(['Ashish Vaswani']);
    expect((await db.papers.get('doi:10.1234/abc'))!.tags).toEqual(['imported', 'tests']);
  });

  it('writes nothing when one record is invalid', async () => {
    await save(db, [makePaper({ ids: { doi: '10.1234/keep' }, title: 'Keep me', source: 't' })!]);
    const before = await db.papers.toArray();
    const good = importFile('a.bib', BIB).papers;
    const bad = { ...good[0], key: 'doi:10.9999/bad', ids: { doi: '10.9999/bad' }, status: 'exploded' as never };
    await expect(applyImport(db, [...good, bad])).rejects.toThrow(/not a valid record/);
    expect(await db.papers.toArray()).toEqual(before);
  });

  it('a garbage file yields an error naming the file, and no papers', () => {
    const got = importFile('garbage.bin', '\u0000\u0001PK\u0003\u0004 not a bibliography');
    expect(got.papers).toEqual([]);
    expect(got.errors[0].where).toBe('garbage.bin');
  });
});
