// "Restore from the server as of a date": the library as it was at time T, rebuilt from what the
// server holds — every device's snapshot and segments, read with the protocol's own readers —
// as the merge of every change record whose clock's wall time is at most T.
//  - A snapshot is a merge state, not a point in time: it can be the start only when every clock
//    inside it is at most T (then every record it holds is ≤ T, and the segments after its
//    `covers` hold the rest). Otherwise the replay starts from nothing, which needs every
//    device's segments from the first: once a device has compacted, history before the oldest
//    usable snapshot is gone ("the server keeps history back to <date>").
//  - planRestore compares that version with the library as it is now (the preview's counts and
//    what the restore writes).
import type { Paper } from '../paper/schema';
import { DavError } from './errors';
import { applyRecords, emptyLibrary, materialize, type LibraryState } from './merge';
import type { SyncConfig } from './engine';
import { openFolder, readFile, type Folder } from './protocol';
import { DEVICE_ID, DEVICES, headPath, parseHead, parseSegment, segmentPath, snapshotPath, type HeadFile, type SegmentFile } from './segments';
import { fromSnapshot, parseSnapshot, type SnapshotFile } from './snapshot';
import { serverUrl } from './url';
import { DavClient, type FetchFn } from './webdav';

export interface ServerHistory {
  heads: HeadFile[];
  snapshots: SnapshotFile[];
  segments: SegmentFile[];
  /** Damaged or missing files: the restore goes on without them, and says so. */
  problems: string[];
}

const damaged = (e: unknown) => e instanceof DavError && (e.kind === 'protocol' || e.kind === 'crypto');

/** Everything the server holds, every device's (this one's too). */
export async function readHistory(dav: DavClient, folder: Folder): Promise<ServerHistory> {
  const out: ServerHistory = { heads: [], snapshots: [], segments: [], problems: [] };
  for (const e of (await dav.list(DEVICES)) ?? []) {
    const id = e.href.replace(/\/$/, '');
    if (!e.collection || !DEVICE_ID.test(id)) continue;
    let head: HeadFile;
    try {
      const raw = await readFile(dav, folder.codec, headPath(id));
      if (!raw) continue;
      head = parseHead(raw, id);
    } catch (err) {
      if (!damaged(err)) throw err;
      out.problems.push((err as Error).message);
      continue;
    }
    out.heads.push(head);
    if (head.snapshot) {
      const path = snapshotPath(id, head.snapshot.n);
      try {
        const raw = await readFile(dav, folder.codec, path);
        if (raw) out.snapshots.push(parseSnapshot(raw, path));
        else out.problems.push(`${path} is missing on the server`);
      } catch (err) {
        if (!damaged(err)) throw err;
        out.problems.push((err as Error).message);
      }
    }
    for (let n = head.compacted + 1; n <= head.n; n++) {
      const path = segmentPath(id, n);
      try {
        const raw = await readFile(dav, folder.codec, path);
        if (raw) out.segments.push(parseSegment(raw, id, n));
        else out.problems.push(`${path} is missing on the server`);
      } catch (err) {
        if (!damaged(err)) throw err;
        out.problems.push((err as Error).message);
      }
    }
  }
  return out;
}

/** The wall time (ms) of an HLC, or of a register's `at` (rank letter + HLC). */
export const wallOf = (clock: string): number => parseInt(clock.slice(-31, -22), 36);

/** The newest wall time of any clock inside a snapshot (0 when it is empty). */
export function snapshotNewest(snap: SnapshotFile): number {
  let max = 0;
  const see = (c: string | undefined) => {
    if (c) max = Math.max(max, wallOf(c));
  };
  for (const [, p] of snap.papers) {
    for (const rows of [p.f, p.t, p.i]) for (const [, at] of rows) see(at);
    for (const [id] of p.n) see(id);
    see(p.c);
    see(p.e);
    see(p.r);
    see(p.m?.[0]);
  }
  return max;
}

export class RestoreError extends Error {}

export interface Version {
  lib: LibraryState;
  /** The earliest time the server can give a version of (its history starts there). */
  since: number;
  /** True when older history was compacted away (not just: the library began then). */
  compacted: boolean;
  records: number;
  problems: string[];
}

const when = (ms: number) => new Date(ms).toLocaleString();

