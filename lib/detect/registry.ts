// Every site adapter: each file of sites/ exports one, under its file's name (registry.test.ts
// checks it; the content scripts are generated from the same files, see lib/content/siteScripts.ts).
import { detectWith, type RunOptions, type RunResult } from './engine';
import { fallbacks, siteFallbacks, standards } from './generic';
import { hostMatches, adaptersFor as matchAdapters } from './match';
import type { SiteAdapter } from './types';

const modules = import.meta.glob<Record<string, SiteAdapter>>(['./sites/*.ts', '!./sites/*.test.ts'], { eager: true });

export const adapters: SiteAdapter[] = Object.entries(modules)
  .map(([path, mod]) => mod[path.replace(/^.*\/|\.ts$/g, '')])
  .filter(Boolean)
  .sort((a, b) => a.id.localeCompare(b.id));

export function adaptersFor(url: URL, list: SiteAdapter[] = adapters): SiteAdapter[] {
  return matchAdapters(url, list);
}

/**
 * Detection with every registered adapter (tests, benchmarks, tools), with the fallbacks the
 * page's content script has: a known site's script the site fallbacks, the generic script all.
 * Content scripts call the engine with their own site's adapter instead, to stay small.
 */
export function runDetection(doc: Document, url: URL, opts: Partial<RunOptions> = {}): RunResult {
  const list = opts.adapters ?? adapters;
  const known = list.some((a) => hostMatches(url.hostname, a.hosts));
  return detectWith(doc, url, { generics: standards, fallbacks: known ? siteFallbacks : fallbacks, ...opts, adapters: list });
}
