// Test helpers: recorded API responses (tests/fixtures/api) and a fetch that serves them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchFn } from '../../lib/enrich/http';

export const recorded = (...path: string[]) => readFileSync(join(import.meta.dirname, '../fixtures/api', ...path), 'utf8');

export type Answer = Response | (() => Response | Promise<Response>);

/** A fetch answering by URL prefix (first match wins); anything else fails as offline would. */
export function fakeFetch(routes: [prefix: string, answer: Answer][]): FetchFn & { calls: string[] } {
  const calls: string[] = [];
  const f = async (url: string) => {
    calls.push(url);
    const hit = routes.find(([p]) => url.startsWith(p));
    if (!hit) throw new TypeError('Failed to fetch');
    const a = hit[1];
    return typeof a === 'function' ? a() : a.clone();
  };
  return Object.assign(f, { calls });
}

export const ok = (body: string) => () => new Response(body, { status: 200 });
export const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new Response(code === 404 ? null : 'error', { status: code, headers });
