// @vitest-environment node
// Dismissals between real libraries (Dexie over fake-indexeddb, the real writer and dismissal
// commands) syncing through a real Apache WebDAV server: a dismissal of a paper nobody saved
// reaches the other device, so does its undo; concurrent ones converge, last clock wins; those
// made before the first sync go up with the baseline; a new device gets them from a snapshot.
import 'fake-indexeddb/auto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { davAvailable } from '../../tests/helpers/dav-servers';
import { SyncProfile, apacheForSuite } from '../../tests/helpers/sync-profile';
import { save } from '../library/commands';
import { dismiss, dismissedAmong, undismiss } from '../library/dismissals';
import { makePaper } from '../paper/make';
import { syncNow, type SyncConfig } from './engine';

const K = 'arxiv:2406.00001';
const DOI = 'doi:10.1000/dismissed';
/** The next millisecond: two edits in one would be ordered by device id, not by time. */
const tick = () => new Promise((r) => setTimeout(r, 5));

class Profile extends SyncProfile {
  dismissed(keys: string[]) {
    return dismissedAmong(this.db, keys);
  }
}

describe.skipIf(!davAvailable('apache'))('dismissals between two libraries through Apache', () => {
  const dav = apacheForSuite();
  let n = 0;
  const cfg = (): SyncConfig => ({ url: dav().url, user: dav().user, password: dav().password, folder: `D${n}/` });

  it('a dismissal of a paper saved nowhere reaches the other device (aliases too), and so does its undo', async () => {
    n++;
    const a = new Profile();
    const b = new Profile();
    await a.sync(cfg());
    await b.sync(cfg());

    await dismiss(a.db, { key: K, aliases: [DOI], device: 'a' });
    await a.sync(cfg());
    await b.sync(cfg());
    expect(await b.dismissed([K, DOI, 'arxiv:2406.00002'])).toEqual([K, DOI]);
    expect(await b.db.papers.count()).toBe(0);

    await tick();
    await undismiss(a.db, K);
    await a.sync(cfg());
    await b.sync(cfg());
    expect(await b.dismissed([K, DOI])).toEqual([]);
    // B's copy was written by sync (origin remote): nothing goes back.
    expect((await b.sync(cfg())).uploaded).toBe(0);
  }, 60_000);

  it('dismiss on one device, undo on the other later: the later clock wins on both, whoever ships first', async () => {
    n++;
    const a = new Profile();
    const b = new Profile();
    await dismiss(a.db, { key: K, device: 'a' });
    await a.sync(cfg());
    await b.sync(cfg());
    expect(await b.dismissed([K])).toEqual([K]);

    await undismiss(a.db, K);
    await tick();
    await dismiss(b.db, { key: K, device: 'b' });
    // A ships its older undo first: B's later dismissal survives it and reaches A.
    await a.sync(cfg());
    await b.sync(cfg());
    await a.sync(cfg());
    expect(await a.dismissed([K])).toEqual([K]);
    expect(await b.db.dismissals.get(K)).toMatchObject({ device: 'b' });
    expect(await a.db.dismissals.get(K)).toMatchObject({ device: 'b' });

    // The other way round: B's undo is older, A's dismissal later, and B ships first.
    await undismiss(b.db, K);
    await tick();
    await dismiss(a.db, { key: K, device: 'a' });
    await b.sync(cfg());
    await a.sync(cfg());
    await b.sync(cfg());
    expect(await a.db.dismissals.get(K)).toMatchObject({ device: 'a' });
    expect(await b.db.dismissals.get(K)).toMatchObject({ device: 'a' });
  }, 60_000);

  it("made before the first sync: they go up with the library's baseline; a saved paper keeps its record", async () => {
    n++;
    const a = new Profile();
    const [p] = await save(a.db, [makePaper({ ids: { arxiv: '2406.00003' }, title: 'Saved and dismissed', source: 'test' })!]);
    await dismiss(a.db, { key: K, aliases: [DOI], device: 'a' });
    await dismiss(a.db, { key: p.key, device: 'a' });
    await a.sync(cfg());
    const b = new Profile();
    await b.sync(cfg());
    expect(await b.dismissed([K, DOI, p.key])).toEqual([K, DOI, p.key]);
    expect((await b.db.papers.toArray()).map((x) => x.key)).toEqual([p.key]);
  }, 60_000);

  it('a new device starting from a snapshot gets the dismissals (and not the undone ones)', async () => {
    n++;
    const a = new Profile();
    await a.sync(cfg());
    await dismiss(a.db, { key: K, aliases: [DOI], device: 'a' });
    await dismiss(a.db, { key: 'arxiv:2406.00004', device: 'a' });
    await save(a.db, [makePaper({ ids: { arxiv: '2406.00005' }, title: 'Kept', source: 'test' })!]);
    await tick();
    await undismiss(a.db, 'arxiv:2406.00004');
    // A snapshot, and A's segments compacted away: a new device can only start from the snapshot.
    await syncNow(cfg(), a.port, a.store, { snapshotEvery: 1 });
    const files = readdirSync(join(dav().root, `D${n}`), { recursive: true }).map(String);
    expect(files.some((f) => /snap/.test(f))).toBe(true);
    const c = new Profile();
    await c.sync(cfg());
    expect(await c.dismissed([K, DOI, 'arxiv:2406.00004'])).toEqual([K, DOI]);
    expect(await c.db.papers.count()).toBe(1);
  }, 60_000);
});
