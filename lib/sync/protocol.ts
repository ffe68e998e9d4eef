// One sync round against the folder, independent of the browser: upload this device's new
// records as a segment, read every other device's new segments (or a snapshot, when this device
// is new or its segments were compacted), and — after the caller has applied them — write a
// snapshot now and then and compact this device's old segments once every device's snapshot
// covers them. This device writes only under devices/<its id>/ (plus papershelf.json, once).
import { createEncryption, unlock, type EncryptionInfo } from './crypto';
import { Codec } from './codec';
import { DavError } from './errors';
import type { LibraryState } from './merge';
import {
  DEVICE_ID,
  DEVICES,
  FOLDER_FILE,
  deviceDir,
  headPath,
  parseFolder,
  parseHead,
  parseSegment,
  segmentPath,
  snapshotPath,
  type FolderFile,
  type HeadFile,
} from './segments';
import { fromSnapshot, parseSnapshot, toSnapshot } from './snapshot';
import type { WireRecord } from './types';
import type { DavClient } from './webdav';

export interface OwnSegment {
  n: number;
  bytes: number;
  /** The local change log's seq range it holds (to rebuild it if the server loses it). */
  from: number;
  to: number;
}

/** What this device remembers between rounds (stored by the engine). */
export interface SyncCursor {
  device: string;
  n: number;
  compacted: number;
  segments: OwnSegment[];
  uploadedSeq: number;
  seen: Record<string, number>;
  snapshot?: { n: number; covers: Record<string, number> };
  /** Records written or applied since the last snapshot. */
  sinceSnapshot: number;
  /**
   * Devices the user said are gone: id → the \`at\` of that device's head when forgotten. Until it
   * writes its head again, its snapshot no longer holds back compaction (its segments stay).
   */
  forgotten?: Record<string, number>;
}

export function newCursor(device: string): SyncCursor {
  return { device, n: 0, compacted: 0, segments: [], uploadedSeq: 0, seen: {}, sinceSnapshot: 0 };
}

export interface LocalSource {
  /** This device's own change records after local seq `after`, and the last seq included. */
  pending(after: number): Promise<{ records: WireRecord[]; lastSeq: number }>;
  /** Its own records of seq `from`..`to` (rebuilding a segment the server lost or damaged). */
  range(from: number, to: number): Promise<WireRecord[]>;
}

export interface Folder {
  codec: Codec;
  file: FolderFile;
}

const keyCache = new Map<string, Promise<CryptoKey>>();

/** Reads (or creates) papershelf.json and unlocks it: a missing or wrong passphrase fails here, before anything is written. */
export async function openFolder(dav: DavClient, passphrase: string | undefined, now = Date.now()): Promise<Folder> {
  await dav.ensureDir(DEVICES);
  let got = await dav.get(FOLDER_FILE);
  if (!got) {
    let encryption: EncryptionInfo | undefined;
    if (passphrase) {
      const made = await createEncryption(passphrase);
      encryption = made.info;
      keyCache.set(`${made.info.salt}\u0000${passphrase}`, Promise.resolve(made.key));
    }
    const file: FolderFile = { format: 'papershelf-sync', version: 1, createdAt: now, ...(encryption ? { encryption } : {}) };
    try {
      await dav.put(FOLDER_FILE, JSON.stringify(file, null, 1), { ifNoneMatch: '*', contentType: 'application/json' });
    } catch (e) {
      if (!(e instanceof DavError && e.kind === 'conflict')) throw e;
    }
    // Another device may have created it at the same moment: what the server holds is what counts.
    got = await dav.get(FOLDER_FILE);
    if (!got) throw new DavError('protocol', `${FOLDER_FILE} vanished right after it was written`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(got.body));
  } catch {
    throw new DavError('protocol', `${FOLDER_FILE} on the server is damaged (not JSON)`);
  }
  const file = parseFolder(json);
  if (!file.encryption) {
    if (passphrase)
      throw new DavError('crypto', 'this sync folder is not encrypted: clear the passphrase, or choose a new folder to start an encrypted one');
    return { file, codec: new Codec() };
  }
  if (!passphrase) throw new DavError('crypto', 'this sync folder is encrypted: enter its passphrase');
  const id = `${file.encryption.salt}\u0000${passphrase}`;
  let key = keyCache.get(id);
  if (!key) keyCache.set(id, (key = unlock(passphrase, file.encryption)));
  try {
    return { file, codec: new Codec(await key) };
  } catch (e) {
    keyCache.delete(id);
    throw e;
  }
}

/** A file of the folder, decoded (decrypted, unzipped); null when the server does not have it. */
export async function readFile(dav: DavClient, codec: Codec, path: string): Promise<unknown> {
  const got = await dav.get(path);
  return got ? codec.decode(path, got.body) : null;
}

async function writeHead(dav: DavClient, codec: Codec, c: SyncCursor, now: number): Promise<void> {
  const head: HeadFile = {
    format: 'papershelf-head',
    device: c.device,
    n: c.n,
    compacted: c.compacted,
    seen: c.seen,
    at: now,
    ...(c.snapshot ? { snapshot: c.snapshot } : {}),
    ...(c.forgotten && Object.keys(c.forgotten).length ? { forgotten: c.forgotten } : {}),
  };
  await dav.putAtomic(headPath(c.device), await codec.encode(headPath(c.device), head));
}

