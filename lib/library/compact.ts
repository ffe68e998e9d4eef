// Keeps the change log bounded. The papers table is the library's state; the log is only what
// other devices have not received yet (sync ships it) plus a recent history. Records are
// dropped oldest first, never one that sync still has to ship (`meta` row 'shipped': the last
// seq a sync run has uploaded; absent while sync has never run — then nothing needs shipping
// but the log keeps its last `keep` records anyway, for a first sync that starts from a
// snapshot of the papers plus what came after).
import type { PapershelfDB } from '../db/database';

export const LOG_KEEP = 20_000;

export interface CompactResult {
  removed: number;
  kept: number;
}

/** The last seq that sync has uploaded, or undefined when sync keeps nothing pending. */
async function shippedThrough(db: PapershelfDB): Promise<number | undefined> {
  const row = await db.meta.get('shipped');
  return typeof row?.value === 'number' ? row.value : undefined;
}

/**
 * Sets the seq through which this device's changes have been uploaded (sync). From then on the
 * log keeps every record sync has not shipped yet.
 */
export async function markShipped(db: PapershelfDB, seq: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const cur = await shippedThrough(db);
    if (cur === undefined || seq > cur) await db.meta.put({ id: 'shipped', value: seq });
    await db.meta.put({ id: 'sync', value: true });
  });
}

/** Sync was disconnected: the log goes back to keeping only its newest records. */
export async function stopShipping(db: PapershelfDB): Promise<void> {
  await db.transaction('rw', db.meta, () => db.meta.bulkDelete(['sync', 'shipped']));
}

/** Drops the oldest records past `keep`, but none after `pending` (the first seq sync still has to ship). */
export async function compactChanges(db: PapershelfDB, keep = LOG_KEEP): Promise<CompactResult> {
  return db.transaction('rw', db.changes, db.meta, async () => {
    const total = await db.changes.count();
    if (total <= keep) return { removed: 0, kept: total };
    const [syncing, shipped] = await Promise.all([db.meta.get('sync'), shippedThrough(db)]);
    // The seq of the oldest record to keep by count.
    const byCount = await db.changes
      .orderBy('seq')
      .offset(total - keep)
      .first();
    let limit = byCount?.seq ?? Infinity;
    // With sync set up, nothing it has not shipped goes.
    if (syncing?.value) limit = Math.min(limit, (shipped ?? 0) + 1);
    const removed = await db.changes.where('seq').below(limit).delete();
    return { removed, kept: total - removed };
  });
}
