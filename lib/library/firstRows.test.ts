import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PapershelfDB } from '../db/database';
import { remove, save, update } from './commands';
import { makePaper } from '../paper/make';
import { newPaper } from '../paper/schema';
import { FIRST_ROWS, FIRST_ROWS_KEY, keepFirstRows, parseRows, readFirstRows, refreshFirstRows, storeFirstRows, toRows } from './firstRows';
import { uniqueName } from '../../tests/helpers/random';

const meta = (i: number, authors = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra']) =>
  makePaper({
    ids: { arxiv: `2401.${String(10000 + i)}` },
    title: `Paper ${i}`,
    authors,
    venue: 'NeurIPS',
    year: 2024,
    abstract: 'long text',
    source: 'test',
  })!;
const stored = async () => (await fakeBrowser.storage.session.get(FIRST_ROWS_KEY))[FIRST_ROWS_KEY] as { key: string }[] | undefined;

let db: PapershelfDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new PapershelfDB(uniqueName('first-rows'));
});
afterEach(() => db.delete());

describe('first rows of the popup', () => {
  it('keep what a row shows, three authors at most, newest first as given', () => {
    const rows = toRows([newPaper(meta(2), 2), newPaper(meta(1, ['Solo Author']), 1)]);
    expect(rows).toEqual([
      {
        key: 'arxiv:2401.10002',
        title: 'Paper 2',
        authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
        year: 2024,
        venue: 'NeurIPS',
        tags: [],
        status: 'unread',
        starred: false,
      },
      {
        key: 'arxiv:2401.10001',
        title: 'Paper 1',
        authors: ['Solo Author'],
        year: 2024,
        venue: 'NeurIPS',
        tags: [],
        status: 'unread',
        starred: false,
      },
    ]);
    expect(toRows(Array.from({ length: 60 }, (_, i) => newPaper(meta(i))))).toHaveLength(FIRST_ROWS);
  });

  it('are refused when stored data is not rows', () => {
    const good = toRows([newPaper(meta(1))]);
    expect(parseRows(good)).toEqual(good);
    for (const bad of [
      undefined,
      null,
      'rows',
      {},
      [{ ...good[0], status: 'deleted' }],
      [{ ...good[0], title: 42 }],
      [{ key: 'x' }],
      Array(FIRST_ROWS + 1).fill(good[0]),
    ]) {
      expect(parseRows(bad)).toBeUndefined();
    }
  });

  it('are read from storage.session, never waited for long, and still given when they come late', async () => {
    expect((await readFirstRows()).now).toBeUndefined();
    const rows = toRows([newPaper(meta(1))]);
    await storeFirstRows(rows);
    expect((await readFirstRows()).now).toEqual(rows);
    await fakeBrowser.storage.session.set({ [FIRST_ROWS_KEY]: [{ key: '<img src=x onerror=alert(1)>' }] });
    expect((await readFirstRows()).now).toBeUndefined();
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    get.mockReturnValue(new Promise(() => {}));
    const t = performance.now();
    expect((await readFirstRows(30)).now).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(1000);
    // A busy machine: the rows come after the first frame, and are given then.
    get.mockReturnValue(new Promise((resolve) => setTimeout(() => resolve({ [FIRST_ROWS_KEY]: rows }), 80)));
    const slow = await readFirstRows(20);
    expect(slow.now).toBeUndefined();
    expect(await slow.later).toEqual(rows);
  });

  it('are not stored again when they are what is stored', async () => {
    const rows = toRows([newPaper(meta(1))]);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    await storeFirstRows(rows, rows);
    expect(set).not.toHaveBeenCalled();
    await storeFirstRows(rows, []);
    expect(set).toHaveBeenCalledTimes(1);
    // As the popup compares them: fresh rows against the stored ones read back.
    const readBack = (await readFirstRows()).now;
    await storeFirstRows(toRows([newPaper(meta(1))]), readBack);
    expect(set).toHaveBeenCalledTimes(1);
  });

  it('follow every write to the papers made through a database that keeps them', async () => {
    keepFirstRows(db, 5);
    await save(db, [meta(1)], 1000);
    await save(db, [meta(2)], 2000);
    await vi.waitFor(async () => expect((await stored())?.map((r) => r.key)).toEqual(['arxiv:2401.10002', 'arxiv:2401.10001']));
    await update(db, 'arxiv:2401.10001', { status: 'read', tags: ['ml'] });
    await vi.waitFor(async () =>
      expect(await stored()).toContainEqual(expect.objectContaining({ key: 'arxiv:2401.10001', status: 'read', tags: ['ml'] })),
    );
    await remove(db, ['arxiv:2401.10002']);
    await vi.waitFor(async () => expect((await stored())?.map((r) => r.key)).toEqual(['arxiv:2401.10001']));
    await db.papers.clear();
    await vi.waitFor(async () => expect(await stored()).toEqual([]));
  });

  it('are refreshed once for a burst of writes, not once per write', async () => {
    // A window wide enough that a loaded machine's pauses between two saves do not end the burst.
    keepFirstRows(db, 200);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    for (let i = 0; i < 50; i++) await save(db, [meta(i)], 1000 + i);
    await vi.waitFor(async () => expect((await stored())?.[0].key).toBe('arxiv:2401.10049'));
    expect((await stored())?.length).toBe(FIRST_ROWS);
    expect(set.mock.calls.length).toBeLessThan(10);
  });

  it('are left alone by a database that does not keep them (tests, tools), and stored on demand (browser start)', async () => {
    await save(db, [meta(1)], 1000);
    await save(db, [meta(2)], 2000);
    await new Promise((r) => setTimeout(r, 80));
    expect(await stored()).toBeUndefined();
    await refreshFirstRows(db);
    expect((await stored())?.map((r) => r.key)).toEqual(['arxiv:2401.10002', 'arxiv:2401.10001']);
  });
});
