// The network layer of metadata completion: one error type that says whether to retry,
// timeouts, a response cache by URL and per-host pacing. Everything takes its environment
// (fetch, clock, sleep, database) as parameters so the queue can be tested without a network.
import type { PapershelfDB } from '../library/db';

export type FetchFn = (url: string, init?: RequestInit) => Promise<Response>;

/** A lookup that failed. `retryable`: offline, timeout, 429, 5xx — try again later. */
export class LookupError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** `Retry-After` is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** GET `url` → its body; null when the service does not know the paper (404). */
export async function getText(fetchFn: FetchFn, url: string, accept: string, now = Date.now()): Promise<string | null> {
  let res: Response;
  try {
    res = await fetchFn(url, { headers: { accept } });
  } catch (e) {
    throw new LookupError(`${url}: ${e instanceof Error ? e.message : String(e)}`, true);
  }
  if (res.status === 404) return null;
  if (res.status === 429 || res.status >= 500)
    throw new LookupError(`${url}: HTTP ${res.status}`, true, retryAfterMs(res.headers.get('retry-after'), now));
  if (!res.ok) throw new LookupError(`${url}: HTTP ${res.status}`, false);
  try {
    return await res.text();
  } catch (e) {
    throw new LookupError(`${url}: body: ${e instanceof Error ? e.message : String(e)}`, true);
  }
}

/** Statuses whose Response must have no body (the constructor throws otherwise). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** Aborts a request (body included) that takes longer than `ms`. */
export function withTimeout(fetchFn: FetchFn, ms: number): FetchFn {
  return async (url, init) => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(new Error(`timed out after ${ms} ms`)), ms);
    try {
      const res = await fetchFn(url, { ...init, signal: ctrl.signal });
      // Read the body under the same deadline: a server can stall after the headers.
      const body = await res.text();
      return new Response(NULL_BODY.has(res.status) ? null : body, { status: res.status, headers: res.headers });
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Serves 200 and 404 answers younger than `ttlMs` from the database's cache table. */
export function withCache(fetchFn: FetchFn, db: PapershelfDB, ttlMs: number, now: () => number): FetchFn {
  return async (url, init) => {
    const hit = await db.cache.get(url);
    if (hit && now() - hit.at < ttlMs) return new Response(hit.status === 404 ? null : hit.body, { status: hit.status ?? 200 });
    const res = await fetchFn(url, init);
    if (res.status !== 200 && res.status !== 404) return res;
    const body = await res.text();
    await db.cache.put({ url, at: now(), body, status: res.status });
    return new Response(res.status === 404 ? null : body, { status: res.status, headers: res.headers });
  };
}

export async function pruneCache(db: PapershelfDB, ttlMs: number, now: number): Promise<void> {
  await db.cache
    .where('at')
    .below(now - ttlMs)
    .delete();
}

/** Spaces requests to one host at least `intervalMs` apart (arXiv asks for 3 s). */
export function withPacing(fetchFn: FetchFn, intervals: Record<string, number>, now: () => number, sleep: (ms: number) => Promise<void>): FetchFn {
  const last = new Map<string, number>();
  return async (url, init) => {
    const host = new URL(url).host;
    const gap = intervals[host] ?? 0;
    const wait = (last.get(host) ?? -Infinity) + gap - now();
    if (wait > 0) await sleep(wait);
    last.set(host, now());
    return fetchFn(url, init);
  };
}