/** The merge of every record with wall time ≤ `at` (pure). Throws RestoreError when the server cannot give it. */
export function versionAsOf(h: ServerHistory, at: number): Version {
  const lastSeg = new Map(h.heads.map((x) => [x.device, x]));
  // A snapshot can start the replay only if every segment after its covers is still there.
  const complete = (s: SnapshotFile) => [...lastSeg.values()].every((x) => (s.covers[x.device] ?? 0) >= x.compacted);
  const usable = h.snapshots.filter(complete).map((s) => ({ s, newest: snapshotNewest(s) }));
  const anyCompacted = h.heads.some((x) => x.compacted > 0);
  let oldestRecord = Infinity;
  for (const seg of h.segments) for (const r of seg.records) oldestRecord = Math.min(oldestRecord, wallOf(r.hlc));
  const since = anyCompacted ? Math.min(Infinity, ...usable.map((u) => u.newest)) : oldestRecord;
  if (since === Infinity) throw new RestoreError('The server holds no history to restore from (nothing has been synced to this folder).');
  if (at < since) {
    throw new RestoreError(
      anyCompacted
        ? `The server keeps history back to ${when(since)} only: choose a later date.`
        : `There is no history on the server before ${when(since)} (the library's first synced change): choose a later date.`,
    );
  }
  const total = (s: SnapshotFile) => Object.values(s.covers).reduce((a, b) => a + b, 0);
  const start = usable
    .filter((u) => u.newest <= at)
    .sort((a, b) => total(b.s) - total(a.s))
    .at(0)?.s;
  const lib = start ? fromSnapshot(start) : emptyLibrary();
  const covers = start?.covers ?? {};
  let records = 0;
  for (const seg of h.segments) {
    if (seg.n <= (covers[seg.device] ?? 0)) continue;
    const keep = seg.records.filter((r) => wallOf(r.hlc) <= at);
    records += keep.length;
    applyRecords(lib, keep);
  }
  return { lib, since, compacted: anyCompacted, records, problems: h.problems };
}

/** The collection highlights are logged under (lib/library/highlights.ts's HIGHLIGHTS). */
const HIGHLIGHTS = 'highlights';

/** A highlight as the library holds it: its id, its paper, the rest compared as a whole. */
export interface HighlightRow {
  id: string;
  key: string;
}

export interface HighlightPlan {
  /** Highlights as they were (each under its paper's key), missing or different here. */
  put: (HighlightRow & Record<string, unknown>)[];
  /** Ids of highlights here that the version does not have. */
  remove: string[];
}

export interface RestorePlan {
  /** Papers the version has and the library does not. */
  add: Paper[];
  /** Papers in both, different in the version. */
  change: Paper[];
  /** Keys of papers the library has and the version does not. */
  remove: string[];
  /** Of `add`: the ones removed on the server since, as they were just before (see restoreVersion). */
  revived: Map<string, Paper>;
  /** The highlights as they were then. */
  highlights: HighlightPlan;
}

/** JSON with object keys sorted: equal values compare equal whatever the order they were built in. */
const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

/** `key`'s record in `lib` as if its removal had not happened (undefined: never created, or merged away). */
function unremoved(lib: LibraryState, key: string): Paper | undefined {
  const s = lib.papers.get(key);
  if (!s?.removed) return undefined;
  const removed = s.removed;
  s.removed = undefined;
  try {
    return materialize(lib, key)?.paper;
  } finally {
    s.removed = removed;
  }
}

const comparable = (p: Paper) => {
  const { updatedAt: _u, ...rest } = p;
  return JSON.stringify(
    Object.entries(rest)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, k === 'tags' || k === 'aliases' ? [...(v as string[])].sort() : v])
      .sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)),
  );
};

/**
 * What restoring `lib` does to the library as it is now (`current`, and its highlights);
 * `latest`: the server's newest state.
 */
