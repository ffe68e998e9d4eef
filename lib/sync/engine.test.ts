// @vitest-environment node
// The engine between two (and three) libraries through a real server. The library side is an
// in-memory stand-in with the writer's rules (a change record per write, `prev` = the clock of
// the last note change of that key, origin 'remote' for sync's own writes); the sync state is
// the real IndexedDB store (fake-indexeddb).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { davAvailable, startDav, type DavServer } from '../../tests/helpers/dav-servers';
import type { Paper } from '../paper/schema';
import { syncNow, testConnection, type LibraryPort, type LocalRecord, type SyncConfig } from './engine';
import { CONFLICT_START, type MaterializedPaper } from './merge';
import { SyncDB, dexieStore } from './store';
import { TestClock, paper } from '../../tests/helpers/sync-testing';
import type { WireOp } from './types';

let wall = 1_770_000_000_000;
let dbN = 0;

class FakeLibrary implements LibraryPort {
  papers = new Map<string, Paper>();
  log: LocalRecord[] = [];
  shipped = 0;
  clock: TestClock;
  store = dexieStore(new SyncDB(`sync-test-${++dbN}`));
  constructor(readonly id: string) {
    this.clock = new TestClock(id, () => wall);
  }
  private lastNote(key: string) {
    return [...this.log].reverse().find((r) => r.key === key && r.ops.some((o) => o.op === 'note' || o.op === 'create'))?.hlc;
  }
  private append(key: string, origin: string, ops: WireOp[]): string {
    const hlc = this.clock.tick();
    this.log.push({ seq: this.log.length + 1, hlc, device: this.id, key, origin, ops });
    return hlc;
  }
  save(p: Paper) {
    wall += 1000;
    this.papers.set(p.key, p);
    this.append(p.key, 'save', [{ op: 'create', record: p }]);
  }
  edit(key: string, change: Partial<Paper>) {
    wall += 1000;
    const before = this.papers.get(key)!;
    const after = { ...before, ...change };
    const ops: WireOp[] = [];
    for (const f of ['status', 'starred', 'title'] as const) if (before[f] !== after[f]) ops.push({ op: 'set', field: f, value: after[f] });
    for (const t of after.tags) if (!before.tags.includes(t)) ops.push({ op: 'tag', tag: t, present: true });
    for (const t of before.tags) if (!after.tags.includes(t)) ops.push({ op: 'tag', tag: t, present: false });
    if (before.note !== after.note) ops.push({ op: 'note', text: after.note, prev: this.lastNote(key) });
    this.papers.set(key, after);
    this.append(key, 'edit', ops);
  }
  remove(key: string) {
    wall += 1000;
    this.papers.delete(key);
    this.append(key, 'remove', [{ op: 'remove' }]);
  }
  async deviceId() {
    return this.id;
  }
  async allPapers() {
    return [...this.papers.values()];
  }
  async lastSeq() {
    return this.log.length;
  }
  async changes(after: number, limit: number) {
    return this.log.filter((r) => r.seq > after).slice(0, limit);
  }
  async applyRemote(updates: Map<string, MaterializedPaper | null>, remoteWall: number) {
    const clocks = new Map<string, string>();
    if (remoteWall > wall) this.clock.receive(`${remoteWall.toString(36).padStart(9, '0')}-0000-${this.id}`);
    for (const [key, m] of updates) {
      const before = this.papers.get(key);
      if (!m) {
        if (before) {
          this.papers.delete(key);
          this.append(key, 'remote', [{ op: 'remove' }]);
        }
        continue;
      }
      this.papers.set(key, m.paper);
      const noteChanged = before?.note !== m.paper.note;
      const hlc = this.append(key, 'remote', noteChanged ? [{ op: 'note', text: m.paper.note }] : [{ op: 'set', field: 'x', value: 1 }]);
      if (noteChanged) clocks.set(key, hlc);
    }
    return clocks;
  }
  async markShipped(seq: number) {
    this.shipped = seq;
  }
  /** The library, canonical: what the user sees. */
  hash(): string {
    return JSON.stringify(
      [...this.papers.values()]
        .map((p) => ({ key: p.key, title: p.title, tags: [...p.tags].sort(), note: p.note, status: p.status, starred: p.starred }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
  }
}

describe.skipIf(!davAvailable('rclone'))('sync engine', () => {
  let server: DavServer;
  let n = 0;
  beforeAll(async () => {
    server = await startDav('rclone');
  }, 20_000);
  afterAll(() => server?.dispose());
  const config = (): SyncConfig => ({ url: server.url, user: server.user, password: server.password, folder: `Papershelf-${n}/` });

  it('first syncs merge two existing libraries; edits, conflicts and their resolution converge', async () => {
    n++;
    const a = new FakeLibrary('aaaaaaaaaaaaaaaa');
    const b = new FakeLibrary('bbbbbbbbbbbbbbbb');
    a.save(paper('arxiv:1', 'One', { note: 'a note' }));
    b.save(paper('arxiv:2', 'Two'));
    b.save(paper('arxiv:1', 'One', { tags: ['from-b'] }));
    const cfg = config();
    expect(await testConnection(cfg)).toMatch(/Connected/);
    await syncNow(cfg, a, a.store);
    const first = await syncNow(cfg, b, b.store);
    expect(first.downloaded).toBeGreaterThan(0);
    await syncNow(cfg, a, a.store);
    expect(a.hash()).toBe(b.hash());
    expect(a.papers.get('arxiv:1')).toMatchObject({ note: 'a note', tags: ['from-b'] });
    expect(a.papers.size).toBe(2);

    a.edit('arxiv:1', { note: 'A says' });
    b.edit('arxiv:1', { note: 'B says' });
    a.edit('arxiv:2', { status: 'read', tags: ['x'] });
    b.edit('arxiv:2', { starred: true });
    await syncNow(cfg, a, a.store);
    const withConflict = await syncNow(cfg, b, b.store);
    await syncNow(cfg, a, a.store);
    expect(withConflict.conflicts).toBe(1);
    expect(a.hash()).toBe(b.hash());
    const note = a.papers.get('arxiv:1')!.note;
    expect(note).toContain(CONFLICT_START);
    expect(note).toContain('A says');
    expect(note).toContain('B says');
    // B resolves: the edit replaces both versions it showed.
    b.edit('arxiv:1', { note: 'A and B say' });
    await syncNow(cfg, b, b.store);
    await syncNow(cfg, a, a.store);
    expect(a.papers.get('arxiv:1')!.note).toBe('A and B say');
    expect(a.hash()).toBe(b.hash());
    // Nothing of B's own writes came back as B's changes: sync's writes are not uploaded again.
    const c = new FakeLibrary('cccccccccccccccc');
    await syncNow(cfg, c, c.store);
    expect(c.hash()).toBe(a.hash());
    expect(a.shipped).toBeGreaterThan(0);
  }, 60_000);

  it('remove on one device, a later edit on the other: the paper stays, tagged', async () => {
    n++;
    const cfg = config();
    const a = new FakeLibrary('aaaaaaaaaaaaaaaa');
    const b = new FakeLibrary('bbbbbbbbbbbbbbbb');
    a.save(paper('arxiv:9', 'Nine'));
    await syncNow(cfg, a, a.store);
    await syncNow(cfg, b, b.store);
    a.remove('arxiv:9');
    b.edit('arxiv:9', { tags: ['keep'] });
    await syncNow(cfg, a, a.store);
    await syncNow(cfg, b, b.store);
    await syncNow(cfg, a, a.store);
    expect(a.hash()).toBe(b.hash());
    expect(a.papers.get('arxiv:9')!.tags).toContain('keep');
    expect(a.papers.get('arxiv:9')!.tags.some((t) => t.startsWith('kept'))).toBe(true);
  }, 30_000);
});
