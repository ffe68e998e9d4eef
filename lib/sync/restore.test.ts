// @vitest-environment node
// Restore as of a date: real libraries (Dexie on fake-indexeddb, the real commands and writer)
// syncing through a real Apache WebDAV server, then the version as of T read back from it; and
// the pure core on a compacted history (snapshot + later segments).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { davAvailable } from '../../tests/helpers/dav-servers';
import { SyncProfile, apacheForSuite } from '../../tests/helpers/sync-profile';
import { remove, save, update } from '../library/commands';
import { addHighlight, removeHighlight, updateHighlight } from '../library/highlights';
import { restoreVersion } from '../library/restoring';
import { makePaper } from '../paper/make';
import { type SyncConfig } from './engine';
import { RestoreError, describeRestore, planRestore, previewFromServer, versionAsOf, type ServerHistory } from './restore';
import type { SegmentFile } from './segments';
import { toSnapshot } from './snapshot';
import { TestClock, canonical, paper, stateOf } from '../../tests/helpers/sync-testing';
import type { WireRecord } from './types';

const meta = (id: string, title = `Paper ${id}`) => makePaper({ ids: { arxiv: id }, title, source: 'test' })!;

class Profile extends SyncProfile {
  async view(key: string) {
    const p = await this.db.papers.get(key);
    return p && { title: p.title, tags: p.tags, note: p.note, status: p.status, starred: p.starred };
  }
}

const HOUR = 3_600_000;

const passage = (exact: string, start: number) => ({
  selectors: {
    quote: { type: 'TextQuoteSelector' as const, exact },
    position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
  },
  color: 'yellow' as const,
  url: 'https://arxiv.org/html/2403.00001',
});
/** A library's highlights as the test compares them: id → colour and comment. */
const marks = async (p: Profile) =>
  Object.fromEntries((await p.db.highlights.toArray()).map((h) => [h.id, { color: h.color, comment: h.comment ?? null, key: h.key }]));

