// "Sync now": one round with the server, between the library (through its port: the change log
// to read, applyRemote to write) and the sync state kept beside it (the merge state, the cursor).
//   1. the first round of a device uploads its library as it is (one create per paper: merged,
//      never replacing, with what other devices hold);
//   2. its own new change records go up as a segment (not those sync itself wrote: origin remote);
//   3. the other devices' new records (or a snapshot) come down, join the merge state, and the
//      papers whose merged record changed are written back through the library's writer;
//   4. snapshot and compaction now and then (protocol.finishRound).
import type { Paper } from '../paper/schema';
import { DavError } from './errors';
import { KEY_COLLECTIONS } from '../paper/changes';
import {
  affectedTargets,
  applyRecords,
  joinInto,
  keyItems,
  keyItemsOnly,
  materialize,
  noteHeads,
  type LibraryState,
  type MaterializedPaper,
} from './merge';
import { finishRound, forgetDevice, listDevices, newCursor, openFolder, runRound, type DeviceInfo, type SyncCursor } from './protocol';
import type { WireOp, WireRecord } from './types';
import { serverUrl } from './url';
import { DavClient, type FetchFn } from './webdav';

export interface SyncConfig {
  url: string;
  user: string;
  password: string;
  folder: string;
  passphrase?: string;
  /** Plain HTTP to another machine, accepted after the warning. */
  allowInsecure?: boolean;
}

/** An element of a paper's collection (or of a key's own: KEY_COLLECTIONS), as the library holds it. */
export interface BaselineItem {
  key: string;
  coll: string;
  id: string;
  value: unknown;
  /** When it was made (ms): dates the baseline record of a key-own element with no paper. */
  at?: number;
}

/** Per key, per collection, per element id: its last write (the merge's keyItems). */
export type KeyItemWrites = Map<string, Map<string, Map<string, { hlc: string; value: unknown }>>>;

/** A change record of the local log, as the library gives it. */
export interface LocalRecord extends WireRecord {
  seq: number;
}

/** What sync needs of the library (lib/library/remote.ts implements it over the database). */
export interface LibraryPort {
  deviceId(): Promise<string>;
  /** Every paper, as it is (the first round's baseline). */
  allPapers(): Promise<Paper[]>;
  /**
   * Every element of the papers' collections (highlights) and of the keys' own (dismissals), as
   * it is: the first round's baseline carries them with their papers (a key-own element with no
   * paper in a record of its own), since the change records that made them come before it.
   */
  allItems?(): Promise<BaselineItem[]>;
  /** The newest seq of the change log (0 when empty). */
  lastSeq(): Promise<number>;
  /** Change records with seq in (after, upTo], oldest first, at most `limit`. */
  changes(after: number, limit: number): Promise<LocalRecord[]>;
  /**
   * Writes the merged records of these keys (null: the key is not a live paper any more) in one
   * write with origin 'remote', its clock at least `wall`. Returns, per key whose note it wrote,
   * the clock of the change record it logged (what a later local note edit names as `prev`).
   * `keyItems`: the merged elements of the keys' own collections (dismissals), saved paper or not.
   */
  applyRemote(
    updates: Map<string, MaterializedPaper | null>,
    wall: number,
    keyItems?: KeyItemWrites,
    guard?: ApplyGuard,
  ): Promise<Map<string, string>>;
  /** Tells the change log's compaction that everything up to `seq` is on the server. */
  markShipped(seq: number): Promise<void>;
}

/**
 * applyRemote's guard against a lost update: `seenSeq` is how far the round read the change log;
 * a key changed here since is not written but added to `deferred` (written next round, once its
 * change has gone into the merge state).
 */
export interface ApplyGuard {
  seenSeq: number;
  deferred: Set<string>;
}

/** What sync keeps between rounds (lib/sync/store.ts: an IndexedDB database of its own). */
export interface SyncStore {
  /** `deferred`: keys the last round did not write back (changed here meanwhile): written next round. */
  load(): Promise<{ cursor?: SyncCursor; lib: LibraryState; presented: Map<string, string[]>; deferred?: string[] }>;
  /** Saves the cursor, the states of `keys`, the presented note heads and the deferred keys — all at once. */
  save(cursor: SyncCursor, lib: LibraryState, keys: Iterable<string>, presented: Map<string, string[]>, deferred?: Iterable<string>): Promise<void>;
  clear(): Promise<void>;
}

export interface SyncOutcome {
  at: number;
  uploaded: number;
  downloaded: number;
  /** Papers written back into the library. */
  applied: number;
  conflicts: number;
  problems: string[];
  bytesSent: number;
  bytesReceived: number;
  /** The server's clock minus this device's (from its Date header), when it sent one. */
  clockSkewMs?: number;
}

const PAGE = 5000;
const pad = (n: number, w: number) => n.toString(36).padStart(w, '0');

/**
 * A local note op goes on the wire with `prevs`: the note versions the user saw when editing.
 * The writer names one (`prev`, the last note change in the log); when that change was sync
 * writing a merged note, it stood for every version it showed (a conflict shows two).
 */
