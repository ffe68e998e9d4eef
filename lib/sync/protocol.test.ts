// @vitest-environment node
// The protocol between simulated devices (each: its own change log, state and cursor) through
// real servers: Apache mod_dav and rclone on 127.0.0.1.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { davAvailable, setFull, startDav, type DavKind, type DavServer } from '../../tests/helpers/dav-servers';
import { DavError } from './errors';
import { applyRecords, emptyLibrary, joinInto, noteHeads, type LibraryState } from './merge';
import { finishRound, forgetDevice, listDevices, newCursor, openFolder, runRound, type SyncCursor } from './protocol';
import { segmentPath } from './segments';
import { TestClock, canonical, paper } from '../../tests/helpers/sync-testing';
import type { WireOp, WireRecord } from './types';
import { DavClient } from './webdav';

let wall = 1_760_000_000_000;

class Device {
  clock: TestClock;
  log: (WireRecord & { seq: number })[] = [];
  lib: LibraryState = emptyLibrary();
  cursor: SyncCursor;
  problems: string[] = [];
  constructor(
    readonly id: string,
    public dav: DavClient,
    public passphrase?: string,
    skew = 0,
  ) {
    this.clock = new TestClock(id, () => wall + skew);
    this.cursor = newCursor(id);
  }
  edit(key: string, ...ops: WireOp[]): WireRecord {
    wall += 1000;
    const r = { seq: this.log.length + 1, hlc: this.clock.tick(), device: this.id, key, origin: 'edit', ops };
    this.log.push(r);
    applyRecords(this.lib, [r]);
    return r;
  }
  async sync(snapshotEvery = 1000): Promise<void> {
    const folder = await openFolder(this.dav, this.passphrase);
    const local = {
      pending: async (after: number) => {
        const records = this.log.filter((r) => r.seq > after).map(({ seq: _s, ...r }) => r);
        return { records, lastSeq: this.log.length };
      },
      range: async (from: number, to: number) => this.log.filter((r) => r.seq >= from && r.seq <= to).map(({ seq: _s, ...r }) => r),
    };
    const round = await runRound(this.dav, folder, this.cursor, local);
    if (round.snapshot) joinInto(this.lib, round.snapshot);
    applyRecords(this.lib, round.remote);
    for (const r of round.remote) this.clock.receive(r.hlc);
    this.problems = round.problems;
    this.cursor = await finishRound(this.dav, folder, round, this.lib, { snapshotEvery });
  }
  async forget(id: string): Promise<void> {
    this.cursor = await forgetDevice(this.dav, await openFolder(this.dav, this.passphrase), this.cursor, id);
  }
  async devices() {
    return listDevices(this.dav, await openFolder(this.dav, this.passphrase), this.cursor);
  }
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccc';
const K1 = 'arxiv:2401.00001';
const K2 = 'arxiv:2401.00002';

for (const kind of ['apache', 'rclone'] as DavKind[]) {
  describe.skipIf(!davAvailable(kind))(`sync protocol through ${kind}`, () => {
    let server: DavServer;
    let folderN = 0;
    const client = (folder: string) =>
      new DavClient({ base: `${server.url}${folder}/`, user: server.user, password: server.password, timeoutMs: 10_000 });
    beforeAll(async () => {
      server = await startDav(kind);
    }, 20_000);
    afterAll(() => server?.dispose());
    const devices = (pass?: string) => {
      const f = `lib${++folderN}`;
      return { f, a: new Device(A, client(f), pass), b: new Device(B, client(f), pass, -600_000), c: new Device(C, client(f), pass) };
    };

    it('a paper saved on A appears on B; interleaved edits converge; a fresh device rebuilds it after compaction', async () => {
      const { f, a, b, c } = devices();
      a.edit(K1, { op: 'create', record: paper(K1, 'Attention Is All You Need', { note: 'base' }) });
      await a.sync();
      await b.sync();
      expect(canonical(b.lib)).toBe(canonical(a.lib));
      b.edit(K2, { op: 'create', record: paper(K2, 'Second') });
      a.edit(K1, { op: 'tag', tag: 'ml', present: true });
      b.edit(K1, { op: 'note', text: 'from B', prevs: noteHeads(b.lib, K1) });
      a.edit(K1, { op: 'set', field: 'status', value: 'read' });
      b.edit(K1, { op: 'set', field: 'starred', value: true });
      a.edit(K2, { op: 'set', field: 'status', value: 'reading' });
      await a.sync();
      await b.sync();
      await a.sync();
      expect(canonical(a.lib)).toBe(canonical(b.lib));
      expect(canonical(a.lib)).toContain('from B');
      // Snapshots on every round from here on: old segments go once every device's snapshot has them.
      await a.sync(1);
      await b.sync(1);
      await a.sync(1);
      const left = readdirSync(join(server.root, f, 'devices', A));
      expect(left.filter((x) => x.startsWith('seg-'))).toEqual([]);
      expect(left.some((x) => x.startsWith('snap-'))).toBe(true);
      await c.sync();
      expect(canonical(c.lib)).toBe(canonical(a.lib));
      // B, whose clock is 10 minutes behind, still edits after A: its edit wins as the later one.
      b.edit(K1, { op: 'set', field: 'status', value: 'unread' });
      await b.sync();
      await a.sync();
      await c.sync();
      expect(canonical(a.lib)).toBe(canonical(b.lib));
      expect(canonical(c.lib)).toBe(canonical(b.lib));
      expect(canonical(a.lib)).toContain('"status":"unread"');
    }, 60_000);

    it('concurrent note edits keep both; the resolution reaches the other device', async () => {
      const { a, b } = devices();
      a.edit(K1, { op: 'create', record: paper(K1, 'T', { note: 'base' }) });
      await a.sync();
      await b.sync();
      a.edit(K1, { op: 'note', text: 'A wrote this', prevs: noteHeads(a.lib, K1) });
      b.edit(K1, { op: 'note', text: 'B wrote that', prevs: noteHeads(b.lib, K1) });
      await a.sync();
      await b.sync();
      await a.sync();
      expect(canonical(a.lib)).toBe(canonical(b.lib));
      expect(canonical(a.lib)).toMatch(/A wrote this[\s\S]*B wrote that|B wrote that[\s\S]*A wrote this/);
      expect(canonical(a.lib)).toContain('"conflict":true');
      b.edit(K1, { op: 'note', text: 'both, merged by hand', prevs: noteHeads(b.lib, K1) });
      await b.sync();
      await a.sync();
      expect(canonical(a.lib)).toBe(canonical(b.lib));
      expect(canonical(a.lib)).toContain('"conflict":false');
    }, 30_000);

    it('an idle device holds compaction; forgetting it lets compaction go on, and it can come back', async () => {
      const { f, a, b, c } = devices();
      const segs = (d: string) => readdirSync(join(server.root, f, 'devices', d)).filter((x) => x.startsWith('seg-'));
      a.edit(K1, { op: 'create', record: paper(K1, 'Kept Through Compaction') });
      for (const d of [a, b, c, a]) await d.sync(1);
      // C goes quiet; A and B go on editing, each round with a snapshot.
      for (let i = 0; i < 3; i++) {
        a.edit(K1, { op: 'tag', tag: `a${i}`, present: true });
        b.edit(K2, i === 0 ? { op: 'create', record: paper(K2, 'Made While C Was Away') } : { op: 'tag', tag: `b${i}`, present: true });
        await a.sync(1);
        await b.sync(1);
      }
      await a.sync(1);
      expect(segs(A).length).toBeGreaterThanOrEqual(3);
      expect(segs(B).length).toBeGreaterThanOrEqual(3);
      expect((await a.devices()).map((d) => [d.id, d.me, d.gone])).toEqual([
        [A, true, false],
        [B, false, false],
        [C, false, false],
      ]);
      await expect(a.forget(A)).rejects.toThrow(/cannot forget itself/);
      await a.forget(C);
      expect((await b.devices()).find((d) => d.id === C)?.gone).toBe(true);
      for (const d of [a, b, a, b]) await d.sync(1);
      // Nobody waits for C any more: A's and B's old segments are gone (B's newest waits for A's
      // next snapshot); C's files stay.
      expect(segs(A)).toEqual([]);
      expect(segs(B).length).toBeLessThanOrEqual(1);
      expect(readdirSync(join(server.root, f, 'devices', C))).toContain('head.json');
      const d = new Device('dddddddddddddddd', client(f));
      await d.sync();
      expect(canonical(d.lib)).toBe(canonical(a.lib));
      // C comes back with an edit: it starts from a snapshot, nothing is lost, and it is not gone any more.
      c.edit(K1, { op: 'set', field: 'starred', value: true });
      await c.sync(1);
      await a.sync(1);
      await c.sync(1);
      expect(canonical(c.lib)).toBe(canonical(a.lib));
      expect(canonical(a.lib)).toMatch(/"starred":true/);
      expect(canonical(a.lib)).toContain('Made While C Was Away');
      expect((await a.devices()).find((x) => x.id === C)?.gone).toBe(false);
    }, 60_000);

    it('a damaged segment on the server is reported, skipped, rewritten by its device, and then read', async () => {
      const { f, a, b } = devices();
      a.edit(K1, { op: 'create', record: paper(K1, 'First') });
      await a.sync();
      a.edit(K2, { op: 'create', record: paper(K2, 'Second') });
      await a.sync();
      const seg = join(server.root, f, segmentPath(A, 1));
      writeFileSync(seg, readFileSync(seg).subarray(0, 10));
      await b.sync();
      expect(b.problems.join(' ')).toMatch(/seg-00000001.json.gz on the server is damaged/);
      expect(canonical(b.lib)).toBe('[]');
      await a.sync();
      expect(a.problems.join(' ')).toMatch(/written again/);
      await b.sync();
      expect(b.problems).toEqual([]);
      expect(canonical(b.lib)).toBe(canonical(a.lib));
    }, 30_000);

    it('a failed upload (connection dropped before the MOVE) leaves nothing half-read, and the retry converges', async () => {
      const { f, a, b } = devices();
      a.edit(K1, { op: 'create', record: paper(K1, 'First') });
      await a.sync();
      a.edit(K1, { op: 'tag', tag: 'x', present: true });
      const good = a.dav;
      a.dav = new DavClient({
        base: good.base,
        user: server.user,
        password: server.password,
        fetch: async (u, i) => {
          if (i?.method === 'MOVE') throw new TypeError('fetch failed');
          return fetch(u, i);
        },
      });
      await expect(a.sync()).rejects.toMatchObject({ kind: 'network' });
      expect(readdirSync(join(server.root, f, 'devices', A)).filter((x) => x.startsWith('seg-'))).toEqual(['seg-00000001.json.gz']);
      await b.sync();
      a.dav = good;
      await a.sync();
      await b.sync();
      expect(canonical(b.lib)).toBe(canonical(a.lib));
      expect(canonical(b.lib)).toContain('"tags":["x"]');
    }, 30_000);

    it('with a passphrase, no title is in clear on the server, and a wrong one is refused before any write', async () => {
      const { f, a, b } = devices('correct horse battery');
      a.edit(K1, { op: 'create', record: paper(K1, 'Attention Is All You Need', { note: 'a secret note' }) });
      await a.sync(1);
      await b.sync(1);
      expect(canonical(b.lib)).toBe(canonical(a.lib));
      for (const file of filesUnder(join(server.root, f))) {
        const bytes = readFileSync(file);
        if (!file.endsWith('papershelf.json')) expect(bytes.subarray(0, 4).toString('latin1')).toBe('PSE1');
        expect(bytes.toString('latin1')).not.toContain('Attention');
        expect(bytes.toString('latin1')).not.toContain('secret');
      }
      // Without a passphrase the same segment, gunzipped, is the title in clear (so the check above can fail).
      const { f: plainF, a: plainA } = devices();
      plainA.edit(K1, { op: 'create', record: paper(K1, 'Attention Is All You Need') });
      await plainA.sync();
      expect(gunzipSync(readFileSync(join(server.root, plainF, segmentPath(A, 1)))).toString()).toContain('Attention');
      const wrong = new Device(C, client(f), 'wrong horse');
      const e = await wrong.sync().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DavError);
      expect((e as DavError).message).toMatch(/wrong passphrase/);
      expect(readdirSync(join(server.root, f, 'devices'))).not.toContain(C);
      const none = new Device(C, client(f));
      await expect(none.sync()).rejects.toThrow(/encrypted: enter its passphrase/);
    }, 60_000);
  });
}