describe.skipIf(!davAvailable('apache'))('restore as of a date, through Apache', () => {
  const dav = apacheForSuite();
  let n = 0;
  const cfg = (passphrase?: string): SyncConfig => ({
    url: dav().url,
    user: dav().user,
    password: dav().password,
    folder: `R${++n}/`,
    ...(passphrase ? { passphrase } : {}),
  });

  /** Three edits at t1 < t2 < t3 (clocks ahead of now, so nothing is clamped), each synced. */
  async function history(config: SyncConfig) {
    const a = new Profile();
    const base = Date.now() + HOUR;
    const t = [base, base + HOUR, base + 2 * HOUR, base + 3 * HOUR];
    const [p] = await save(a.db, [meta('2403.00001', 'Original title')], t[0]);
    const [gone] = await save(a.db, [meta('2403.00002')], t[0]);
    await a.sync(config);
    const kept = await addHighlight(a.db, meta('2403.00001'), passage('recoloured since', 10), t[0]);
    await update(a.db, p.key, { tags: ['first'] }, t[1]);
    const dropped = await addHighlight(a.db, meta('2403.00001'), passage('removed since', 40), t[1]);
    await a.sync(config);
    await update(a.db, p.key, { status: 'reading', note: 'as of t2' }, t[2]);
    await updateHighlight(a.db, kept.id, { color: 'green', comment: 'as of t2' }, t[2]);
    await a.sync(config);
    await update(a.db, p.key, { status: 'read', tags: ['third'], note: 'as of t3', starred: true }, t[3]);
    await updateHighlight(a.db, kept.id, { color: 'pink', comment: 'as of t3' }, t[3]);
    await removeHighlight(a.db, dropped.id, t[3]);
    const late = await addHighlight(a.db, meta('2403.00001'), passage('made later', 70), t[3]);
    const [added] = await save(a.db, [meta('2403.00003')], t[3]);
    // Edited after the restore's date (t2 + 30 min), then removed: the restore brings it back as it was at t2.
    await update(a.db, gone.key, { tags: ['late'], status: 'read' }, t[2] + (3 * HOUR) / 4);
    await a.sync(config);
    await remove(a.db, [gone.key]);
    await a.sync(config);
    return { a, t, key: p.key, gone: gone.key, added: added.key, highlights: { kept: kept.id, dropped: dropped.id, late: late.id } };
  }

  it('as of a time between t2 and t3 gives exactly the t2 state; applied, it syncs to the other browsers', async () => {
    const config = cfg();
    const { a, t, key, gone, added, highlights } = await history(config);
    const b = new Profile();
    await b.sync(config);
    const asOfT2 = { title: 'Original title', tags: ['first'], note: 'as of t2', status: 'reading', starred: false };
    const current = await a.db.papers.toArray();
    // The preview of a future date is refused; so are the clocks here (they run ahead of now): use a fixed "now".
    const { plan, version } = await previewFromServer(config, current, t[2] + HOUR / 2, {
      now: t[3] + HOUR,
      highlights: await a.db.highlights.toArray(),
    });
    expect(version.compacted).toBe(false);
    const goneAsOfT2 = { title: 'Paper 2403.00002', tags: [], note: '', status: 'unread', starred: false };
    expect(plan.add.map((p) => p.key)).toEqual([gone]);
    expect([...plan.revived.keys()]).toEqual([gone]);
    expect(plan.change.map((p) => p.key)).toEqual([key]);
    expect(plan.remove).toEqual([added]);
    expect(plan.change[0]).toMatchObject(asOfT2);
    expect(current.find((p) => p.key === gone)).toBeUndefined();
    // The highlights as they were at t2: one recoloured since back to green, one removed since
    // back, one made since gone.
    const marksAsOfT2 = {
      [highlights.kept]: { color: 'green', comment: 'as of t2', key },
      [highlights.dropped]: { color: 'yellow', comment: null, key },
    };
    expect(plan.highlights.put.map((h) => h.id).sort()).toEqual([highlights.kept, highlights.dropped].sort());
    expect(plan.highlights.remove).toEqual([highlights.late]);

    await restoreVersion(a.db, [...plan.add, ...plan.change], plan.remove, Date.now(), plan.revived, plan.highlights);
    expect(await marks(a)).toEqual(marksAsOfT2);
    expect(await a.view(key)).toEqual(asOfT2);
    expect(await a.view(gone)).toEqual(goneAsOfT2);
    expect(await a.db.papers.get(added)).toBeUndefined();
    // The restored version is this device's newest change: the other browser gets it as the truth.
    await a.sync(config);
    await b.sync(config);
    expect(await b.view(key)).toEqual(asOfT2);
    expect(await b.db.papers.get(added)).toBeUndefined();
    expect(await b.view(gone)).toEqual(goneAsOfT2);
    expect(await marks(b)).toEqual(marksAsOfT2);
    // And it is a version the server now holds too: previewing "now" again changes nothing.
    const again = await previewFromServer(config, await b.db.papers.toArray(), Date.now() + 10 * HOUR, {
      now: Date.now() + 10 * HOUR,
      highlights: await b.db.highlights.toArray(),
    });
    expect(again.plan).toEqual({ add: [], change: [], remove: [], revived: new Map(), highlights: { put: [], remove: [] } });
  }, 60_000);

  it('a date before any history is refused with a clear message, and an encrypted folder needs its passphrase', async () => {
    const config = cfg('correct horse battery');
    const { a, t, key } = await history(config);
    const current = await a.db.papers.toArray();
    await expect(previewFromServer(config, current, t[0] - HOUR, { now: t[3] + HOUR })).rejects.toThrow(
      /no history on the server before .*choose a later date/,
    );
    await expect(previewFromServer({ ...config, passphrase: '' }, current, t[1], { now: t[3] + HOUR })).rejects.toThrow(/encrypted/);
    const { plan } = await previewFromServer(config, current, t[1] + 1, { now: t[3] + HOUR });
    expect(plan.change.find((p) => p.key === key)).toMatchObject({ tags: ['first'], note: '', status: 'unread' });
    await expect(previewFromServer(config, current, Number.NaN)).rejects.toThrow(RestoreError);
  }, 60_000);
});

