// Every kind of write to the library goes through `write`: validated, written, logged field by
// field with a clock and this device's id, and signalled to the tabs once committed.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANGE_KEY, type LibraryChange } from '../messaging/changes';
import type { ChangeOp, ChangeRecord } from '../paper/changes';
import { makePaper } from '../paper/make';
import type { PaperMeta } from '../paper/schema';
import { writeCompletions } from '../enrich/write';
import { importFile } from '../formats/import/detect';
import { exportBibWithStableKeys } from './bib';
import { addTags, assignCitationKeys, changeTags, editNote, remove, restore, save, setStatus, update } from './commands';
import { PapershelfDB } from './db';
import { parseHlc } from './hlc';
import { applyImport } from './importing';
import { onWritten, write } from './write';
import { uniqueName } from '../../tests/helpers/random';
import { readSettings } from '../settings/schema';

let db: PapershelfDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new PapershelfDB(uniqueName('write'));
});
afterEach(async () => {
  await db.delete();
});

const meta = (id: string, extra: Partial<PaperMeta> = {}): PaperMeta => ({
  ...makePaper({ ids: { arxiv: id }, title: `Paper ${id}`, source: 'test' })!,
  ...extra,
});
const log = () => db.changes.orderBy('seq').toArray();
const lastLog = async () => (await log()).at(-1)!;
const ops = (r: ChangeRecord) => r.ops;
const signalled = async (): Promise<LibraryChange | undefined> => {
  await new Promise((r) => setTimeout(r, 0));
  return (await fakeBrowser.storage.local.get(CHANGE_KEY))[CHANGE_KEY] as LibraryChange | undefined;
};

describe('each write appends a change record and signals', () => {
  it('save: one create per new paper, with a clock and this device', async () => {
    await save(db, [meta('2401.00001'), meta('2401.00002')], 5000);
    const records = await log();
    expect(records.map((r) => [r.key, r.origin, r.ops[0].op])).toEqual([
      ['arxiv:2401.00001', 'save', 'create'],
      ['arxiv:2401.00002', 'save', 'create'],
    ]);
    const device = (await db.meta.get('device'))!.value as string;
    expect(device).toMatch(/^[0-9a-f]{16}$/);
    for (const r of records) {
      expect(r.device).toBe(device);
      expect(parseHlc(r.hlc)).toMatchObject({ wall: 5000, device });
    }
    expect(records[0].hlc < records[1].hlc).toBe(true);
    expect((await signalled())?.keys).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
  });

  it('a re-save that only fills gaps logs only the fields it filled', async () => {
    await save(db, [meta('2401.00001')]);
    await save(db, [meta('2401.00001', { year: 2024, title: 'Other title' })]);
    expect(ops(await lastLog())).toEqual([{ op: 'set', field: 'year', value: 2024 }]);
    const n = (await log()).length;
    await save(db, [meta('2401.00001')]);
    expect((await log()).length).toBe(n);
  });

  it('update, note, tags, status, star, citation key: field-level operations', async () => {
    await save(db, [meta('2401.00001'), meta('2401.00002')]);
    const created = (await log())[0].hlc;
    await update(db, 'arxiv:2401.00001', { status: 'reading', starred: true });
    expect(ops(await lastLog())).toEqual<ChangeOp[]>([
      { op: 'set', field: 'status', value: 'reading' },
      { op: 'set', field: 'starred', value: true },
    ]);
    await editNote(db, 'arxiv:2401.00001', () => 'first');
    const first = await lastLog();
    expect(ops(first)).toEqual([{ op: 'note', text: 'first', prev: created }]);
    await update(db, 'arxiv:2401.00001', { note: 'second' });
    expect(ops(await lastLog())).toEqual([{ op: 'note', text: 'second', prev: first.hlc }]);
    await changeTags(db, 'arxiv:2401.00001', ['a', 'b'], []);
    await changeTags(db, 'arxiv:2401.00001', ['c'], ['a']);
    expect(ops(await lastLog())).toEqual([
      { op: 'tag', tag: 'c', present: true },
      { op: 'tag', tag: 'a', present: false },
    ]);
    await addTags(db, ['arxiv:2401.00001', 'arxiv:2401.00002'], ['cite']);
    const bulk = (await log()).slice(-2);
    expect(bulk.map((r) => [r.key, r.ops])).toEqual([
      ['arxiv:2401.00001', [{ op: 'tag', tag: 'cite', present: true }]],
      ['arxiv:2401.00002', [{ op: 'tag', tag: 'cite', present: true }]],
    ]);
    await setStatus(db, ['arxiv:2401.00002'], 'read');
    expect(ops(await lastLog())).toEqual([{ op: 'set', field: 'status', value: 'read' }]);
    await update(db, 'arxiv:2401.00002', { citationKey: 'mine2024', citationKeyPinned: true });
    expect(ops(await lastLog())).toEqual([
      { op: 'set', field: 'citationKey', value: 'mine2024' },
      { op: 'set', field: 'citationKeyPinned', value: true },
    ]);
    expect((await log()).every((r) => r.origin === 'save' || r.origin === 'edit')).toBe(true);
  });

  it('remove and restore (undo)', async () => {
    await save(db, [meta('2401.00001')]);
    const removed = await remove(db, ['arxiv:2401.00001']);
    expect(await lastLog()).toMatchObject({ key: 'arxiv:2401.00001', origin: 'remove', ops: [{ op: 'remove' }] });
    await restore(db, removed);
    expect(await lastLog()).toMatchObject({ origin: 'restore', ops: [{ op: 'create', record: removed[0] }] });
    expect((await signalled())?.keys).toEqual(['arxiv:2401.00001']);
  });

  it('citation keys an export gives for the first time', async () => {
    await save(db, [meta('2401.00001', { authors: ['Ada Lovelace'], year: 2024 })]);
    const p = (await db.papers.get('arxiv:2401.00001'))!;
    await exportBibWithStableKeys(db, [p], readSettings(undefined));
    const rec = await lastLog();
    expect(rec.origin).toBe('citekey');
    expect(rec.ops).toEqual([{ op: 'set', field: 'citationKey', value: (await db.papers.get(p.key))!.citationKey }]);
    await assignCitationKeys(db, new Map([[p.key, 'other']]));
    expect((await db.papers.get(p.key))!.citationKey).not.toBe('other');
  });

  it('import: creates and merges, one signal for the whole file', async () => {
    await save(db, [meta('1810.04805', { title: 'BERT' })]);
    const before = (await log()).length;
    const { papers: candidates } = importFile(
      'x.bib',
      '@article{a, title={BERT}, eprint={1810.04805}, archivePrefix={arXiv}, keywords={nlp}}\n@article{b, title={New one}, doi={10.1000/new}, author={Doe, Jane}, year={2020}}',
    );
    await applyImport(db, candidates);
    const added = (await log()).slice(before);
    expect(added.every((r) => r.origin === 'import')).toBe(true);
    expect(added.find((r) => r.key === 'doi:10.1000/new')?.ops[0].op).toBe('create');
    expect(added.find((r) => r.key === 'arxiv:1810.04805')?.ops).toContainEqual({ op: 'tag', tag: 'nlp', present: true });
    expect((await signalled())?.keys).toEqual([]);
  });

  it('completion results, and the merge of a preprint with its published version', async () => {
    await save(db, [meta('2401.00001', { title: 'Deep nets' })], 1000);
    await save(db, [{ ...makePaper({ ids: { doi: '10.1000/pub' }, title: 'Deep nets', source: 'test' })!, venue: 'J', type: 'journal' }], 2000);
    const before = (await log()).length;
    const changed = await writeCompletions(db, 'arxiv:2401.00001', [{ from: 'crossref', ids: { doi: '10.1000/pub' }, year: 2024 }], 3000);
    expect(changed).toContain('arxiv:2401.00001');
    const added = (await log()).slice(before);
    expect(added.every((r) => r.origin === 'completion')).toBe(true);
    expect(added.find((r) => r.key === 'doi:10.1000/pub')?.ops).toEqual([{ op: 'merged', into: 'arxiv:2401.00001' }]);
    const kept = added.find((r) => r.key === 'arxiv:2401.00001')!;
    expect(kept.ops).toContainEqual({ op: 'set', field: 'year', value: 2024 });
    expect(await db.papers.count()).toBe(1);
  });
});

