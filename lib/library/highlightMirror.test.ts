// @vitest-environment node
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uniqueName } from '../../tests/helpers/random';
import type { Highlight } from '../paper/highlight';
import { mirrorKey, parseMirror } from '../paper/highlightMirror';
import { makePaper } from '../paper/make';
import { remove, save } from './commands';
import { PapershelfDB } from './db';
import { addHighlight, highlightsOf, importHighlights, removeHighlight, restoreHighlight, updateHighlight } from './highlights';
import { keepHighlightMirror, rebuildMirror } from './highlightMirror';
import { applyRemote } from './remote';

let db: PapershelfDB;
let caughtUp: () => Promise<void>;
beforeEach(() => {
  fakeBrowser.reset();
  db = new PapershelfDB(uniqueName('hl-mirror'));
  caughtUp = keepHighlightMirror(db);
});
afterEach(() => db.delete());

const arxiv = makePaper({ ids: { arxiv: '2401.01234v2' }, title: 'Sparse Gated Attention', source: 'test' })!;
const withDoi = makePaper({ ids: { arxiv: '2402.00002', doi: '10.1000/xyz' }, title: 'Published Paper', source: 'test' })!;
const draft = (exact: string, start = 0) => ({
  selectors: {
    quote: { type: 'TextQuoteSelector' as const, exact },
    position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
  },
  color: 'yellow' as const,
  url: 'https://arxiv.org/html/2401.01234v2',
});

/** What the mirror holds under `key`, once it caught up with the writes. */
async function mirrored(key: string): Promise<Highlight[] | undefined> {
  await caughtUp();
  return parseMirror((await fakeBrowser.storage.local.get(mirrorKey(key)))[mirrorKey(key)]);
}
const mirrorKeys = async () => (await caughtUp(), Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('hl:')));

describe('the highlights’ mirror in storage.local', () => {
  it('follows adding, recolouring and removing a highlight: the list highlightsOf answers', async () => {
    const a = await addHighlight(db, arxiv, draft('learned subset', 40), 1000);
    expect(await mirrored('arxiv:2401.01234')).toEqual([a]);
    const b = await addHighlight(db, arxiv, draft('first words', 3), 1001);
    expect(await mirrored('arxiv:2401.01234')).toEqual([b, a]);
    await updateHighlight(db, a.id, { color: 'blue', comment: 'why' }, 1002);
    expect(await mirrored('arxiv:2401.01234')).toEqual(await highlightsOf(db, 'arxiv:2401.01234'));
    expect((await mirrored('arxiv:2401.01234'))?.[1]).toMatchObject({ id: a.id, color: 'blue', comment: 'why' });
    await removeHighlight(db, b.id);
    expect((await mirrored('arxiv:2401.01234'))?.map((h) => h.id)).toEqual([a.id]);
    await removeHighlight(db, a.id);
    expect(await mirrored('arxiv:2401.01234')).toBeUndefined();
    expect(await mirrorKeys()).toEqual([]);
    await restoreHighlight(db, a);
    expect((await mirrored('arxiv:2401.01234'))?.map((h) => h.id)).toEqual([a.id]);
  });

  it('is stored under each key of the paper (its canonical key and its aliases)', async () => {
    const h = await addHighlight(db, withDoi, draft('a passage'), 1000);
    const paper = (await db.papers.get(h.key))!;
    expect([paper.key, ...paper.aliases].sort()).toEqual(['arxiv:2402.00002', 'doi:10.1000/xyz']);
    expect(await mirrored('arxiv:2402.00002')).toEqual([h]);
    expect(await mirrored('doi:10.1000/xyz')).toEqual([h]);
  });

  it('is removed with the paper, and back when the paper is saved again', async () => {
    const h = await addHighlight(db, withDoi, draft('a passage'), 1000);
    await remove(db, [h.key]);
    expect(await mirrorKeys()).toEqual([]);
    await save(db, [withDoi]);
    expect(await mirrored('arxiv:2402.00002')).toEqual(await highlightsOf(db, 'arxiv:2402.00002'));
  });

  it('follows highlights that came by sync (applyRemote) and by import', async () => {
    const mine = await addHighlight(db, arxiv, draft('a passage'), 1000);
    const paper = (await db.papers.get(mine.key))!;
    const theirs: Highlight = { ...mine, id: 'theirs000001', color: 'green', createdAt: 5, updatedAt: 5 };
    await applyRemote(
      db,
      new Map([
        [paper.key, { paper, itemWrites: new Map([['highlights', new Map([[theirs.id, { hlc: 'zzzzzzzzz-0000-otherdevice', value: theirs }]])]]) }],
      ]),
      0,
    );
    expect((await mirrored(paper.key))?.map((h) => h.id).sort()).toEqual([mine.id, theirs.id].sort());
    await applyRemote(
      db,
      new Map([
        [paper.key, { paper, itemWrites: new Map([['highlights', new Map([[mine.id, { hlc: 'zzzzzzzzz-0001-otherdevice', value: null }]])]]) }],
      ]),
      0,
    );
    expect((await mirrored(paper.key))?.map((h) => h.id)).toEqual([theirs.id]);
    const imported: Highlight = { ...mine, id: 'imported0001', updatedAt: 2000 };
    await importHighlights(db, [imported]);
    expect((await mirrored(paper.key))?.map((h) => h.id).sort()).toEqual([imported.id, theirs.id].sort());
  });

  it('is built again from the database (a library from before the mirror), stale items removed', async () => {
    const other = new PapershelfDB(uniqueName('hl-mirror-other'));
    try {
      // Written without the mirror kept: then rebuilt.
      const h = await addHighlight(other, withDoi, draft('a passage'), 1000);
      await fakeBrowser.storage.local.set({ [mirrorKey('arxiv:gone')]: [h], settings: { x: 1 } });
      await rebuildMirror(other);
      expect((await mirrorKeys()).sort()).toEqual([mirrorKey('arxiv:2402.00002'), mirrorKey('doi:10.1000/xyz')]);
      expect(await mirrored('arxiv:2402.00002')).toEqual([h]);
      expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ x: 1 });
    } finally {
      await other.delete();
    }
  });
});

describe('parseMirror', () => {
  it('takes lists of highlights only', () => {
    expect(parseMirror(undefined)).toBeUndefined();
    expect(parseMirror({})).toBeUndefined();
    expect(parseMirror([{ id: 'x', key: 'k', color: 'yellow' }])).toBeUndefined();
    expect(parseMirror([])).toEqual([]);
  });
});
