// @vitest-environment node
// Dismissals as library writes: each one and each undo is an `item` in the change log (so that
// sync carries it), a dismissal matches a listing under any key it carried, and applyRemote
// writes other devices' dismissals of keys that have no paper here (the usual case).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uniqueName } from '../../tests/helpers/random';
import { makePaper } from '../paper/make';
import { save } from './commands';
import { PapershelfDB } from './db';
import { dismiss, dismissedAmong, importDismissals, undismiss, undismissAll } from './dismissals';
import { applyRemote, onRemoteDismissals, syncPort, type DismissalChange } from './remote';

let db: PapershelfDB;
beforeEach(() => {
  db = new PapershelfDB(uniqueName('dismissals'));
});
afterEach(() => db.delete());

const logged = async () => (await db.changes.toArray()).map((r) => ({ key: r.key, origin: r.origin, ops: r.ops }));
const LATE = 'zzzzzzzzz-0000-otherdevice';
const LATER = 'zzzzzzzzz-0001-otherdevice';
const EARLY = '000000001-0000-otherdevice';
const remote = (key: string, hlc: string, value: unknown) => new Map([[key, new Map([['dismissals', new Map([[key, { hlc, value }]])]])]]);

describe('dismissals in the library', () => {
  it('a dismissal is an item of the change log; its undo a tombstone, not a silent delete', async () => {
    await dismiss(db, { key: 'arxiv:2405.00001', aliases: ['doi:10.1000/one'], device: 'dev-a', at: 1000 });
    expect(await db.dismissals.get('arxiv:2405.00001')).toEqual({ key: 'arxiv:2405.00001', aliases: ['doi:10.1000/one'], at: 1000, device: 'dev-a' });
    expect(await db.papers.count()).toBe(0);
    const value = { aliases: ['doi:10.1000/one'], at: 1000, device: 'dev-a' };
    expect(await logged()).toEqual([
      { key: 'arxiv:2405.00001', origin: 'edit', ops: [{ op: 'item', coll: 'dismissals', id: 'arxiv:2405.00001', value }] },
    ]);
    expect(await undismiss(db, 'arxiv:2405.00001')).toEqual(['arxiv:2405.00001', 'doi:10.1000/one']);
    expect(await db.dismissals.count()).toBe(0);
    expect((await logged())[1]).toEqual({
      key: 'arxiv:2405.00001',
      origin: 'edit',
      ops: [{ op: 'item', coll: 'dismissals', id: 'arxiv:2405.00001', value: null }],
    });
  });

  it('a listing finds a dismissal under its key or one of its aliases; an undo under an alias undoes it', async () => {
    await dismiss(db, { key: 'arxiv:2405.00001', aliases: ['doi:10.1000/one'], device: 'd' });
    await dismiss(db, { key: 'arxiv:2405.00002', device: 'd' });
    expect(await dismissedAmong(db, ['doi:10.1000/one', 'arxiv:2405.00002', 'arxiv:2405.00003'])).toEqual(['doi:10.1000/one', 'arxiv:2405.00002']);
    await undismiss(db, 'doi:10.1000/one');
    expect(await dismissedAmong(db, ['doi:10.1000/one', 'arxiv:2405.00001', 'arxiv:2405.00002'])).toEqual(['arxiv:2405.00002']);
  });

  it('past a few thousand dismissals the look-up reads the listing keys instead, with the same answers', async () => {
    await db.dismissals.bulkPut(Array.from({ length: 5001 }, (_, i) => ({ key: `k${i}`, aliases: i % 2 ? [] : [`a${i}`], at: i, device: 'd' })));
    expect(await dismissedAmong(db, ['k1', 'a2', 'a3', 'zz', 'k1'])).toEqual(['k1', 'a2']);
  });

  it('undismissAll logs a tombstone for each; importing keeps a newer dismissal that is already here', async () => {
    await dismiss(db, { key: 'k1', device: 'd', at: 500 });
    expect(
      await importDismissals(db, [
        { key: 'k1', aliases: [], at: 100, device: 'old' },
        { key: 'k2', aliases: ['k2', 'x'], at: 100, device: 'old' },
      ]),
    ).toBe(1);
    expect(await db.dismissals.toArray()).toEqual([
      { key: 'k1', aliases: [], at: 500, device: 'd' },
      { key: 'k2', aliases: ['x'], at: 100, device: 'old' },
    ]);
    expect(await undismissAll(db)).toBe(2);
    expect(await db.dismissals.count()).toBe(0);
    expect((await logged()).slice(-2).map((r) => r.ops)).toEqual([
      [{ op: 'item', coll: 'dismissals', id: 'k1', value: null }],
      [{ op: 'item', coll: 'dismissals', id: 'k2', value: null }],
    ]);
  });

  it('the sync port gives the dismissals for the first upload, dated by when they were made', async () => {
    await dismiss(db, { key: 'k1', aliases: ['x'], device: 'd', at: 700 });
    expect(await syncPort(db).allItems()).toEqual([
      { key: 'k1', coll: 'dismissals', id: 'k1', value: { aliases: ['x'], at: 700, device: 'd' }, at: 700 },
    ]);
  });
});

