// @vitest-environment node
// applyRemote's highlights, against one library: what a merged record's item writes do to the
// highlights table (the two-device round trip is lib/sync/highlights.test.ts).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uniqueName } from '../../tests/helpers/random';
import { makePaper } from '../paper/make';
import type { Highlight } from '../paper/highlight';
import { PapershelfDB } from './db';
import { addHighlight, updateHighlight } from './highlights';
import { applyRemote, syncPort, type ItemWrite } from './remote';

let db: PapershelfDB;
beforeEach(() => {
  db = new PapershelfDB(uniqueName('remote'));
});
afterEach(() => db.delete());

const meta = makePaper({ ids: { arxiv: '2404.00001' }, title: 'Remote Paper', source: 'test' })!;
const draft = {
  selectors: { quote: { type: 'TextQuoteSelector' as const, exact: 'a passage' } },
  color: 'yellow' as const,
  url: 'https://arxiv.org/abs/2404.00001',
};
const OLD = '00000000a-0000-otherdevice';
const itemOps = async () => (await db.changes.toArray()).filter((r) => r.origin === 'remote').flatMap((r) => r.ops.filter((o) => o.op === 'item'));

async function apply(writes: [string, ItemWrite][]) {
  const paper = (await db.papers.get('arxiv:2404.00001'))!;
  return applyRemote(db, new Map([[paper.key, { paper, itemWrites: new Map([['highlights', new Map(writes)]]) }]]), 0);
}

describe('applyRemote: highlights', () => {
  it('puts a new valid highlight under the record key, logged as a remote item op; deletes on null', async () => {
    const mine = await addHighlight(db, meta, draft, 1000);
    const theirs: Highlight = { ...mine, id: 'theirs000001', key: 'arxiv:someotherkey', color: 'blue', createdAt: 5, updatedAt: 5 };
    await apply([[theirs.id, { hlc: 'zzzzzzzzz-0000-otherdevice', value: theirs }]]);
    expect(await db.highlights.get(theirs.id)).toEqual({ ...theirs, key: 'arxiv:2404.00001' });
    // Not named by the merged record: left as it is.
    expect(await db.highlights.get(mine.id)).toEqual(mine);
    expect(await itemOps()).toEqual([{ op: 'item', coll: 'highlights', id: theirs.id, value: { ...theirs, key: 'arxiv:2404.00001' } }]);

    await apply([
      [theirs.id, { hlc: 'zzzzzzzzz-0001-otherdevice', value: null }],
      ['neverhere001', { hlc: 'zzzzzzzzz-0001-otherdevice', value: null }],
    ]);
    expect(await db.highlights.get(theirs.id)).toBeUndefined();
    expect((await itemOps()).length).toBe(2);
  });

  it('leaves a highlight changed here after the merged write (a later local clock, not shipped yet)', async () => {
    const mine = await addHighlight(db, meta, draft, 1000);
    await updateHighlight(db, mine.id, { color: 'green' }, 2000);
    await apply([[mine.id, { hlc: OLD, value: { ...mine, color: 'pink' } }]]);
    expect(await db.highlights.get(mine.id)).toMatchObject({ color: 'green' });
    await apply([[mine.id, { hlc: OLD, value: null }]]);
    expect(await db.highlights.get(mine.id)).toMatchObject({ color: 'green' });
  });

  it('skips invalid values and an unchanged one, writing the valid rest', async () => {
    const mine = await addHighlight(db, meta, draft, 1000);
    const ok = { ...mine, id: 'validone0001', comment: 'fine' };
    await apply([
      ['badcolour001', { hlc: 'zzzzzzzzz-0000-x', value: { ...mine, color: 'ultraviolet' } }],
      ['toolong00001', { hlc: 'zzzzzzzzz-0000-x', value: { ...mine, comment: 'x'.repeat(5000) } }],
      ['nullish00001', { hlc: 'zzzzzzzzz-0000-x', value: 42 }],
      [mine.id, { hlc: 'zzzzzzzzz-0000-x', value: { ...mine } }],
      [ok.id, { hlc: 'zzzzzzzzz-0000-x', value: ok }],
    ]);
    expect((await db.highlights.toArray()).map((h) => h.id).sort()).toEqual([mine.id, ok.id].sort());
    expect((await itemOps()).map((o) => (o as { id: string }).id)).toEqual([ok.id]);
  });

  it('the port lists every stored highlight as an item of its paper (the first round baseline)', async () => {
    const mine = await addHighlight(db, meta, draft, 1000);
    expect(await syncPort(db).allItems()).toEqual([{ key: mine.key, coll: 'highlights', id: mine.id, value: mine }]);
  });
});
