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
import { detectWith, type RunOptions, type RunResult } from './engine';
import { fallbacks, siteFallbacks, standards } from './generic';
import { hostMatches, adaptersFor as matchAdapters } from './match';
import type { SiteAdapter } from './types';

export const adapters: SiteAdapter[] = [
  acl, acm, alphaxiv, arxiv, biorxiv, cvf, dblp, googlescholar, huggingface, ieee,
  nature, neurips, openreview, pmlr, pubmed, sciencedirect, semanticscholar, springer, wiley,
];


export function adaptersFor(url: URL, list: SiteAdapter[] = adapters): SiteAdapter[] {
  return matchAdapters(url, list);
}

export function knownHosts(list: SiteAdapter[] = adapters): string[] {
  return [...new Set(list.flatMap((a) => a.hosts))].sort();
}

export type RunAllOptions = Partial<RunOptions>;

/**
 * Detection with every registered adapter (tests, benchmarks, tools), with the fallbacks the
 * page's content script has: a known site's script the site fallbacks, the generic script all.
 * Content scripts call the engine with their own site's adapter instead, to stay small.
 */
export function runDetection(doc: Document, url: URL, opts: RunAllOptions = {}): RunResult {
  const list = opts.adapters ?? adapters;
  const known = list.some((a) => hostMatches(url.hostname, a.hosts));
  return detectWith(doc, url, { generics: standards, fallbacks: known ? siteFallbacks : fallbacks, ...opts, adapters: list });
}
