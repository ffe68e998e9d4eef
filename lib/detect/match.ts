// Which adapters handle a URL. Kept apart from the registry so that a content script built for
// one site bundles that site's adapter only.
import type { SiteAdapter } from './types';

export function hostMatches(host: string, hosts: string[]): boolean {
  const h = host.toLowerCase();
  return hosts.some((d) => h === d || h.endsWith('.' + d));
}

export function adaptersFor(url: URL, list: SiteAdapter[]): SiteAdapter[] {
  return list.filter((a) => hostMatches(url.hostname, a.hosts) && (!a.test || a.test(url)));
}

/** Match patterns (`*://*.host/*` also matches the bare host) for a set of adapters. */
export function matchPatterns(list: SiteAdapter[]): string[] {
  return [...new Set(list.flatMap((a) => a.hosts))].sort().map((h) => `*://*.${h}/*`);
}