export interface Round {
  cursor: SyncCursor;
  /** Other devices' records to apply (in the order read). */
  remote: WireRecord[];
  /** A snapshot to join into the state first (a new device, or one that fell behind a compaction). */
  snapshot?: LibraryState;
  heads: Map<string, HeadFile>;
  /** Devices forgotten (by this device or another) that have not written since: they do not hold back compaction. */
  gone: Set<string>;
  /** This device's records uploaded in the round (the caller adds them to its state too). */
  own: WireRecord[];
  uploaded: number;
  /** Non-fatal problems (another device's damaged file): sync went on without it. */
  problems: string[];
}

/** Rewrites own segments the server lost or truncated (a killed upload, a restore on the server). */
async function repairOwn(dav: DavClient, folder: Folder, c: SyncCursor, local: LocalSource): Promise<number> {
  const listed = new Map((await dav.list(deviceDir(c.device)))?.map((e) => [e.href, e.size]) ?? []);
  let repaired = 0;
  for (const s of c.segments) {
    const path = segmentPath(c.device, s.n);
    const size = listed.get(path.slice(deviceDir(c.device).length));
    if (size === s.bytes) continue;
    const records = await local.range(s.from, s.to);
    const body = await folder.codec.encode(path, { format: 'papershelf-segment', device: c.device, n: s.n, records });
    await dav.putAtomic(path, body);
    s.bytes = body.byteLength;
    repaired++;
  }
  return repaired;
}

/** Upload, then download. The caller applies `remote` (after `snapshot`), then calls finishRound. */
export async function runRound(dav: DavClient, folder: Folder, cursor: SyncCursor, local: LocalSource, now = Date.now()): Promise<Round> {
  const c: SyncCursor = structuredClone(cursor);
  const me = c.device;
  const problems: string[] = [];
  await dav.ensureDir(deviceDir(me));
  const repaired = c.segments.length ? await repairOwn(dav, folder, c, local) : 0;
  if (repaired) problems.push(`${repaired} of this device's segments were missing or damaged on the server and were written again`);

  // Upload: one new segment. It is written before the head names it, so no reader ever sees a
  // segment that could still change (a retry after a failure rewrites the same number).
  const { records, lastSeq } = await local.pending(c.uploadedSeq);
  if (records.length) {
    const n = c.n + 1;
    const path = segmentPath(me, n);
    const body = await folder.codec.encode(path, { format: 'papershelf-segment', device: me, n, records });
    await dav.putAtomic(path, body);
    c.segments.push({ n, bytes: body.byteLength, from: c.uploadedSeq + 1, to: lastSeq });
    c.n = n;
    c.uploadedSeq = lastSeq;
    c.sinceSnapshot += records.length;
  }
  if (records.length || repaired || c.n === 0) await writeHead(dav, folder.codec, c, now);

  // Download: every other device's head, then its segments after the last one seen.
  const heads = new Map<string, HeadFile>();
  for (const e of (await dav.list(DEVICES)) ?? []) {
    const id = e.href.replace(/\/$/, '');
    if (!e.collection || !DEVICE_ID.test(id) || id === me) continue;
    try {
      const raw = await readFile(dav, folder.codec, headPath(id));
      if (raw) heads.set(id, parseHead(raw, id));
    } catch (err) {
      if (err instanceof DavError && (err.kind === 'protocol' || err.kind === 'crypto')) problems.push(err.message);
      else throw err;
    }
  }
  const gone = goneDevices(heads, c);
  let snapshot: LibraryState | undefined;
  // Behind a compaction (a new device, or one long away): start from the snapshot covering most.
  if ([...heads.values()].some((h) => (c.seen[h.device] ?? 0) < h.compacted)) {
    const best = [...heads.values()]
      .filter((h) => h.snapshot && !gone.has(h.device))
      .sort((a, b) => total(b.snapshot!.covers) - total(a.snapshot!.covers))[0];
    if (best) {
      const path = snapshotPath(best.device, best.snapshot!.n);
      const snap = parseSnapshot(await readFile(dav, folder.codec, path), path);
      snapshot = fromSnapshot(snap);
      for (const [d, n] of Object.entries(snap.covers)) if (d !== me && n > (c.seen[d] ?? 0)) c.seen[d] = n;
      c.sinceSnapshot += snap.papers.length;
    }
  }
  const remote: WireRecord[] = [];
  for (const h of heads.values()) {
    for (let n = (c.seen[h.device] ?? 0) + 1; n <= h.n; n++) {
      const path = segmentPath(h.device, n);
      try {
        const raw = await readFile(dav, folder.codec, path);
        if (raw === null) {
          problems.push(`${path} is missing on the server; its device writes it again at its next sync`);
          break;
        }
        remote.push(...parseSegment(raw, h.device, n).records);
        c.seen[h.device] = n;
      } catch (err) {
        if (!(err instanceof DavError && (err.kind === 'protocol' || err.kind === 'crypto'))) throw err;
        // Stop at the damaged segment: the later ones wait until its device has rewritten it.
        problems.push(`${err.message}; its device writes it again at its next sync`);
        break;
      }
    }
  }
  c.sinceSnapshot += remote.length;
  return { cursor: c, remote, snapshot, heads, gone, own: records, uploaded: records.length, problems };
}