function wireOps(r: LocalRecord, lib: LibraryState, presented: Map<string, string[]>): WireOp[] {
  return r.ops.map((op) => {
    if (op.op !== 'note') return op;
    // presented: key → [the clock of sync's last note write there, ...the versions it showed].
    const shown = presented.get(r.key);
    const known = op.prev !== undefined && lib.papers.get(r.key)?.notes.has(op.prev);
    // Otherwise (no prev, or one from before sync began): the versions this device shows.
    const prevs = shown && shown[0] === op.prev ? shown.slice(1) : known ? [op.prev!] : noteHeads(lib, r.key);
    return { op: 'note', text: op.text, ...(op.prev ? { prev: op.prev } : {}), prevs };
  });
}

export interface EngineOptions {
  fetch?: FetchFn;
  now?: () => number;
  snapshotEvery?: number;
  timeoutMs?: number;
}

export async function syncNow(config: SyncConfig, port: LibraryPort, store: SyncStore, opts: EngineOptions = {}): Promise<SyncOutcome> {
  const now = opts.now ?? Date.now;
  const url = serverUrl(config.url, config.folder, config.allowInsecure);
  const dav = new DavClient({ base: url.base, user: config.user, password: config.password, fetch: opts.fetch, timeoutMs: opts.timeoutMs, now });
  const folder = await openFolder(dav, config.passphrase || undefined, now());
  const device = await port.deviceId();
  const saved = await store.load();
  const lib = saved.lib;
  const presented = saved.presented;
  let cursor = saved.cursor;
  if (cursor && cursor.device !== device)
    throw new DavError('protocol', 'this library has a new device id since the last sync: disconnect and connect again');

  // The first round: the library as it is becomes this device's first records.
  let baseline: WireRecord[] = [];
  let baselineSeq = 0;
  if (!cursor) {
    cursor = newCursor(device);
    baselineSeq = await port.lastSeq();
    const papers = await port.allPapers();
    const items = new Map<string, WireOp[]>();
    const own = new Map<string, { ops: WireOp[]; at: number }>();
    const paperKeys = new Set(papers.map((p) => p.key));
    for (const it of (await port.allItems?.()) ?? []) {
      const op: WireOp = { op: 'item', coll: it.coll, id: it.id, value: it.value };
      if (paperKeys.has(it.key) || !KEY_COLLECTIONS.has(it.coll)) items.set(it.key, [...(items.get(it.key) ?? []), op]);
      else {
        const o = own.get(it.key) ?? { ops: [], at: 0 };
        own.set(it.key, { ops: [...o.ops, op], at: Math.max(o.at, it.at ?? now()) });
      }
    }
    const hlc = (wall: number, i: number) => `${pad(Math.min(wall, now()), 9)}-${pad(i % 36 ** 4, 4)}-${device}`;
    baseline = papers.map((p, i) => ({
      hlc: hlc(p.updatedAt, i),
      device,
      key: p.key,
      origin: 'baseline',
      // (An element whose paper is gone is not a live paper's: it stays behind.)
      ops: [{ op: 'create', record: p }, ...(items.get(p.key) ?? [])],
    }));
    // A key's own elements with no paper there (most dismissals) go up as records of their own.
    for (const [key, o] of own) baseline.push({ hlc: hlc(o.at, baseline.length), device, key, origin: 'baseline', ops: o.ops });
  }
  const touchedOwn = new Set<string>();
  // How far this round has read the log: a key changed after it is not written back this round.
  let readTo = Math.max(cursor.uploadedSeq, baselineSeq);
  const local = {
    pending: async (after: number) => {
      const records: WireRecord[] = after === 0 && baseline.length ? [...baseline] : [];
      let last = Math.max(after, baselineSeq);
      for (;;) {
        const page = await port.changes(last, PAGE);
        for (const r of page) {
          last = r.seq;
          if (r.origin === 'remote' || r.device !== device) continue;
          records.push({ hlc: r.hlc, device: r.device, key: r.key, origin: r.origin, ops: wireOps(r, lib, presented) });
        }
        if (page.length < PAGE) break;
      }
      readTo = Math.max(readTo, last);
      return { records, lastSeq: last };
    },
    range: async (from: number, to: number) => {
      // (A first segment's baseline creates are not in the log: rebuilding it gives its edits only.)
      const out: WireRecord[] = [];
      for (let last = from - 1; last < to;) {
        const page = await port.changes(last, PAGE);
        if (!page.length) break;
        for (const r of page) {
          last = r.seq;
          if (r.seq > to) break;
          if (r.origin !== 'remote' && r.device === device)
            out.push({ hlc: r.hlc, device, key: r.key, origin: r.origin, ops: wireOps(r, lib, presented) });
        }
      }
      return out;
    },
  };

  const round = await runRound(dav, folder, cursor, local, now());
  for (const k of applyRecords(lib, round.own)) touchedOwn.add(k);
  const touched = new Set<string>();
  if (round.snapshot) for (const k of joinInto(lib, round.snapshot)) touched.add(k);
  for (const k of applyRecords(lib, round.remote)) touched.add(k);

  // Write back every paper whose merged record differs from what the library holds, and every
  // key's own elements (a key with those only has no record: nothing to write or delete there).
  const updates = new Map<string, MaterializedPaper | null>();
  const ownItems: KeyItemWrites = new Map();
  // (Keys the last round deferred are written now: their changes went into the merge state above.)
  for (const key of affectedTargets(lib, [...touched, ...(saved.deferred ?? [])])) {
    const items = keyItems(lib, key);
    if (items) ownItems.set(key, items);
    if (!keyItemsOnly(lib, key)) updates.set(key, materialize(lib, key));
  }
  let wall = 0;
  for (const r of round.remote) wall = Math.max(wall, parseInt(r.hlc.slice(0, 9), 36));
  const guard: ApplyGuard = { seenSeq: readTo, deferred: new Set() };
  const noteClocks =
    updates.size || ownItems.size ? await port.applyRemote(updates, Math.max(wall, now()), ownItems, guard) : new Map<string, string>();
  for (const [key, hlc] of noteClocks) presented.set(key, [hlc, ...noteHeads(lib, key)]);

  cursor = await finishRound(dav, folder, round, lib, { snapshotEvery: opts.snapshotEvery, now: now() });
  await store.save(cursor, lib, new Set([...touched, ...touchedOwn, ...updates.keys()]), presented, guard.deferred);
  if (cursor.uploadedSeq > 0) await port.markShipped(cursor.uploadedSeq);
  let conflicts = 0;
  for (const [key, m] of updates) if (m?.conflict && !guard.deferred.has(key)) conflicts++;
  return {
    at: now(),
    uploaded: round.uploaded,
    downloaded: round.remote.length,
    applied: updates.size,
    conflicts,
    problems: round.problems,
    bytesSent: dav.bytesSent,
    bytesReceived: dav.bytesReceived,
    ...(dav.clockSkewMs !== undefined ? { clockSkewMs: dav.clockSkewMs } : {}),
  };
}

