// Every site adapter, in one list. A meta-test checks each is here and has fixtures.
import { acl } from './sites/acl';
import { alphaxiv } from './sites/alphaxiv';
import { arxiv } from './sites/arxiv';
import { biorxiv } from './sites/biorxiv';
import { cvf } from './sites/cvf';
import { dblp } from './sites/dblp';
import { googlescholar } from './sites/googlescholar';
import { huggingface } from './sites/huggingface';
import { neurips } from './sites/neurips';
import { openreview } from './sites/openreview';
import { pmlr } from './sites/pmlr';
import { pubmed } from './sites/pubmed';
import { semanticscholar } from './sites/semanticscholar';
import { acm } from './sites/acm';
import { ieee } from './sites/ieee';
import { nature } from './sites/nature';
import { sciencedirect } from './sites/sciencedirect';
import { springer } from './sites/springer';
import { wiley } from './sites/wiley';
import type { Generic, SiteAdapter } from './types';
import { canonical } from './generic/canonical';
import { coins } from './generic/coins';
import { dublincore } from './generic/dublincore';
import { highwire } from './generic/highwire';
import { jsonld } from './generic/jsonld';

export const adapters: SiteAdapter[] = [acl, alphaxiv, arxiv, biorxiv, cvf, dblp, googlescholar, huggingface, neurips, openreview, pmlr, pubmed, semanticscholar, acm, ieee, nature, sciencedirect, springer, wiley];

/** Page-level standards tried on every page, in order of trust. */
export const generics: Generic[] = [highwire, dublincore, jsonld, coins, canonical];

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
