// The seen ledger's storage: a database of its own ('papershelf-seen'), opened only by the
// background (a content script's IndexedDB is the page's). The library's schema versions never
// touch it, and clearing history never touches the library.
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

export const SEEN_DB_NAME = 'papershelf-seen';

export class SeenDB extends Dexie {
  seen!: EntityTable<SeenRecord, 'key'>;
  /**
   * Dismissals, one per key: { key, at, device } is what the sync issue's change log will carry
   * (last `at` wins between devices). An undo deletes the row here; once sync lands it must
   * travel as a change too (a tombstone in the log), not only as this delete.
   */
  dismissed!: EntityTable<DismissRecord, 'key'>;

  constructor(name = SEEN_DB_NAME) {
    super(name);
    this.version(1).stores({ seen: 'key, last, *aliases', dismissed: 'key, at' });
  }
}

let shared: SeenDB | undefined;
export function getSeenDb(): SeenDB {
  shared ??= new SeenDB();
  return shared;
}

/** Writes since the last compaction check: counting 200,000 rows on every batch is waste. */
let writesSinceCheck = 0;
const CHECK_EVERY = 50;

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
    return next.length;
  });
  if (++writesSinceCheck >= CHECK_EVERY || opts.high !== undefined) {
    writesSinceCheck = 0;
    await compact(db, opts.keep, opts.high);
  }
  return written;
}

/** Drops the records seen longest ago once the ledger passes its high-water mark. */
export async function compact(db: SeenDB, keep = LEDGER_KEEP, high = LEDGER_HIGH_WATER): Promise<number> {
  const n = compactionCount(await db.seen.count(), keep, high);
  if (!n) return 0;
  const old = await db.seen.orderBy('last').limit(n).primaryKeys();
  await db.seen.bulkDelete(old);
  return old.length;
}

export interface Lookup {
  /** Keys of the listing seen before (under that key or as an alias of a record). */
  seen: string[];
  dismissed: string[];
}

/** A listing's look-up: one read of the keys, one of the alias index, one of the dismissals. */
export async function lookup(db: SeenDB, keys: string[]): Promise<Lookup> {
  const distinct = [...new Set(keys)];
  return db.transaction('r', db.seen, db.dismissed, async () => {
    const [direct, byAlias, dismissed] = await Promise.all([
      db.seen.bulkGet(distinct),
      db.seen.where('aliases').anyOf(distinct).toArray(),
      dismissedAmong(db, distinct),
    ]);
    const records = [...direct.filter((r): r is SeenRecord => !!r), ...byAlias];
    return { seen: [...seenAmong(distinct, records)], dismissed };
  });
}

/**
 * Dismissals are few next to a listing's keys: one read of their keys (a key cursor) instead of
 * 2,000 point look-ups; past a few thousand dismissals, the look-ups again.
 */
async function dismissedAmong(db: SeenDB, keys: string[]): Promise<string[]> {
  if ((await db.dismissed.count()) <= 5000) {
    const wanted = new Set(keys);
    return (await db.dismissed.toCollection().primaryKeys()).filter((k) => wanted.has(k));
  }
  return (await db.dismissed.bulkGet(keys)).filter((d): d is DismissRecord => !!d).map((d) => d.key);
}

export async function dismiss(db: SeenDB, key: string, device: string, at: number): Promise<void> {
  await db.dismissed.put({ key, at, device });
}

export async function undismiss(db: SeenDB, key: string): Promise<void> {
  await db.dismissed.delete(key);
}

/** Seen since `since`, most recent first. */
export async function recentSeen(db: SeenDB, since: number, limit: number): Promise<SeenRecord[]> {
  return db.seen.where('last').aboveOrEqual(since).reverse().limit(limit).toArray();
}

/** "Clear history": every sighting and every dismissal. */
export async function clearLedger(db: SeenDB): Promise<void> {
  await db.transaction('rw', db.seen, db.dismissed, async () => {
    await db.seen.clear();
    await db.dismissed.clear();
  });
}
