// The cheap check run on every page before anything else: most pages hold no paper, and on
// those the content script must stop after a few selector look-ups.
import { adaptersFor } from './registry';
import type { SiteAdapter } from './types';

const GENERIC_SIGNS = [
  'meta[name="citation_title" i]',
  'meta[name="dc.title" i]',
  'meta[name="dcterms.title" i]',
  'meta[name="prism.doi" i]',
  'meta[name="dc.identifier" i]',
  'script[type="application/ld+json"]',
  'span.Z3988',
].join(',');

export type QuickVerdict = 'site' | 'generic' | 'none';

export function quickCheck(doc: Document, url: URL, opts: { detectOn: 'all' | 'known'; disabled?: string[]; adapters?: SiteAdapter[] }): QuickVerdict {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'none';
  const disabled = new Set(opts.disabled ?? []);
  if (adaptersFor(url, opts.adapters).some((a) => !disabled.has(a.id))) return 'site';
  if (opts.detectOn === 'known' || disabled.has('generic')) return 'none';
  if (doc.querySelector(GENERIC_SIGNS)) return 'generic';
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '';
  return /10\.\d{4,9}\/|arxiv\.org\/abs\//i.test(canonical + ' ' + og) ? 'generic' : 'none';
}
