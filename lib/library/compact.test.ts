import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../paper/make';
import { save, update } from './commands';
import { compactChanges, markShipped, stopShipping } from './compact';
import { PapershelfDB } from './db';
import { uniqueName } from '../../tests/helpers/random';

let db: PapershelfDB;
beforeEach(() => void (db = new PapershelfDB(uniqueName('compact'))));
afterEach(() => db.delete());

const fill = async (n: number) => {
  await save(db, [makePaper({ ids: { arxiv: '2401.00001' }, title: 'P', source: 't' })!]);
  for (let i = 1; i < n; i++) await update(db, 'arxiv:2401.00001', { note: `n${i}` });
};

describe('change log compaction', () => {
  it('keeps the newest records, oldest dropped first', async () => {
    await fill(30);
    const newest = (await db.changes.orderBy('seq').last())!;
    expect(await compactChanges(db, 10)).toEqual({ removed: 20, kept: 10 });
    expect(await db.changes.count()).toBe(10);
    expect((await db.changes.orderBy('seq').last())!.hlc).toBe(newest.hlc);
    expect(await compactChanges(db, 10)).toEqual({ removed: 0, kept: 10 });
  });

  it('with sync set up, never drops what sync has not shipped', async () => {
    await fill(30);
    const seqs = (await db.changes.orderBy('seq').primaryKeys()) as number[];
    await markShipped(db, seqs[0]);
    expect((await compactChanges(db, 10)).removed).toBe(1);
    await markShipped(db, seqs[14]);
    await markShipped(db, seqs[3]); // never backwards
    expect(await compactChanges(db, 10)).toEqual({ removed: 14, kept: 15 });
    expect((await db.changes.orderBy('seq').first())!.seq).toBe(seqs[15]);
  });

  it('after a disconnect, keeps only its newest records again', async () => {
    await fill(30);
    await markShipped(db, 1);
    expect((await compactChanges(db, 10)).removed).toBe(1);
    await stopShipping(db);
    expect(await compactChanges(db, 10)).toEqual({ removed: 19, kept: 10 });
  });

  it('the papers stay as they are', async () => {
    await fill(30);
    const before = await db.papers.toArray();
    await compactChanges(db, 1);
    expect(await db.papers.toArray()).toEqual(before);
  });
});