/**
 * The devices forgotten by this one or by any other whose head has not changed since; a device
 * that wrote its head again is back (and this device's note of forgetting it is dropped).
 */
export function goneDevices(heads: Map<string, HeadFile>, c: SyncCursor): Set<string> {
  const gone = new Set<string>();
  for (const [id, h] of heads) {
    if (c.forgotten?.[id] !== undefined && h.at > c.forgotten[id]) delete c.forgotten[id];
    const by = [c.forgotten, ...[...heads.values()].filter((o) => o.device !== id).map((o) => o.forgotten)];
    if (by.some((f) => f?.[id] !== undefined && h.at <= f[id])) gone.add(id);
  }
  return gone;
}

export interface DeviceInfo {
  id: string;
  /** When it last wrote its head (by its own clock). */
  lastSeen: number;
  me: boolean;
  /** Forgotten, and silent since. */
  gone: boolean;
  /** Its segments still on the server. */
  segments: number;
}

/** Every device with a head in the folder. */
export async function listDevices(dav: DavClient, folder: Folder, c: SyncCursor): Promise<DeviceInfo[]> {
  const heads = new Map<string, HeadFile>();
  for (const e of (await dav.list(DEVICES)) ?? []) {
    const id = e.href.replace(/\/$/, '');
    if (!e.collection || !DEVICE_ID.test(id)) continue;
    const raw = await readFile(dav, folder.codec, headPath(id)).catch(() => null);
    if (raw) heads.set(id, parseHead(raw, id));
  }
  const others = new Map([...heads].filter(([id]) => id !== c.device));
  const gone = goneDevices(others, structuredClone(c));
  return [...heads.values()]
    .map((h) => ({ id: h.device, lastSeen: h.at, me: h.device === c.device, gone: gone.has(h.device), segments: h.n - h.compacted }))
    .sort((a, b) => Number(b.me) - Number(a.me) || b.lastSeen - a.lastSeen);
}

/** "Forget this device": noted in this device's head, so every device stops waiting for it. */
export async function forgetDevice(dav: DavClient, folder: Folder, cursor: SyncCursor, id: string, now = Date.now()): Promise<SyncCursor> {
  if (id === cursor.device) throw new DavError('protocol', 'this browser cannot forget itself: use Disconnect');
  const raw = await readFile(dav, folder.codec, headPath(id));
  if (!raw) throw new DavError('not-found', `device ${id} is not on the server`);
  const head = parseHead(raw, id);
  const c = structuredClone(cursor);
  c.forgotten = { ...c.forgotten, [id]: head.at };
  await writeHead(dav, folder.codec, c, now);
  return c;
}

const total = (covers: Record<string, number>) => Object.values(covers).reduce((a, b) => a + b, 0);

/**
 * After the round's records are applied to `lib`: writes a snapshot when enough has changed,
 * and deletes this device's segments that every device's snapshot covers. Returns the cursor.
 */
export async function finishRound(
  dav: DavClient,
  folder: Folder,
  round: Round,
  lib: LibraryState,
  opts: { snapshotEvery?: number; now?: number } = {},
): Promise<SyncCursor> {
  const c = structuredClone(round.cursor);
  const now = opts.now ?? Date.now();
  const every = opts.snapshotEvery ?? 2000;
  let changed = false;
  const oldSnap = c.snapshot;
  if (c.sinceSnapshot >= every && c.n > 0) {
    const n = c.n;
    const covers = { ...c.seen, [c.device]: c.n };
    const path = snapshotPath(c.device, n);
    if (!oldSnap || oldSnap.n !== n) {
      await dav.putAtomic(path, await folder.codec.encode(path, toSnapshot(lib, c.device, n, covers)));
      c.snapshot = { n, covers };
      c.sinceSnapshot = 0;
      changed = true;
    }
  }
  // Compaction: only what every device's latest snapshot (this one's included) already holds.
  const waitFor = [...round.heads.values()].filter((h) => !round.gone.has(h.device));
  const covered = [...waitFor, { snapshot: c.snapshot }].map((h) => h.snapshot?.covers[c.device] ?? 0);
  const k = Math.min(...covered, c.n);
  const drop = c.segments.filter((s) => s.n <= k);
  if (k > c.compacted) {
    c.compacted = k;
    c.segments = c.segments.filter((s) => s.n > k);
    changed = true;
  }
  if (changed) await writeHead(dav, folder.codec, c, now);
  for (const s of drop) await dav.delete(segmentPath(c.device, s.n));
  if (oldSnap && c.snapshot && oldSnap.n !== c.snapshot.n) await dav.delete(snapshotPath(c.device, oldSnap.n));
  return c;
}
