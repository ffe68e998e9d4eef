// What sync needs of the library, over the database: the change log to read, and applyRemote —
// the merged records of other devices' changes, written through the one writer (origin
// 'remote', so sync does not ship them again). lib/sync's LibraryPort is this shape; lib/library
// sits below lib/sync, so the types are restated here rather than imported.
import type { ChangeOp, ChangeRecord } from '../paper/changes';
import { highlightSchema } from '../paper/highlight';
import type { Paper } from '../paper/schema';
import { markShipped } from './compact';
import type { PapershelfDB } from './db';
import { deleteDismissal, DISMISSALS, dismissalRow, putDismissal } from './dismissals';
import { HIGHLIGHTS } from './highlights';
import { deviceId, write, type Writer } from './write';

/** An element's last write, merged: its clock and value (null: deleted). */
export interface ItemWrite {
  hlc: string;
  value: unknown;
}

/** A merged record from sync: the paper as every device now has it, and its collections' elements. */
export interface RemotePaper {
  paper: Paper;
  /** coll → element id → its last write; an element sync has not heard of is not here. */
  itemWrites?: Map<string, Map<string, ItemWrite>>;
}

type Logged = ChangeRecord & { seq: number };

const same = (a: Paper, b: Paper) => {
  const { updatedAt: _a, ...x } = a;
  const { updatedAt: _b, ...y } = b;
  return JSON.stringify(Object.entries(x).sort()) === JSON.stringify(Object.entries(y).sort());
};

/** JSON with object keys sorted: equal values compare equal whatever the order they were built in. */
const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

/**
 * The merged highlights of `paper` into the highlights table, last writer wins per highlight
 * (the merge state already picked it by HLC): a value is stored under the record's key (a
 * highlight made on a paper since merged into this one follows it), a null deletes the row. A
 * value the highlight schema refuses is skipped (the row stays as it was). A highlight changed
 * here after the round read the log (a later local clock) is left alone: that change ships next.
 */
async function applyHighlights(w: Writer, paper: Paper, writes: Map<string, ItemWrite>): Promise<number> {
  const db = w.db;
  const localClock = new Map<string, string>();
  const logged = await db.changes
    .where('key')
    .anyOf([paper.key, ...paper.aliases])
    .filter((r) => r.origin !== 'remote')
    .toArray();
  for (const r of logged)
    for (const o of r.ops) if (o.op === 'item' && o.coll === HIGHLIGHTS && r.hlc > (localClock.get(o.id) ?? '')) localClock.set(o.id, r.hlc);
  const ids = [...writes.keys()];
  const rows = await db.highlights.bulkGet(ids);
  let skipped = 0;
  for (const [i, id] of ids.entries()) {
    const { hlc, value } = writes.get(id)!;
    if ((localClock.get(id) ?? '') > hlc) continue;
    const row = rows[i];
    if (value === null) {
      if (row) {
        await db.highlights.delete(id);
        w.item(paper.key, HIGHLIGHTS, id, null);
      }
      continue;
    }
    const parsed = value && typeof value === 'object' ? highlightSchema.safeParse({ ...value, id, key: paper.key }) : undefined;
    if (!parsed?.success) {
      skipped++;
      continue;
    }
    if (row && stable(row) === stable(parsed.data)) continue;
    await db.highlights.put(parsed.data);
    w.item(paper.key, HIGHLIGHTS, id, parsed.data);
  }
  return skipped;
}

/** key → coll → element id → its last write: the collections of a key rather than of a paper (dismissals). */
export type KeyItemWrites = Map<string, Map<string, Map<string, ItemWrite>>>;

/**
 * The merged dismissals into the dismissals table, last writer wins per key (as for highlights):
 * a value is stored, a null (an undo) deletes the row; a dismissal changed here after the round
 * read the log is left alone (that change ships next); a value that is no dismissal is skipped.
 */
async function applyDismissals(w: Writer, keyItems: KeyItemWrites, changed: DismissalChange[]): Promise<number> {
  const db = w.db;
  // One dismissal per key, its id the key itself (lib/library/dismissals.ts).
  const keys = [...keyItems].filter(([k, colls]) => colls.get(DISMISSALS)?.has(k)).map(([k]) => k);
  if (!keys.length) return 0;
  const localClock = new Map<string, string>();
  const logged = await db.changes
    .where('key')
    .anyOf(keys)
    .filter((r) => r.origin !== 'remote')
    .toArray();
  for (const r of logged)
    for (const o of r.ops) if (o.op === 'item' && o.coll === DISMISSALS && r.hlc > (localClock.get(o.id) ?? '')) localClock.set(o.id, r.hlc);
  const rows = await db.dismissals.bulkGet(keys);
  let skipped = 0;
  for (const [i, key] of keys.entries()) {
    const { hlc, value } = keyItems.get(key)!.get(DISMISSALS)!.get(key)!;
    if ((localClock.get(key) ?? '') > hlc) continue;
    const row = rows[i];
    if (value === null) {
      if (row) {
        await deleteDismissal(w, key);
        changed.push({ key, aliases: row.aliases, dismissed: false });
      }
      continue;
    }
    const next = dismissalRow(key, value);
    if (!next) {
      skipped++;
      continue;
    }
    if (row && stable(row) === stable(next)) continue;
    await putDismissal(w, next);
    if (!row) changed.push({ key, aliases: next.aliases, dismissed: true });
  }
  return skipped;
}

/** What a round read of the log, and the keys applyRemote left for the next round. */
export interface RemoteGuard {
  seenSeq: number;
  deferred: Set<string>;
}

