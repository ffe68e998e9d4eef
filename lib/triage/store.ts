// The seen ledger's storage: a database of its own ('papershelf-seen'), opened only by the
// background (a content script's IndexedDB is the page's). The library's schema versions never
// touch it. Dismissals are no longer here: they are library writes (lib/library/dismissals.ts),
// so that sync carries them; the old `dismissed` table is read once to move them (./migrate.ts).
import { Dexie, type EntityTable } from 'dexie';
import {
  applyBatch,
  compactionCount,
  LEDGER_HIGH_WATER,
  LEDGER_KEEP,
  seenAmong,
  type DismissRecord,
  type SeenEvent,
  type SeenRecord,
} from './ledger';
import { KeyIndex } from './keyindex';

export const SEEN_DB_NAME = 'papershelf-seen';

export class SeenDB extends Dexie {
  seen!: EntityTable<SeenRecord, 'key'>;
  /** Dismissals as they were kept before they moved to the library: emptied by ./migrate.ts. */
  dismissed!: EntityTable<DismissRecord, 'key'>;
  /** The key index's last snapshot (./keyindex.ts), one row: absent means "rebuild from `seen`". */
  snapshot!: EntityTable<KeySnapshot, 'id'>;

  constructor(name = SEEN_DB_NAME) {
    super(name);
    this.version(1).stores({ seen: 'key, last, *aliases', dismissed: 'key, at' });
    // 2: the key index's snapshot. A ledger of version 1 has none and gets its index rebuilt.
    this.version(2).stores({ snapshot: 'id' });
  }
}

export interface KeySnapshot {
  id: 'keys';
  hashes: Float64Array;
  /** When it was taken: records seen since (their `last`) are added when it is loaded. */
  at: number;
}

let shared: SeenDB | undefined;
export function getSeenDb(): SeenDB {
  shared ??= new SeenDB();
  return shared;
}

/** Writes since the last compaction check: counting 200,000 rows on every batch is waste. */
let writesSinceCheck = 0;
const CHECK_EVERY = 50;

/**
 * The key index of each open ledger, kept in step with its `seen` table by this module (the only
 * writer): sightings add their keys, compaction rebuilds it, clearing empties it. Its snapshot is
 * written a few seconds after the last change; a service worker stopped before that loses
 * nothing, since loading a snapshot adds the records seen since it was taken (by `last`).
 */
interface IndexState {
  index?: KeyIndex;
  loading?: Promise<void>;
  /** Whether the load under way has a snapshot (a quick load) or rebuilds from the table (seconds). */
  fromSnapshot?: Promise<boolean>;
  /** Keys written while the index loads, added once it is there. */
  waiting: string[];
  saveTimer?: ReturnType<typeof setTimeout>;
  /** Bumped by compaction and clearing: a load or rebuild begun before is thrown away. */
  generation: number;
}
const indexes = new WeakMap<SeenDB, IndexState>();
export const SNAPSHOT_DELAY_MS = 5000;
/** Sightings are stamped by this background's clock; the margin covers a write not yet in memory. */
const CATCH_UP_MARGIN_MS = 60_000;
const REBUILD_PAGE = 10_000;

const stateOf = (db: SeenDB): IndexState => {
  let s = indexes.get(db);
  if (!s) indexes.set(db, (s = { waiting: [], generation: 0 }));
  return s;
};

const keysOf = (r: SeenRecord) => [r.key, ...r.aliases];

/** The ledger's key index: loaded from its snapshot (with a catch-up) or rebuilt from the table. */
export async function keyIndex(db: SeenDB): Promise<KeyIndex> {
  const s = stateOf(db);
  while (!s.index) {
    if (!s.loading) {
      let told: (v: boolean) => void = () => {};
      s.fromSnapshot = new Promise<boolean>((r) => (told = r));
      s.loading = loadIndex(db, s, told).finally(() => {
        s.loading = undefined;
        told(false);
      });
    }
    await s.loading;
  }
  return s.index;
}

/** The index if it is in memory or comes from a snapshot; undefined while it is rebuilt from the table. */
async function indexOrRebuilding(db: SeenDB): Promise<KeyIndex | undefined> {
  const s = stateOf(db);
  if (s.index) return s.index;
  const ready = keyIndex(db);
  if (await s.fromSnapshot) return ready;
  ready.catch(() => {});
  return s.index;
}

async function loadIndex(db: SeenDB, s: IndexState, fromSnapshot: (yes: boolean) => void): Promise<void> {
  const gen = s.generation;
  const index = new KeyIndex();
  const snap = await db.snapshot.get('keys');
  fromSnapshot(!!snap);
  if (snap) {
    const loaded = new KeyIndex(snap.hashes);
    for (const r of await db.seen
      .where('last')
      .aboveOrEqual(snap.at - CATCH_UP_MARGIN_MS)
      .toArray())
      for (const k of keysOf(r)) loaded.add(k);
    if (gen === s.generation) s.index = loaded;
  } else {
    let page = await db.seen.limit(REBUILD_PAGE).toArray();
    while (page.length) {
      for (const r of page) for (const k of keysOf(r)) index.add(k);
      if (gen !== s.generation) return;
      page = await db.seen
        .where(':id')
        .above(page[page.length - 1].key)
        .limit(REBUILD_PAGE)
        .toArray();
    }
    if (gen !== s.generation) return;
    s.index = index;
    scheduleSnapshot(db, s, 0);
  }
  if (!s.index) return;
  for (const k of s.waiting) s.index.add(k);
  s.waiting = [];
}

