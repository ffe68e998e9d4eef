// Lost updates: the popup, the options page and the background are separate contexts writing to
// one database. Two connections (as two contexts have) hammer the same records at once; every
// write of every writer must be there at the end.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../paper/make';
import type { PaperMeta } from '../paper/schema';
import { PapershelfDB } from './db';
import { addTags, changeTags, remove, save, setStatus, update } from './commands';
import { uniqueName } from '../../tests/helpers/random';

let name: string;
let popup: PapershelfDB;
let background: PapershelfDB;
beforeEach(() => {
  name = uniqueName('conc');
  popup = new PapershelfDB(name);
  background = new PapershelfDB(name);
});
afterEach(async () => {
  background.close();
  await popup.delete();
});

const meta = (id: string, extra: Partial<PaperMeta> = {}): PaperMeta => ({
  ...makePaper({ ids: { arxiv: id }, title: `Paper ${id}`, source: 'test' })!,
  ...extra,
});
const KEY = 'arxiv:2401.00001';
const ROUNDS = 60;

// Generous budgets: these race real transactions, and a shared machine can be slow (not a timing check).
describe('concurrent writers lose nothing', { timeout: 30_000 }, () => {
  it(`${ROUNDS} rounds of note, tags, status, star and re-saves on one paper from two connections`, async () => {
    await save(background, [meta('2401.00001')]);
    const seq = async (f: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < ROUNDS; i++) await f(i);
    };
    await Promise.all([
      seq((i) => update(popup, KEY, { note: `note ${i}` })),
      seq((i) => addTags(background, [KEY], [`t${i}`])),
      seq((i) => setStatus(popup, [KEY], i % 2 ? 'read' : 'reading')),
      seq((i) => update(background, KEY, { starred: i % 2 === 1 })),
      // Tabs saving the same paper again, with more metadata each time.
      seq((i) => save(i % 2 ? popup : background, [meta('2401.00001', { abstract: 'Abstract', year: 2024, authors: [`Author ${i}`] })])),
    ]);
    const p = (await popup.papers.get(KEY))!;
    expect(p.note).toBe(`note ${ROUNDS - 1}`);
    expect([...p.tags].sort()).toEqual(Array.from({ length: ROUNDS }, (_, i) => `t${i}`).sort());
    expect(p.status).toBe((ROUNDS - 1) % 2 ? 'read' : 'reading');
    expect(p.starred).toBe((ROUNDS - 1) % 2 === 1);
    expect(p).toMatchObject({ abstract: 'Abstract', year: 2024, authors: ['Author 0'] });
    expect(await background.papers.count()).toBe(1);
  });

  it('three tabs saving 300 papers (overlapping) while the popup removes others: exact result', async () => {
    await save(
      popup,
      Array.from({ length: 50 }, (_, i) => meta(`2402.${String(i).padStart(5, '0')}`)),
    );
    const ids = Array.from({ length: 300 }, (_, i) => `2401.${String(i).padStart(5, '0')}`);
    const tab = (db: PapershelfDB, from: number) => Promise.all(ids.slice(from, from + 150).map((id) => save(db, [meta(id)])));
    await Promise.all([
      tab(background, 0),
      tab(popup, 75),
      tab(background, 150),
      Promise.all(Array.from({ length: 50 }, (_, i) => remove(popup, [`arxiv:2402.${String(i).padStart(5, '0')}`]))),
      Promise.all(ids.slice(0, 100).map((id, i) => update(popup, `arxiv:${id}`, { note: `n${i}` }))),
    ]);
    const all = await popup.papers.toArray();
    expect(all.map((p) => p.key).sort()).toEqual(ids.map((id) => `arxiv:${id}`).sort());
    // A note written after its paper existed stays; one written before the save found nothing.
    for (const p of all) expect(p.note === '' || /^n\d+$/.test(p.note)).toBe(true);
  });
});

describe('a tag editor with a stale copy', () => {
  it('adds and removes its own tags without dropping one added meanwhile elsewhere', async () => {
    await save(background, [meta('2401.00001')]);
    await update(popup, KEY, { tags: ['a', 'b'] });
    const stale = (await popup.papers.get(KEY))!.tags; // what the popup shows: [a, b]
    await addTags(background, [KEY], ['from-another-tab']);
    // The popup's editor: removes "a", adds "c".
    const next = [...stale.filter((t) => t !== 'a'), 'c'];
    await changeTags(
      popup,
      KEY,
      next.filter((t) => !stale.includes(t)),
      stale.filter((t) => !next.includes(t)),
    );
    expect((await popup.papers.get(KEY))!.tags.sort()).toEqual(['b', 'c', 'from-another-tab']);
  });
});