describe('the writer', () => {
  it('validates every record: one invalid record writes nothing and logs nothing', async () => {
    await save(db, [meta('2401.00001')]);
    const n = (await log()).length;
    await expect(
      write(db, 'edit', async (w) => {
        const p = (await w.get('arxiv:2401.00001'))!;
        w.put({ ...p, note: 'lost?' }, p);
        w.put({ ...p, key: 'arxiv:2401.00002', title: '' });
      }),
    ).rejects.toThrow(/not a valid record/);
    expect((await db.papers.get('arxiv:2401.00001'))!.note).toBe('');
    expect((await log()).length).toBe(n);
  });

  it('keeps one device id and monotonic clocks across two connections (two contexts)', async () => {
    const other = new PapershelfDB(db.name);
    await save(db, [meta('2401.00001')], 10_000);
    await save(other, [meta('2401.00002')], 9_000);
    await update(db, 'arxiv:2401.00001', { starred: true }, 8_000);
    const records = await log();
    expect(new Set(records.map((r) => r.device)).size).toBe(1);
    expect(records.map((r) => r.hlc)).toEqual([...records.map((r) => r.hlc)].sort());
    expect(new Set(records.map((r) => r.hlc)).size).toBe(3);
    other.close();
  });

  it('logs items of per-paper collections with the paper, in the same transaction', async () => {
    await save(db, [meta('2401.00001')]);
    await write(
      db,
      'edit',
      async (w) => {
        w.item('arxiv:2401.00001', 'highlights', 'h1', { color: 'yellow' });
        await db.highlights.put({ id: 'h1', key: 'arxiv:2401.00001', updatedAt: 1 });
      },
      { also: [db.highlights] },
    );
    expect(ops(await lastLog())).toEqual([{ op: 'item', coll: 'highlights', id: 'h1', value: { color: 'yellow' } }]);
    expect(await db.highlights.count()).toBe(1);
  });

  it('a signal that cannot be stored does not turn a committed write into an error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    await expect(save(db, [meta('2401.00001')])).resolves.toHaveLength(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(warn).toHaveBeenCalled();
    expect(await db.changes.count()).toBe(1);
  });
});

describe('listeners of committed writes', () => {
  it('hear each write with the papers it changed; one that throws leaves the write committed', async () => {
    const heard: string[][] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    onWritten(db, () => {
      throw new Error('a broken listener');
    });
    onWritten(db, (changed) => heard.push(changed.map((c) => `${c.key}:${c.before ? 'was' : 'new'}:${c.after ? 'is' : 'gone'}`)));
    try {
      await expect(save(db, [meta('2401.00009')])).resolves.toHaveLength(1);
      await remove(db, ['arxiv:2401.00009']);
    } finally {
      warn.mockRestore();
    }
    expect(await db.papers.count()).toBe(0);
    expect(heard).toEqual([['arxiv:2401.00009:new:is'], ['arxiv:2401.00009:was:gone']]);
  });
});
