import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeenEvent } from './ledger';
import { clearLedger, compact, dismiss, lookup, recentSeen, recordSightings, SeenDB, undismiss } from './store';

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

  it('dismissals are looked up with the keys, and undone', async () => {
    await dismiss(db, 'arxiv:5', 'dev-a', 1);
    expect((await lookup(db, ['arxiv:5', 'arxiv:6'])).dismissed).toEqual(['arxiv:5']);
    expect(await db.dismissed.get('arxiv:5')).toEqual({ key: 'arxiv:5', at: 1, device: 'dev-a' });
    await undismiss(db, 'arxiv:5');
    expect((await lookup(db, ['arxiv:5'])).dismissed).toEqual([]);
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
    await dismiss(db, 'mid', 'd', 1);
    await clearLedger(db);
    expect(await db.seen.count()).toBe(0);
    expect(await db.dismissed.count()).toBe(0);
  });
});