/** The keys of this device's own changes logged after `seq` (sync's own writes are not its own). */
async function changedSince(w: Writer, seq: number): Promise<Set<string>> {
  const rows = await w.db.changes.where('seq').above(seq).toArray();
  return new Set(rows.filter((r) => r.origin !== 'remote').map((r) => r.key));
}

/** A dismissal another device made or undid, as applyRemote wrote it here. */
export interface DismissalChange {
  key: string;
  aliases: string[];
  dismissed: boolean;
}

type DismissalListener = (changes: DismissalChange[]) => void;
const dismissalListeners = new Set<DismissalListener>();

/**
 * Called after each applyRemote that dismissed or un-dismissed keys, once it has committed: the
 * background re-dims the open tabs showing them (a dismissal made here does so itself). Returns
 * the function that removes the listener.
 */
export function onRemoteDismissals(fn: DismissalListener): () => void {
  dismissalListeners.add(fn);
  return () => dismissalListeners.delete(fn);
}

/**
 * Writes sync's merged records (null: the key is no longer a live paper here) in one write.
 * `wall`: the newest remote clock's wall time, so this device's later clocks come after every
 * change it has seen, even with its own clock behind. Returns, per key whose note or record it
 * created or rewrote, the clock of the change record it logged: what a later note edit here
 * names as `prev`. The papers' highlights are written in the same transaction (applyHighlights),
 * and so are `keyItems`, the merged dismissals of keys saved or not (applyDismissals).
 *
 * `guard.seenSeq`: how far the round read this library's change log. A key changed here since
 * (the user typed a note while the round was on the network) is not written: the merged record
 * was built without that change, and writing it would undo it. Such keys go into
 * `guard.deferred`; the round sends the change next time and writes the key then.
 */
export async function applyRemote(
  db: PapershelfDB,
  updates: Map<string, RemotePaper | null>,
  wall: number,
  keyItems: KeyItemWrites = new Map(),
  guard?: RemoteGuard,
): Promise<Map<string, string>> {
  const now = Math.max(Date.now(), wall);
  let skipped = 0;
  let skippedDismissals = 0;
  const dismissalChanges: DismissalChange[] = [];
  const { records } = await write(
    db,
    'remote',
    async (w) => {
      const fresh = guard ? await changedSince(w, guard.seenSeq) : new Set<string>();
      const later = (keys: string[]) => keys.some((k) => fresh.has(k));
      for (const [key, m] of updates) {
        const before = await w.get(key);
        if (fresh.size && later([key, ...(before?.aliases ?? []), ...(m?.paper.aliases ?? [])])) {
          guard!.deferred.add(key);
          continue;
        }
        if (!m) {
          if (before) w.delete(key, before);
          continue;
        }
        const next: Paper = { ...m.paper, updatedAt: before ? Math.max(before.updatedAt, now) : m.paper.updatedAt };
        if (!before || !same(before, next)) w.put(next, before ?? null);
        const highlights = m.itemWrites?.get(HIGHLIGHTS);
        if (highlights?.size) skipped += await applyHighlights(w, next, highlights);
      }
      let items = keyItems;
      if (fresh.size) {
        items = new Map();
        for (const [key, v] of keyItems) {
          if (guard!.deferred.has(key) || fresh.has(key)) guard!.deferred.add(key);
          else items.set(key, v);
        }
      }
      skippedDismissals = await applyDismissals(w, items, dismissalChanges);
    },
    { now, also: [db.highlights, db.dismissals] },
  );
  if (skipped) console.warn(`Sync: ${skipped} highlight(s) from another device were not valid and were skipped`);
  if (skippedDismissals) console.warn(`Sync: ${skippedDismissals} dismissal(s) from another device were not valid and were skipped`);
  if (dismissalChanges.length)
    for (const fn of dismissalListeners) {
      try {
        fn(dismissalChanges);
      } catch (e) {
        console.warn('Papershelf: a listener of synced dismissals failed', e);
      }
    }
  const clocks = new Map<string, string>();
  for (const r of records) if (r.ops.some((o: ChangeOp) => o.op === 'note' || o.op === 'create')) clocks.set(r.key, r.hlc);
  return clocks;
}

/** The port lib/sync's engine runs on. */
export function syncPort(db: PapershelfDB) {
  return {
    deviceId: () => deviceId(db),
    allPapers: () => db.papers.toArray(),
    async allItems() {
      const [highlights, dismissals] = await Promise.all([db.highlights.toArray(), db.dismissals.toArray()]);
      return [
        ...highlights.map((h) => ({ key: h.key, coll: HIGHLIGHTS, id: h.id, value: h })),
        // A dismissal's `at` dates its baseline record: the first upload keeps the order of what was done where.
        ...dismissals.map(({ key, ...value }) => ({ key, coll: DISMISSALS, id: key, value, at: value.at })),
      ];
    },
    async lastSeq(): Promise<number> {
      return (await db.changes.orderBy('seq').last())?.seq ?? 0;
    },
    async changes(after: number, limit: number): Promise<Logged[]> {
      return (await db.changes.where('seq').above(after).limit(limit).toArray()) as Logged[];
    },
    applyRemote: (updates: Map<string, RemotePaper | null>, wall: number, keyItems?: KeyItemWrites, guard?: RemoteGuard) =>
      applyRemote(db, updates, wall, keyItems, guard),
    markShipped: (seq: number) => markShipped(db, seq),
  };
}
