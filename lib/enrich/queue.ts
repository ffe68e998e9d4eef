// The completion queue, persisted in IndexedDB (table `queue`) so that it survives the service
// worker being stopped. Any extension context may enqueue; the background drains it.
import type { EnrichJob, PapershelfDB } from '../library/db';
import { enqueue, REFRESH_MS } from '../library/db';

export { enqueue, REFRESH_MS };

export const BACKOFF = { baseMs: 60_000, maxMs: 6 * 3_600_000, maxAttempts: 10 };

/** Exponential back-off with "equal jitter" (half fixed, half random), at least Retry-After. */
export function backoffDelay(attempts: number, random: () => number, retryAfterMs?: number): number {
  const exp = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** attempts);
  return Math.max(exp / 2 + (random() * exp) / 2, retryAfterMs ?? 0);
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
