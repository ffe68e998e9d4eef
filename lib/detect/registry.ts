// Every site adapter, in one list. A meta-test checks each is here and has fixtures.
import { arxiv } from './sites/arxiv';
import type { Generic, SiteAdapter } from './types';
import { highwire } from './generic/highwire';

export const adapters: SiteAdapter[] = [arxiv];

/** Page-level standards tried on every page, in order of trust. */
export const generics: Generic[] = [highwire];

export function hostMatches(host: string, hosts: string[]): boolean {
  const h = host.toLowerCase();
  return hosts.some((d) => h === d || h.endsWith('.' + d));
}

export function adaptersFor(url: URL, list: SiteAdapter[] = adapters): SiteAdapter[] {
  return list.filter((a) => hostMatches(url.hostname, a.hosts) && (!a.test || a.test(url)));
}

export function knownHosts(list: SiteAdapter[] = adapters): string[] {
  return [...new Set(list.flatMap((a) => a.hosts))].sort();
}
