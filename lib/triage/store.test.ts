import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SeenEvent } from './ledger';
import { Dexie, type DBCore } from 'dexie';
import { clearLedger, compact, lookup, lookupFromTables, recentSeen, recordSightings, saveSnapshot, SeenDB } from './store';

let db: SeenDB;
beforeEach(() => {
  db = new SeenDB(`seen-${Math.random()}`);
});
afterEach(() => db.delete());

const ev = (key: string, at: number, where = 'huggingface.co/papers', aliases: string[] = []): SeenEvent => ({
  key,
  aliases,
  at,
  where,
  title: `Paper ${key}`,
  authors: [],
});

describe('seen ledger store', () => {
  it('records sightings and finds them by key and by alias', async () => {
    await recordSightings(db, [ev('arxiv:1', 10, 'huggingface.co/papers', ['doi:10.1/one']), ev('arxiv:2', 11)]);
    await recordSightings(db, [ev('arxiv:1', 99, 'arxiv.org/list/cs.LG/new')]);
    expect(await db.seen.get('arxiv:1')).toMatchObject({
      first: 10,
      last: 99,
      firstWhere: 'huggingface.co/papers',
      lastWhere: 'arxiv.org/list/cs.LG/new',
      count: 2,
    });
    const got = await lookup(db, ['doi:10.1/one', 'arxiv:2', 'arxiv:3']);
    expect(got.seen.sort()).toEqual(['arxiv:2', 'doi:10.1/one']);
  });

  it('compaction drops the records seen longest ago, down to what is kept', async () => {
    await recordSightings(
      db,
      Array.from({ length: 30 }, (_, i) => ev(`k${i}`, 1000 + i)),
    );
    expect(await compact(db, 20, 25)).toBe(10);
    expect(await db.seen.count()).toBe(20);
    expect(await db.seen.get('k9')).toBeUndefined();
    expect(await db.seen.get('k10')).toBeDefined();
    expect(await compact(db, 20, 25)).toBe(0);
  });

  it('lists what was seen recently, newest first, and clears history', async () => {
    await recordSightings(db, [ev('old', 100), ev('mid', 500), ev('new', 900)]);
    expect((await recentSeen(db, 400, 10)).map((r) => r.key)).toEqual(['new', 'mid']);
    await db.dismissed.put({ key: 'mid', at: 1, device: 'd' });
    await clearLedger(db);
    expect(await db.seen.count()).toBe(0);
    expect(await db.dismissed.count()).toBe(0);
  });
});

/** Counts the requests made on the `seen` table below Dexie (gets, cursors, queries). */
function countSeenReads(d: SeenDB): { n: number } {
  const c = { n: 0 };
  d.use({
    stack: 'dbcore',
    name: 'count-seen-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const t = down.table(name);
        if (name !== 'seen') return t;
        const counted =
          <A extends unknown[], R>(f: (...a: A) => R) =>
          (...a: A): R => {
            c.n++;
            return f(...a);
          };
        return {
          ...t,
          get: counted(t.get),
          getMany: counted(t.getMany),
          query: counted(t.query),
          openCursor: counted(t.openCursor),
          count: counted(t.count),
        };
      },
    }),
  });
  return c;
}