function indexKeys(db: SeenDB, keys: string[]): void {
  const s = stateOf(db);
  if (s.index) for (const k of keys) s.index.add(k);
  else if (s.loading) s.waiting.push(...keys);
  // Neither: no index in memory yet; the next load reads these records from the table.
  if (s.index) scheduleSnapshot(db, s, SNAPSHOT_DELAY_MS);
}

function scheduleSnapshot(db: SeenDB, s: IndexState, ms: number): void {
  if (s.saveTimer !== undefined) return;
  // A snapshot that cannot be written is taken again after the next change (nothing is lost).
  s.saveTimer = setTimeout(() => void saveSnapshot(db).catch(() => {}), ms);
}

/** Writes the key index's snapshot now (also what the timer does). */
export async function saveSnapshot(db: SeenDB): Promise<void> {
  const s = stateOf(db);
  if (s.saveTimer !== undefined) clearTimeout(s.saveTimer);
  s.saveTimer = undefined;
  if (!s.index || !db.isOpen()) return;
  const at = Date.now();
  await db.snapshot.put({ id: 'keys', hashes: s.index.snapshot(), at });
}

/**
 * Forgets the index and its snapshot, after records were deleted: the next look-up rebuilds it
 * from the table. The snapshot goes first, so that no load begun after this reads it.
 */
async function dropIndex(db: SeenDB): Promise<void> {
  const s = stateOf(db);
  if (s.saveTimer !== undefined) clearTimeout(s.saveTimer);
  s.saveTimer = undefined;
  await db.snapshot.delete('keys');
  s.generation++;
  s.index = undefined;
  s.waiting = [];
}

/** Records a batch of sightings in one transaction (one record per key). */
export async function recordSightings(db: SeenDB, events: SeenEvent[], opts: { keep?: number; high?: number } = {}): Promise<number> {
  if (!events.length) return 0;
  const keys = [...new Set(events.map((e) => e.key))];
  const written = await db.transaction('rw', db.seen, async () => {
    const rows = await db.seen.bulkGet(keys);
    const prev = new Map<string, SeenRecord>();
    rows.forEach((r) => r && prev.set(r.key, r));
    const next = applyBatch(prev, events);
    await db.seen.bulkPut(next);
    return next;
  });
  indexKeys(db, written.flatMap(keysOf));
  if (++writesSinceCheck >= CHECK_EVERY || opts.high !== undefined) {
    writesSinceCheck = 0;
    await compact(db, opts.keep, opts.high);
  }
  return written.length;
}

/** Drops the records seen longest ago once the ledger passes its high-water mark. */
export async function compact(db: SeenDB, keep = LEDGER_KEEP, high = LEDGER_HIGH_WATER): Promise<number> {
  const n = compactionCount(await db.seen.count(), keep, high);
  if (!n) return 0;
  const old = await db.seen.orderBy('last').limit(n).primaryKeys();
  await db.seen.bulkDelete(old);
  // Hashes cannot be taken out one by one (an alias may be another record's too): a rebuild.
  await dropIndex(db);
  keyIndex(db).catch(() => {});
  return old.length;
}

export interface Lookup {
  /** Keys of the listing seen before (under that key or as an alias of a record). */
  seen: string[];
}

/**
 * A listing's look-up: the key index in memory. While the index is rebuilt from the table (a
 * ledger of version 1, after compaction or clearing: seconds for 200,000 records), the table
 * answers instead. (Its dismissals are the library's: lib/library/dismissals.ts.)
 */
export async function lookup(db: SeenDB, keys: string[]): Promise<Lookup> {
  const distinct = [...new Set(keys)];
  const index = await indexOrRebuilding(db);
  if (!index) return lookupFromTables(db, distinct);
  return { seen: distinct.filter((k) => index.has(k)) };
}

/** The same look-up from the table (what the key index answers without reading it). */
export async function lookupFromTables(db: SeenDB, keys: string[]): Promise<Lookup> {
  const distinct = [...new Set(keys)];
  return db.transaction('r', db.seen, async () => {
    const [direct, byAlias] = await Promise.all([db.seen.bulkGet(distinct), db.seen.where('aliases').anyOf(distinct).toArray()]);
    const records = [...direct.filter((r): r is SeenRecord => !!r), ...byAlias];
    return { seen: [...seenAmong(distinct, records)] };
  });
}

/** Seen since `since`, most recent first. */
export async function recentSeen(db: SeenDB, since: number, limit: number): Promise<SeenRecord[]> {
  return db.seen.where('last').aboveOrEqual(since).reverse().limit(limit).toArray();
}

/** "Clear history" of the ledger: every sighting (the dismissals are the library's to undo). */
export async function clearLedger(db: SeenDB): Promise<void> {
  await db.transaction('rw', db.seen, db.dismissed, async () => {
    await db.seen.clear();
    await db.dismissed.clear();
  });
  await dropIndex(db);
}