describe.skipIf(!davAvailable('apache'))('server faults', () => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDav('apache');
  }, 20_000);
  afterAll(() => server?.dispose());
  const client = (password = server.password) => new DavClient({ base: `${server.url}faults/`, user: server.user, password, timeoutMs: 10_000 });

  it('507, a password changed on the server and a stopped server are clear errors; nothing is lost once fixed', async () => {
    const a = new Device(A, client());
    const b = new Device(B, client());
    a.edit(K1, { op: 'create', record: paper(K1, 'First') });
    await a.sync();
    a.edit(K2, { op: 'create', record: paper(K2, 'Second') });
    setFull(server, true);
    await expect(a.sync()).rejects.toMatchObject({ kind: 'full', status: 507 });
    setFull(server, false);
    await server.setPassword('new-password');
    await expect(a.sync()).rejects.toMatchObject({ kind: 'auth', status: 401 });
    a.dav = client('new-password');
    b.dav = client('new-password');
    await server.stop();
    a.edit(K1, { op: 'tag', tag: 'offline', present: true });
    await expect(a.sync()).rejects.toMatchObject({ kind: 'network' });
    await server.start();
    await a.sync();
    await b.sync();
    expect(canonical(b.lib)).toBe(canonical(a.lib));
    expect(canonical(b.lib)).toContain('Second');
    expect(canonical(b.lib)).toContain('offline');
  }, 60_000);
});