describe('the key index behind look-ups', () => {
  const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `arxiv:24${String(from + i).padStart(7, '0')}`);

  it('answers a look-up without reading the seen table once it is in memory', async () => {
    const reads = countSeenReads(db);
    await recordSightings(
      db,
      keys(50).map((k, i) => ev(k, i, 'arxiv.org/list', [`doi:10.48550/${k}`])),
    );
    await lookup(db, ['warm-up']);
    reads.n = 0;
    const got = await lookup(db, [...keys(10, 45), 'doi:10.48550/arxiv:240000003']);
    expect(got.seen.sort()).toEqual([...keys(5, 45), 'doi:10.48550/arxiv:240000003'].sort());
    expect(reads.n).toBe(0);
  });

  it('gives the same answers as the tables, for keys and aliases', async () => {
    await recordSightings(
      db,
      keys(300).map((k, i) => ev(k, i, 'w', i % 3 ? [] : [`doi:10.1/${i}`, `s2:${i}`])),
    );
    const probe = [...keys(100, 250), ...Array.from({ length: 60 }, (_, i) => (i % 2 ? `doi:10.1/${i}` : `s2:${i}`))];
    const fast = await lookup(db, probe);
    const slow = await lookupFromTables(db, probe);
    expect(fast.seen.sort()).toEqual(slow.seen.sort());
    expect(fast.seen.length).toBe(50 + 20);
  });

  it('a ledger opened again finds what was seen after its snapshot was taken', async () => {
    const name = db.name;
    await recordSightings(db, [ev('arxiv:1', Date.now(), 'w', ['doi:10.1/one'])]);
    await lookup(db, ['arxiv:1']);
    await saveSnapshot(db);
    await recordSightings(db, [ev('arxiv:2', Date.now(), 'w', ['doi:10.1/two'])]);
    db.close();
    const again = new SeenDB(name);
    const reads = countSeenReads(again);
    expect((await again.snapshot.get('keys'))?.hashes.length).toBe(2);
    expect((await lookup(again, ['arxiv:1', 'doi:10.1/two', 'arxiv:3'])).seen.sort()).toEqual(['arxiv:1', 'doi:10.1/two']);
    // The catch-up read only what was seen since the snapshot, not the whole table.
    expect(reads.n).toBe(1);
    again.close();
    db = new SeenDB(name);
  });

  it('a version-1 ledger (no snapshot) gets its index rebuilt from its records', async () => {
    const name = `seen-v1-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ seen: 'key, last, *aliases', dismissed: 'key, at' });
    await v1
      .table('seen')
      .bulkPut(keys(25_000).map((k, i) => ({ ...ev(k, i), aliases: [`doi:x/${i}`], first: i, last: i, firstWhere: 'w', lastWhere: 'w', count: 1 })));
    v1.close();
    const up = new SeenDB(name);
    const got = await lookup(up, ['arxiv:240000000', 'arxiv:240024999', 'doi:x/12345', 'arxiv:240025000']);
    expect(got.seen.sort()).toEqual(['arxiv:240000000', 'arxiv:240024999', 'doi:x/12345']);
    await up.delete();
  }, 30_000);

  it('while the index is rebuilt from the table, look-ups are answered from the tables', async () => {
    const reads = countSeenReads(db);
    const pointReads = vi.fn();
    db.use({
      stack: 'dbcore',
      name: 'count-seen-getMany',
      create: (down: DBCore): DBCore => ({
        ...down,
        table(name) {
          const t = down.table(name);
          return name === 'seen' ? { ...t, getMany: (req) => (pointReads(), t.getMany(req)) } : t;
        },
      }),
    });
    await recordSightings(
      db,
      keys(40).map((k, i) => ev(k, 1000 + i, 'w', [`alias:${i}`])),
    );
    pointReads.mockClear();
    // No snapshot yet: the first look-up does not wait for the rebuild, the tables answer it.
    const got = await lookup(db, [...keys(40), 'alias:39', 'alias:0', 'alias:77']);
    expect(got.seen.length).toBe(42);
    expect(pointReads).toHaveBeenCalled();
    // Once rebuilt, the index answers alone.
    await saveSnapshot(db);
    await lookup(db, ['warm-up']);
    reads.n = 0;
    expect((await lookup(db, [...keys(40), 'alias:39', 'alias:0'])).seen.length).toBe(42);
    expect(reads.n).toBe(0);
  });

  it('compaction and clearing leave no trace in look-ups', async () => {
    await recordSightings(
      db,
      keys(30).map((k, i) => ev(k, 1000 + i, 'w', [`alias:${i}`])),
    );
    expect((await lookup(db, [keys(1)[0], 'alias:0'])).seen.length).toBe(2);
    await compact(db, 20, 25);
    expect((await lookup(db, [...keys(30), 'alias:0', 'alias:29'])).seen.sort()).toEqual([...keys(20, 10), 'alias:29'].sort());
    await recordSightings(db, [ev('late', 5000)]);
    await clearLedger(db);
    expect((await lookup(db, [...keys(30), 'late'])).seen).toEqual([]);
    await recordSightings(db, [ev('after', 6000)]);
    expect((await lookup(db, ['after', 'late'])).seen).toEqual(['after']);
  });
});