describe('versionAsOf on a compacted history', () => {
  const dev = 'a1b2c3d4e5f60718';
  const clock = new TestClock(dev, () => wall);
  let wall = 1_770_000_000_000;
  const rec = (key: string, ops: WireRecord['ops']): WireRecord => {
    wall += 60_000;
    return { hlc: clock.tick(), device: dev, key, origin: 'edit', ops };
  };
  const k = 'arxiv:2404.00001';
  const r1 = rec(k, [{ op: 'create', record: paper(k, 'one') }]);
  const r2 = rec(k, [{ op: 'set', field: 'title', value: 'two' }]);
  const r3 = rec(k, [{ op: 'set', field: 'title', value: 'three' }]);
  const r4 = rec(k, [{ op: 'set', field: 'title', value: 'four' }]);
  const at = (r: WireRecord) => parseInt(r.hlc.slice(0, 9), 36);
  // Segments 1 and 2 (r1, r2) were compacted into a snapshot; 3 and 4 remain.
  const seg = (n: number, records: WireRecord[]): SegmentFile => ({ format: 'papershelf-segment', device: dev, n, records });
  const h: ServerHistory = {
    heads: [{ format: 'papershelf-head', device: dev, n: 4, compacted: 2, seen: {}, at: wall, snapshot: { n: 2, covers: { [dev]: 2 } } }],
    snapshots: [toSnapshot(stateOf([r1, r2]), dev, 2, { [dev]: 2 })],
    segments: [seg(3, [r3]), seg(4, [r4])],
    problems: [],
  };

  it('starts from the snapshot and replays the later records up to T', () => {
    expect(canonical(versionAsOf(h, at(r3)).lib)).toBe(canonical(stateOf([r1, r2, r3])));
    expect(canonical(versionAsOf(h, at(r2)).lib)).toBe(canonical(stateOf([r1, r2])));
    expect(canonical(versionAsOf(h, at(r4) + 1).lib)).toBe(canonical(stateOf([r1, r2, r3, r4])));
  });

  it('before the snapshot, says how far back the server keeps history', () => {
    expect(() => versionAsOf(h, at(r1))).toThrow(/keeps history back to .* only/);
    expect(versionAsOf(h, at(r2)).since).toBe(at(r2));
  });

  it("the options page's lines: counts, then what was done, and how far back the server keeps history", () => {
    const version = versionAsOf(h, at(r3));
    const plan = planRestore(version.lib, [paper(k, 'four'), paper('arxiv:2404.00009', 'other')]);
    const preview = describeRestore({ version, plan }, at(r3), false);
    expect(preview).toContain('0 papers would be added, 1 changed, 1 removed');
    expect(preview).toContain(`The server keeps history back to ${new Date(at(r2)).toLocaleString()}.`);
    expect(describeRestore({ version, plan }, at(r3), true)).toContain('Other browsers will get this version at their next sync.');
    const none = planRestore(version.lib, [paper(k, 'three')]);
    expect(describeRestore({ version, plan: none }, at(r3), true)).toContain('nothing to restore');
  });

  it('plans additions, changes and removals against the library as it is', () => {
    const lib = versionAsOf(h, at(r3)).lib;
    const plan = planRestore(lib, [paper(k, 'four'), paper('arxiv:2404.00009', 'other')]);
    expect(plan.change.map((p) => p.title)).toEqual(['three']);
    expect(plan.remove).toEqual(['arxiv:2404.00009']);
    expect(planRestore(lib, []).add.map((p) => p.key)).toEqual([k]);
    expect(planRestore(lib, [{ ...paper(k, 'three'), updatedAt: 5 }]).change).toEqual([]);
  });
});
