// One pass over the due jobs of the completion queue: arXiv in batches, the other services per
// paper, every request paced, timed out and cached; failures worth retrying are rescheduled.
import type { PapershelfDB } from '../library/db';
import { findSaved } from '../library/db';
import type { Paper } from '../paper/schema';
import { fetchArxiv, type ArxivEntry } from './arxiv';
import { LookupError, pruneCache, withCache, withPacing, withTimeout, type FetchFn } from './http';
import { API_BASES, lookupPaper, type ApiBases } from './lookup';
import { dueJobs, finish, retryLater } from './queue';
import { writeCompletions } from './write';

export const TIMEOUT_MS = 10_000;
export const CACHE_TTL_MS = 7 * 86_400_000;
/** arXiv asks for 3 s between requests; Semantic Scholar's shared unauthenticated pool ~1/s. */
const PACING: Record<string, number> = {
  'export.arxiv.org': 3000,
  'api.semanticscholar.org': 1100,
  'api.crossref.org': 200,
  'api2.openreview.net': 500,
};

export interface EnrichEnv {
  db: PapershelfDB;
  fetch: FetchFn;
  now(): number;
  random(): number;
  sleep(ms: number): Promise<void>;
  /** Tells every tab which keys changed (lib/messaging/changes announceChange). */
  announce(keys: string[]): Promise<void>;
  bases?: ApiBases;
}

/** Runs the jobs due now (at most `limit`); returns how many it took. */
export async function drain(env: EnrichEnv, limit = 50): Promise<number> {
  const { db } = env;
  const now = env.now();
  const jobs = await dueJobs(db, now, limit);
  if (!jobs.length) return 0;
  const bases = env.bases ?? API_BASES;
  const f = withCache(withPacing(withTimeout(env.fetch, TIMEOUT_MS), PACING, env.now, env.sleep), db, CACHE_TTL_MS, env.now);
  await pruneCache(db, CACHE_TTL_MS, now);

  const papers = new Map<string, Paper>();
  for (const job of jobs) {
    const p = await findSaved(db, [job.key]);
    if (p) papers.set(job.key, p);
    else await finish(db, job.key, now); // removed meanwhile
  }
  const arxivIds = [...new Set([...papers.values()].flatMap((p) => (p.ids.arxiv ? [p.ids.arxiv] : [])))];
  let arxiv = new Map<string, ArxivEntry>();
  let arxivFailure: LookupError | undefined;
  try {
    arxiv = await fetchArxiv(f, arxivIds, bases.arxiv);
  } catch (e) {
    if (!(e instanceof LookupError)) throw e;
    if (e.retryable) arxivFailure = e;
  }
  for (const job of jobs) {
    const p = papers.get(job.key);
    if (!p) continue;
    try {
      const { completions, failure } = await lookupPaper(p, p.ids.arxiv ? arxiv.get(p.ids.arxiv) : undefined, f, bases);
      // What did arrive is written now; the rest is asked again later.
      const changed = await writeCompletions(db, job.key, completions, env.now());
      if (changed.length) await env.announce(changed);
      const retry = failure ?? (p.ids.arxiv ? arxivFailure : undefined);
      if (retry) await retryLater(db, job, env.now(), env.random, retry.retryAfterMs);
      else await finish(db, job.key, env.now());
    } catch (e) {
      // An unexpected failure (a bug, a database error) must not block the queue: back off, give up.
      console.warn('Papershelf: completion of', job.key, 'failed', e);
      await retryLater(db, job, env.now(), env.random);
    }
  }
  return jobs.length;
}
