// @vitest-environment node
// Highlights between two real libraries (Dexie over fake-indexeddb, the real writer and
// highlight commands) syncing through a real Apache WebDAV server: every add, recolour, comment
// and removal made on one device is what the other device's highlights table holds after a
// round each; concurrent edits converge, last clock wins; a value the schema refuses is skipped.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { davAvailable } from '../../tests/helpers/dav-servers';
import { SyncProfile, apacheForSuite } from '../../tests/helpers/sync-profile';
import { save } from '../library/commands';
import { addHighlight, allHighlights, highlightsOf, removeHighlight, updateHighlight } from '../library/highlights';
import { write } from '../library/write';
import type { HighlightSelectors } from '../paper/highlight';
import { makePaper } from '../paper/make';
import type { PaperMeta } from '../paper/schema';
import { type SyncConfig } from './engine';

const meta = (id: string, title = `Paper ${id}`): PaperMeta => makePaper({ ids: { arxiv: id }, title, source: 'test' })!;
const sel = (exact: string, start: number): HighlightSelectors => ({
  quote: { type: 'TextQuoteSelector', exact, prefix: 'we show ', suffix: ' in section' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
});
const draft = (exact: string, start: number, comment?: string) => ({
  selectors: sel(exact, start),
  color: 'yellow' as const,
  url: 'https://arxiv.org/html/2403.00001v1',
  ...(comment ? { comment } : {}),
});
/** The next millisecond: two edits in one would be ordered by device id, not by time. */
const tick = () => new Promise((r) => setTimeout(r, 5));

class Profile extends SyncProfile {
  /** The highlights as the user sees them, without the local bookkeeping. */
  async highlights() {
    return (await allHighlights(this.db)).map(({ id, key, selectors, color, comment, url }) => ({ id, key, selectors, color, comment, url }));
  }
}

describe.skipIf(!davAvailable('apache'))('highlights between two libraries through Apache', () => {
  const dav = apacheForSuite();
  let n = 0;
  const cfg = (): SyncConfig => ({ url: dav().url, user: dav().user, password: dav().password, folder: `H${n}/` });

  it('add on A appears on B; recolour and comment on B, then remove on A, converge', async () => {
    n++;
    const a = new Profile();
    const b = new Profile();
    await a.sync(cfg());
    await b.sync(cfg());

    const h = await addHighlight(a.db, meta('2403.00001v1', 'Sparse Attention'), draft('a learned subset', 120, 'key **claim**'));
    const other = await addHighlight(a.db, meta('2403.00001v1'), draft('second passage', 400));
    await a.sync(cfg());
    await b.sync(cfg());
    expect(await b.db.papers.get('arxiv:2403.00001')).toMatchObject({ title: 'Sparse Attention' });
    const onB = await highlightsOf(b.db, 'arxiv:2403.00001');
    expect(onB.map((x) => x.id)).toEqual([h.id, other.id]);
    expect(onB[0]).toMatchObject({ key: 'arxiv:2403.00001', selectors: sel('a learned subset', 120), color: 'yellow', comment: 'key **claim**' });
    expect(await b.highlights()).toEqual(await a.highlights());

    await tick();
    await updateHighlight(b.db, h.id, { color: 'green', comment: 'weaker than claimed' });
    await b.sync(cfg());
    await a.sync(cfg());
    expect(await a.db.highlights.get(h.id)).toMatchObject({ color: 'green', comment: 'weaker than claimed' });

    await tick();
    await removeHighlight(a.db, other.id);
    await a.sync(cfg());
    await b.sync(cfg());
    expect(await b.db.highlights.get(other.id)).toBeUndefined();
    expect((await b.highlights()).map((x) => x.id)).toEqual([h.id]);
    expect(await b.highlights()).toEqual(await a.highlights());

    // A fresh device rebuilds the same highlights from the server alone (the removed one stays gone).
    const c = new Profile();
    await c.sync(cfg());
    expect(await c.highlights()).toEqual(await a.highlights());
  }, 60_000);

  it('concurrent recolour on both devices: the later clock wins on both', async () => {
    n++;
    const a = new Profile();
    const b = new Profile();
    const h = await addHighlight(a.db, meta('2403.00002'), draft('both devices', 10));
    await a.sync(cfg());
    await b.sync(cfg());
    expect(await b.db.highlights.get(h.id)).toMatchObject({ color: 'yellow' });

    await updateHighlight(a.db, h.id, { color: 'pink' });
    await tick();
    await updateHighlight(b.db, h.id, { color: 'blue' });
    // A ships first: B's later recolour must survive receiving A's older one, and reach A.
    await a.sync(cfg());
    await b.sync(cfg());
    await a.sync(cfg());
    expect(await a.db.highlights.get(h.id)).toMatchObject({ color: 'blue' });
    expect(await b.db.highlights.get(h.id)).toMatchObject({ color: 'blue' });

    // The other way round: the later edit is A's, and B ships first.
    await updateHighlight(b.db, h.id, { color: 'green' });
    await tick();
    await updateHighlight(a.db, h.id, { color: 'pink' });
    await b.sync(cfg());
    await a.sync(cfg());
    await b.sync(cfg());
    expect(await a.db.highlights.get(h.id)).toMatchObject({ color: 'pink' });
    expect(await b.db.highlights.get(h.id)).toMatchObject({ color: 'pink' });

    // Remove on A against a recolour on B made later: the recolour is the last write, the highlight stays.
    await removeHighlight(a.db, h.id);
    await tick();
    await updateHighlight(b.db, h.id, { comment: 'still relevant' });
    await a.sync(cfg());
    await b.sync(cfg());
    await a.sync(cfg());
    expect(await a.db.highlights.get(h.id)).toMatchObject({ color: 'pink', comment: 'still relevant' });
    expect(await b.highlights()).toEqual(await a.highlights());
  }, 60_000);

  it('an invalid highlight from another device is skipped, never written, and the rest still applies', async () => {
    n++;
    const a = new Profile();
    const b = new Profile();
    const [p] = await save(a.db, [meta('2403.00003')]);
    const good = await addHighlight(a.db, p, draft('a good one', 5));
    // What a buggy or hostile device could log: item ops whose values the schema refuses.
    await write(a.db, 'edit', async (w) => {
      w.item(p.key, 'highlights', 'badcolour000', { ...good, id: 'badcolour000', color: 'ultraviolet' });
      w.item(p.key, 'highlights', 'notanobject0', 'just text');
      w.item(p.key, 'highlights', 'noselectors0', { ...good, id: 'noselectors0', selectors: { quote: { exact: '' } } });
      w.item(p.key, 'highlights', 'bad id!', { ...good, id: 'bad id!' });
      w.put({ ...p, title: 'Retitled with the bad ones', updatedAt: Date.now() });
    });
    await a.sync(cfg());
    const out = await b.sync(cfg());
    expect(out.problems).toEqual([]);
    expect(await b.db.papers.get(p.key)).toMatchObject({ title: 'Retitled with the bad ones' });
    expect((await b.db.highlights.toArray()).map((x) => x.id)).toEqual([good.id]);
    // And a later valid edit of that highlight still gets through.
    await updateHighlight(a.db, good.id, { color: 'green' });
    await a.sync(cfg());
    await b.sync(cfg());
    expect(await b.db.highlights.get(good.id)).toMatchObject({ color: 'green' });
  }, 60_000);

  it('a highlight made on a record merged elsewhere into another follows the record it was merged into', async () => {
    n++;
    const a = new Profile();
    const b = new Profile();
    const [keep, gone] = await save(a.db, [meta('2403.00004', 'The Kept Record'), meta('2403.00005', 'The Same Paper Again')]);
    await a.sync(cfg());
    await b.sync(cfg());
    // B merges the second record into the first (as enrichment does when it finds one paper twice)…
    await write(b.db, 'merge', async (w) => {
      const k = (await w.get(keep.key))!;
      const g = (await w.get(gone.key))!;
      w.delete(g.key, g);
      w.merged(g.key, k.key);
      w.put({ ...k, aliases: [...k.aliases, g.key].sort(), updatedAt: Date.now() }, k);
    });
    // …while A, not knowing yet, highlights the second one.
    const h = await addHighlight(a.db, gone, draft('made on the absorbed record', 50));
    await b.sync(cfg());
    await a.sync(cfg());
    await b.sync(cfg());
    expect(await a.db.papers.get(gone.key)).toBeUndefined();
    expect(await b.db.highlights.get(h.id)).toMatchObject({ key: keep.key, selectors: sel('made on the absorbed record', 50) });
    expect(await a.db.highlights.get(h.id)).toMatchObject({ key: keep.key });
    expect((await highlightsOf(b.db, gone.key)).map((x) => x.id)).toEqual([h.id]);
  }, 60_000);
});
