// The completion queue's rows for newly saved papers: written by the library's save, in the
// save's own transaction (lib/enrich drains the queue; see lib/enrich/queue.ts).
import type { EnrichJob, PapershelfDB } from './database';

/** A preprint is looked up again after this long: it may have been published meanwhile. */
export const REFRESH_MS = 30 * 86_400_000;

/**
 * Queues papers for completion. A paper already queued keeps its schedule (and back-off); one
 * completed recently is not asked about again — the response cache would answer anyway.
 * `known`: queue rows already read in this transaction (absent rows as undefined).
 */
export async function enqueue(
  db: PapershelfDB,
  keys: string[],
  now: number,
  refreshMs = REFRESH_MS,
  known?: Map<string, EnrichJob | undefined>,
): Promise<string[]> {
  return db.transaction('rw', db.queue, async () => {
    const unread = known ? keys.filter((k) => !known.has(k)) : keys;
    const read = unread.length ? await db.queue.bulkGet(unread) : [];
    const rows = new Map(known);
    unread.forEach((k, i) => rows.set(k, read[i]));
    const fresh = keys.filter((k) => {
      const r = rows.get(k);
      return !r || (r.due === undefined && now - (r.doneAt ?? 0) >= refreshMs);
    });
    await db.queue.bulkPut([...new Set(fresh)].map((key) => ({ key, due: now, attempts: 0 })));
    return fresh;
  });
}
