import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PapershelfDB } from '../library/db';
import { remove, save, update } from '../library/commands';
import { applyImport, previewImport } from '../library/importing';
import { makePaper } from '../paper/make';
import { BackupDB } from './db';
import { requestPersistence } from './persist';
import { DAY, KEEP, listSnapshots, snapshotIfDue, snapshotPapers, takeSnapshot } from './snapshots';

let db: PapershelfDB;
let backups: BackupDB;
const meta = (id: string) => makePaper({ ids: { arxiv: id }, title: `Paper ${id}`, source: 't' })!;
beforeEach(() => {
  fakeBrowser.reset();
  db = new PapershelfDB(`bk-${Math.random()}`);
  backups = new BackupDB(`bk-snap-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
  await backups.delete();
});

describe('automatic backups', () => {
  it('keeps the last five, skips an empty or unchanged library', async () => {
    expect(await takeSnapshot(db, backups, 1)).toBeUndefined();
    for (let i = 0; i < 8; i++) {
      await save(db, [meta(`2401.0000${i}`)], 1000 + i);
      expect(await takeSnapshot(db, backups, DAY * i)).toBeDefined();
      expect(await takeSnapshot(db, backups, DAY * i + 1)).toBeUndefined();
    }
    const list = await listSnapshots(backups);
    expect(list).toHaveLength(KEEP);
    expect(list.map((s) => s.count)).toEqual([8, 7, 6, 5, 4]);
  });

  it('is due once a day', async () => {
    await save(db, [meta('2401.00001')]);
    expect(await snapshotIfDue(db, backups, 10 * DAY)).toBeDefined();
    await save(db, [meta('2401.00002')]);
    expect(await snapshotIfDue(db, backups, 10 * DAY + DAY / 2)).toBeUndefined();
    expect(await snapshotIfDue(db, backups, 11 * DAY)).toBeDefined();
  });

  it('restoring goes through the import merge: removed papers return, later notes stay', async () => {
    await save(db, [meta('2401.00001'), meta('2401.00002')]);
    await update(db, 'arxiv:2401.00001', { note: 'old note' });
    const snap = (await takeSnapshot(db, backups))!;
    await remove(db, ['arxiv:2401.00002']);
    await update(db, 'arxiv:2401.00001', { note: 'old note, and more written later' });
    const candidates = await snapshotPapers(backups, snap.id!);
    const plan = await previewImport(db, candidates);
    expect(plan.add.map((p) => p.key)).toEqual(['arxiv:2401.00002']);
    expect(await db.papers.count()).toBe(1);
    await applyImport(db, candidates);
    expect(await db.papers.count()).toBe(2);
    expect((await db.papers.get('arxiv:2401.00001'))!.note).toBe('old note, and more written later');
  });

  it('asks for persistent storage once, and never throws', async () => {
    let asked = 0;
    const storage = { persisted: async () => asked > 0, persist: async () => (++asked, true) } as unknown as StorageManager;
    expect(await requestPersistence(storage)).toBe(true);
    expect(await requestPersistence(storage)).toBe(true);
    expect(asked).toBe(1);
    expect(await requestPersistence({ persisted: () => Promise.reject(new Error('no')) } as unknown as StorageManager)).toBe(false);
    expect(await requestPersistence(undefined)).toBe(false);
  });
});
