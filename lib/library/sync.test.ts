import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PapershelfDB } from '../db/database';
import { remove, restore, save, update } from './commands';
import { makePaper } from '../paper/make';
import type { Paper } from '../paper/schema';
import { syncLibrary, type LibraryDelta } from './sync';

let db: PapershelfDB;
beforeEach(() => {
  db = new PapershelfDB(`sync-${Math.random()}`);
});
afterEach(() => db.delete());

const meta = (id: string) => makePaper({ ids: { arxiv: id }, title: `Paper ${id}`, source: 't' })!;

/** Applies deltas to a Map, as the popup does, and waits for the live query to settle. */
function mirror() {
  const map = new Map<string, Paper>();
  const deltas: LibraryDelta[] = [];
  const sub = syncLibrary(
    db,
    (d) => {
      deltas.push(d);
      for (const k of d.removed) map.delete(k);
      for (const p of d.upserted) map.set(p.key, p);
    },
    (e) => {
      throw e;
    },
  );
  return { map, deltas, sub };
}

/** Live queries answer asynchronously: wait (bounded) until the mirror shows the change. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 20 });

describe('syncLibrary', () => {
  it('loads everything, then follows additions, edits, removals and restores', async () => {
    await save(db, [meta('2401.00001'), meta('2401.00002')]);
    const m = mirror();
    await until(() => expect([...m.map.keys()].sort()).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']));
    expect(m.deltas[0].initial).toBe(true);

    await save(db, [meta('2401.00003')]);
    await until(() => expect(m.map.has('arxiv:2401.00003')).toBe(true));

    await update(db, 'arxiv:2401.00001', { note: 'hello' }, Date.now() + 5);
    await until(() => expect(m.map.get('arxiv:2401.00001')?.note).toBe('hello'));

    const removed = await remove(db, ['arxiv:2401.00002']);
    await until(() => expect(m.map.has('arxiv:2401.00002')).toBe(false));

    await restore(db, removed);
    await until(() => expect(m.map.get('arxiv:2401.00002')).toEqual(removed[0]));
    m.sub.unsubscribe();
  });
});

describe('first load', () => {
  it('reads a library larger than one page completely', async () => {
    const metas = Array.from({ length: 4500 }, (_, i) => meta(`2401.${String(i).padStart(5, '0')}`));
    await save(db, metas);
    const m = mirror();
    await until(() => expect(m.map.size).toBe(4500));
    m.sub.unsubscribe();
  });
});
