import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../paper/make';
import type { HighlightSelectors } from '../paper/highlight';
import { readSettings } from '../settings/schema';
import { exportBibWithStableKeys } from './bib';
import { remove, restore } from './commands';
import { PapershelfDB } from './db';
import { dismiss, importDismissals } from './dismissals';
import { importBackup } from '../formats/import/backup';
import {
  addHighlight,
  allHighlights,
  highlightsByKey,
  highlightsOf,
  highlightExports,
  importHighlights,
  removeHighlight,
  restoreHighlight,
  updateHighlight,
} from './highlights';

let db: PapershelfDB;
let n = 0;
beforeEach(() => {
  db = new PapershelfDB(`hl-${++n}`);
});
afterEach(() => db.delete());

const paper = makePaper({ ids: { arxiv: '2401.01234v2' }, title: 'Sparse Gated Attention', source: 'test' })!;
const sel = (exact: string, start = 0): HighlightSelectors => ({
  quote: { type: 'TextQuoteSelector', exact, prefix: 'a ', suffix: ' b' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
});
const draft = (exact: string, start = 0) => ({ selectors: sel(exact, start), color: 'yellow' as const, url: 'https://arxiv.org/html/2401.01234v2' });
const itemOps = async () => (await db.changes.toArray()).flatMap((c) => c.ops.filter((o) => o.op === 'item'));

describe('library highlights', () => {
  it('adds a highlight under the version-less key, saving the paper first, and logs an item op', async () => {
    const h = await addHighlight(db, paper, draft('learned subset', 40), 1000);
    expect(h).toMatchObject({ key: 'arxiv:2401.01234', color: 'yellow', createdAt: 1000 });
    expect(h.id).toMatch(/^[0-9a-f]{24}$/);
    expect(await db.papers.get('arxiv:2401.01234')).toBeDefined();
    expect(await itemOps()).toEqual([{ op: 'item', coll: 'highlights', id: h.id, value: h }]);
    await addHighlight(db, paper, draft('first words', 3));
    expect((await highlightsOf(db, 'arxiv:2401.01234')).map((x) => x.selectors.quote.exact)).toEqual(['first words', 'learned subset']);
  });

  it('recolours, comments and removes with undo, each logged', async () => {
    const h = await addHighlight(db, paper, draft('gating network'));
    const green = await updateHighlight(db, h.id, { color: 'green', comment: '  **why** it works ' }, 2000);
    expect(green).toMatchObject({ color: 'green', comment: '**why** it works', updatedAt: 2000 });
    expect((await updateHighlight(db, h.id, { comment: '' }))!.comment).toBeUndefined();
    const gone = await removeHighlight(db, h.id);
    expect(await allHighlights(db)).toEqual([]);
    await restoreHighlight(db, gone!);
    expect(await allHighlights(db)).toEqual([gone]);
    const ops = await itemOps();
    expect(ops.map((o) => (o.value === null ? 'deleted' : (o.value as { color: string }).color))).toEqual([
      'yellow',
      'green',
      'green',
      'deleted',
      'green',
    ]);
  });

  it('refuses an invalid highlight and writes nothing', async () => {
    await expect(addHighlight(db, paper, { ...draft('x'), color: 'red' as never })).rejects.toThrow(/Not a valid highlight: color/);
    expect(await db.highlights.count()).toBe(0);
    expect(await itemOps()).toEqual([]);
    expect(await updateHighlight(db, 'nonexistent', { color: 'blue' })).toBeUndefined();
  });

  it("imports a backup's highlights for papers in the library, keeping newer local copies", async () => {
    const h = await addHighlight(db, paper, draft('kept'), 5000);
    const old = { ...h, color: 'pink' as const, updatedAt: 1 };
    const other = { ...h, id: 'bbbbbbbbbbbb', updatedAt: 9 };
    const orphan = { ...h, id: 'cccccccccccc', key: 'doi:10.1/none' };
    expect(await importHighlights(db, [old, other, orphan])).toEqual({ restored: 1, skipped: 2 });
    expect(
      (await highlightsByKey(db))
        .get(h.key)!
        .map((x) => [x.id, x.color])
        .sort(),
    ).toEqual(
      [
        ['bbbbbbbbbbbb', 'yellow'],
        [h.id, 'yellow'],
      ].sort(),
    );
  });

  it('the JSON backup carries the highlights and every dismissal, which import back into another library', async () => {
    const h = await addHighlight(db, paper, draft('learned subset', 40), 1000);
    await dismiss(db, { key: 'arxiv:2405.07002', aliases: ['doi:10.1000/two'], device: 'dev-a', at: 2000 });
    const text = await highlightExports.backup(db, await db.papers.toArray());
    const back = importBackup(text);
    expect(back.highlights).toEqual([h]);
    expect(back.dismissals).toEqual([{ key: 'arxiv:2405.07002', aliases: ['doi:10.1000/two'], at: 2000, device: 'dev-a' }]);
    const other = new PapershelfDB(`hl-other-${++n}`);
    try {
      expect(await importDismissals(other, back.dismissals!, 'import')).toBe(1);
      expect(await other.dismissals.get('arxiv:2405.07002')).toMatchObject({ aliases: ['doi:10.1000/two'] });
      // Logged, so the restored dismissal syncs on.
      expect((await other.changes.toArray()).map((c) => c.origin)).toEqual(['import']);
      // A second import of the same backup changes nothing.
      expect(await importDismissals(other, back.dismissals!, 'import')).toBe(0);
    } finally {
      await other.delete();
    }
  });

  it('keeps highlights when the paper is removed, so undoing the removal brings them back', async () => {
    await addHighlight(db, paper, draft('survives'));
    const removed = await remove(db, ['arxiv:2401.01234']);
    expect(await highlightsOf(db, 'arxiv:2401.01234')).toEqual([]);
    await restore(db, removed);
    expect(await highlightsOf(db, 'arxiv:2401.01234')).toHaveLength(1);
  });

  it('goes into the BibTeX annote when the setting asks for it', async () => {
    await addHighlight(db, paper, { ...draft('learned subset', 40), comment: 'key idea' });
    const papers = await db.papers.toArray();
    const off = await exportBibWithStableKeys(db, papers, readSettings({}));
    expect(off).not.toContain('annote');
    const on = await exportBibWithStableKeys(db, papers, readSettings({ bibIncludeHighlights: true }));
    expect(on).toContain('annote = {Highlights: “learned subset” (key idea)}');
  });
});
