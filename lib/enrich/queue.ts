// The completion queue, persisted in IndexedDB (table `queue`) so that it survives the service
// worker being stopped. Any extension context may enqueue; the background drains it.
import type { EnrichJob, PapershelfDB } from '../db/database';

export const BACKOFF = { baseMs: 60_000, maxMs: 6 * 3_600_000, maxAttempts: 10 };
/** A preprint is looked up again after this long: it may have been published meanwhile. */
export const REFRESH_MS = 30 * 86_400_000;

/** Exponential back-off with "equal jitter" (half fixed, half random), at least Retry-After. */
export function backoffDelay(attempts: number, random: () => number, retryAfterMs?: number): number {
  const exp = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** attempts);
  return Math.max(exp / 2 + (random() * exp) / 2, retryAfterMs ?? 0);
}

/**
 * Queues papers for completion. A paper already queued keeps its schedule (and back-off); one
 * completed recently is not asked about again — the response cache would answer anyway.
 * `known`: queue rows already read in this transaction (absent rows as undefined).
 */
export async function enqueue(db: PapershelfDB, keys: string[], now: number, refreshMs = REFRESH_MS, known?: Map<string, EnrichJob | undefined>): Promise<string[]> {
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

export function dueJobs(db: PapershelfDB, now: number, limit: number): Promise<EnrichJob[]> {
  return db.queue.where('due').belowOrEqual(now).limit(limit).toArray();
}

/** Done rows stay (without `due`) so that a paper is not looked up again at every save. */
export async function finish(db: PapershelfDB, key: string, now: number): Promise<void> {
  await db.queue.put({ key, attempts: 0, doneAt: now });
}

/** Schedules another attempt; after BACKOFF.maxAttempts the paper is left as it is. */
export async function retryLater(db: PapershelfDB, job: EnrichJob, now: number, random: () => number, retryAfterMs?: number): Promise<void> {
  const attempts = job.attempts + 1;
  if (attempts >= BACKOFF.maxAttempts) return finish(db, job.key, now);
  await db.queue.put({ key: job.key, attempts, due: now + backoffDelay(job.attempts, random, retryAfterMs) });
}

/** When the next job is due, if any (for the alarm that wakes the service worker). */
export async function nextDue(db: PapershelfDB): Promise<number | undefined> {
  return (await db.queue.orderBy('due').first())?.due;
}

/** Papers saved before completion existed, or still missing authors or year, get queued once. */
export async function enqueueIncomplete(db: PapershelfDB, now: number): Promise<string[]> {
  const known = new Set(await db.queue.toCollection().primaryKeys());
  const missing = await db.papers.filter((p) => !known.has(p.key) && (!p.authors.length || !p.year || (!p.venue && !!p.ids.arxiv))).primaryKeys();
  return missing.length ? enqueue(db, missing, now) : [];
}