describe('applyRemote: dismissals', () => {
  it("writes another device's dismissal of a key with no paper here, and its undo", async () => {
    await applyRemote(db, new Map(), 0, remote('arxiv:2405.00009', LATE, { aliases: ['doi:10.1000/nine'], at: 9, device: 'b' }));
    expect(await db.dismissals.get('arxiv:2405.00009')).toEqual({ key: 'arxiv:2405.00009', aliases: ['doi:10.1000/nine'], at: 9, device: 'b' });
    expect(await db.papers.count()).toBe(0);
    // Logged as sync's own write (origin remote: never shipped back).
    expect((await logged()).map((r) => r.origin)).toEqual(['remote']);
    await applyRemote(db, new Map(), 0, remote('arxiv:2405.00009', LATER, null));
    expect(await db.dismissals.count()).toBe(0);
  });

  it('tells its listeners, once committed, which keys another device dismissed or undid', async () => {
    const heard: DismissalChange[][] = [];
    const off = onRemoteDismissals((c) => heard.push(c));
    try {
      await applyRemote(db, new Map(), 0, remote('arxiv:2405.00009', LATE, { aliases: ['doi:10.1000/nine'], at: 9, device: 'b' }));
      // The same value again changes nothing here: no one is told.
      await applyRemote(db, new Map(), 0, remote('arxiv:2405.00009', LATE, { aliases: ['doi:10.1000/nine'], at: 9, device: 'b' }));
      await applyRemote(db, new Map(), 0, remote('arxiv:2405.00009', LATER, null));
      // An undo of what was never dismissed here neither.
      await applyRemote(db, new Map(), 0, remote('arxiv:2405.00010', LATER, null));
    } finally {
      off();
    }
    expect(heard).toEqual([
      [{ key: 'arxiv:2405.00009', aliases: ['doi:10.1000/nine'], dismissed: true }],
      [{ key: 'arxiv:2405.00009', aliases: ['doi:10.1000/nine'], dismissed: false }],
    ]);
  });

  it('a dismissal changed here after the round read the log is left alone; an invalid value is skipped', async () => {
    await dismiss(db, { key: 'k1', device: 'here', at: Date.now() });
    await applyRemote(db, new Map(), 0, remote('k1', EARLY, null));
    expect(await db.dismissals.get('k1')).toMatchObject({ device: 'here' });
    await applyRemote(db, new Map(), 0, remote('k2', LATE, { aliases: 'not a list' }));
    expect(await db.dismissals.get('k2')).toBeUndefined();
  });

  it("a saved paper's record and its dismissal are written side by side, the highlights untouched", async () => {
    const [p] = await save(db, [makePaper({ ids: { arxiv: '2405.00001' }, title: 'Saved', source: 'test' })!]);
    await applyRemote(db, new Map([[p.key, { paper: { ...p, title: 'Saved (B)' } }]]), 0, remote(p.key, LATE, { aliases: [], at: 1, device: 'b' }));
    expect(await db.papers.get(p.key)).toMatchObject({ title: 'Saved (B)' });
    expect(await db.dismissals.get(p.key)).toMatchObject({ device: 'b' });
  });
});