/** "Test connection": the folder can be listed, created, written and read back; the passphrase opens it. */
export async function testConnection(config: SyncConfig, opts: EngineOptions = {}): Promise<string> {
  const url = serverUrl(config.url, config.folder, config.allowInsecure);
  const dav = new DavClient({ base: url.base, user: config.user, password: config.password, fetch: opts.fetch, timeoutMs: opts.timeoutMs ?? 15_000 });
  const root = new DavClient({
    base: serverUrl(config.url, '', config.allowInsecure).base,
    user: config.user,
    password: config.password,
    fetch: opts.fetch,
    timeoutMs: opts.timeoutMs ?? 15_000,
  });
  if (!(await root.stat('')))
    throw new DavError('not-found', 'the server URL does not exist (404): check it (Nextcloud: …/remote.php/dav/files/USER/)');
  const folder = await openFolder(dav, config.passphrase || undefined);
  const probe = `.probe-${Math.random().toString(36).slice(2, 10)}`;
  await dav.put(probe, 'papershelf');
  const back = await dav.get(probe);
  await dav.delete(probe);
  if (!back || new TextDecoder().decode(back.body) !== 'papershelf') throw new DavError('protocol', 'the server did not give back what was written');
  return `Connected: ${url.base} can be written${folder.file.encryption ? ', and the passphrase opens it (encrypted)' : ''}.`;
}

async function connectedFolder(config: SyncConfig, port: LibraryPort, store: SyncStore, opts: EngineOptions) {
  const url = serverUrl(config.url, config.folder, config.allowInsecure);
  const dav = new DavClient({ base: url.base, user: config.user, password: config.password, fetch: opts.fetch, timeoutMs: opts.timeoutMs });
  const folder = await openFolder(dav, config.passphrase || undefined);
  const saved = await store.load();
  const device = await port.deviceId();
  const cursor = saved.cursor ?? newCursor(device);
  return { dav, folder, saved, cursor };
}

/** Settings → Sync's list of the devices that sync through the folder. */
export async function serverDevices(config: SyncConfig, port: LibraryPort, store: SyncStore, opts: EngineOptions = {}): Promise<DeviceInfo[]> {
  const { dav, folder, cursor } = await connectedFolder(config, port, store, opts);
  return listDevices(dav, folder, cursor);
}

/**
 * "Forget this device" (a device that is gone): the other devices stop keeping old segments for
 * it. Its own segments stay on the server, so nothing it wrote is lost; if it ever syncs again it
 * is back, and starts from a snapshot like a new device.
 */
export async function forgetServerDevice(
  config: SyncConfig,
  port: LibraryPort,
  store: SyncStore,
  id: string,
  opts: EngineOptions = {},
): Promise<void> {
  const { dav, folder, saved, cursor } = await connectedFolder(config, port, store, opts);
  if (!saved.cursor) throw new DavError('protocol', 'sync once before forgetting a device');
  const next = await forgetDevice(dav, folder, cursor, id, (opts.now ?? Date.now)());
  await store.save(next, saved.lib, [], saved.presented);
}