export function planRestore(
  lib: LibraryState,
  current: Paper[],
  latest?: LibraryState,
  currentHighlights: readonly HighlightRow[] = [],
): RestorePlan {
  const now = new Map(current.map((p) => [p.key, p]));
  const plan: RestorePlan = { add: [], change: [], remove: [], revived: new Map(), highlights: { put: [], remove: [] } };
  const live = new Set<string>();
  const hereHighlights = new Map(currentHighlights.map((h) => [h.id, h]));
  const thenHighlights = new Set<string>();
  for (const key of lib.papers.keys()) {
    const m = materialize(lib, key);
    if (!m) continue;
    live.add(key);
    for (const [id, value] of m.items.get(HIGHLIGHTS) ?? []) {
      if (!value || typeof value !== 'object') continue;
      const then = { ...(value as Record<string, unknown>), id, key };
      thenHighlights.add(id);
      const here = hereHighlights.get(id);
      if (!here || stable(here) !== stable(then)) plan.highlights.put.push(then);
    }
    const before = now.get(key);
    if (!before) {
      plan.add.push(m.paper);
      const was = latest && unremoved(latest, key);
      if (was) plan.revived.set(key, was);
    } else if (comparable(before) !== comparable(m.paper)) plan.change.push(m.paper);
  }
  for (const key of now.keys()) if (!live.has(key)) plan.remove.push(key);
  for (const id of hereHighlights.keys()) if (!thenHighlights.has(id)) plan.highlights.remove.push(id);
  return plan;
}

export interface RestorePreview {
  plan: RestorePlan;
  version: Version;
}

/** Reads the server (settings as "Sync now" takes them) and plans the restore as of `at` against `current`. */
export async function previewFromServer(
  config: SyncConfig,
  current: Paper[],
  at: number,
  opts: { fetch?: FetchFn; timeoutMs?: number; now?: number; highlights?: readonly HighlightRow[] } = {},
): Promise<RestorePreview> {
  if (!Number.isFinite(at)) throw new RestoreError('Choose the date and time to restore as of.');
  if (at > (opts.now ?? Date.now())) throw new RestoreError('That date is in the future: the library as it is now is already the newest version.');
  const url = serverUrl(config.url, config.folder, config.allowInsecure);
  const dav = new DavClient({ base: url.base, user: config.user, password: config.password, fetch: opts.fetch, timeoutMs: opts.timeoutMs });
  const folder = await openFolder(dav, config.passphrase || undefined);
  const history = await readHistory(dav, folder);
  const version = versionAsOf(history, at);
  return { version, plan: planRestore(version.lib, current, versionAsOf(history, Infinity).lib, opts.highlights) };
}

const papers = (n: number) => `${n} paper${n === 1 ? '' : 's'}`;
const highlightCounts = (h: HighlightPlan, done: boolean) => {
  if (!h.put.length && !h.remove.length) return '';
  const n = (k: number) => `${k} highlight${k === 1 ? '' : 's'}`;
  return done
    ? ` Highlights as they were: ${n(h.put.length)} restored, ${h.remove.length} removed.`
    : ` Highlights as they were: ${n(h.put.length)} would be restored, ${h.remove.length} removed.`;
};

/** Whether restoring the plan would change nothing (papers and highlights). */
export function isEmptyPlan(p: RestorePlan): boolean {
  return !p.add.length && !p.change.length && !p.remove.length && !p.highlights.put.length && !p.highlights.remove.length;
}

/** The outcome lines of the options page: the preview's counts, then what the restore did. */
export function describeRestore(p: RestorePreview, at: number, done: boolean): string {
  const { add, change, remove, highlights } = p.plan;
  const parts: string[] = [];
  if (isEmptyPlan(p.plan)) parts.push(`The library already matches the version as of ${when(at)}: nothing to restore.`);
  else if (done)
    parts.push(
      `Restored the library as of ${when(at)}: ${papers(add.length)} added, ${change.length} changed, ${remove.length} removed.${highlightCounts(highlights, true)}`,
      'The library as it was is in Backup (restore it from there to undo). Other browsers will get this version at their next sync.',
    );
  else
    parts.push(
      `As of ${when(at)}: ${papers(add.length)} would be added, ${change.length} changed, ${remove.length} removed.${highlightCounts(highlights, false)}`,
      'Press Restore to make it the library on every browser (a backup of the library as it is now is taken first).',
    );
  parts.push(
    p.version.compacted
      ? `The server keeps history back to ${when(p.version.since)}.`
      : `The server's history starts at ${when(p.version.since)} (this folder's first synced change).`,
  );
  if (p.version.problems.length) parts.push(`Left out (damaged or missing on the server): ${p.version.problems.join('; ')}`);
  return parts.join(' ');
}
