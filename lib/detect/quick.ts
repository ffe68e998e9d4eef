// The cheap check run on every page before anything else: most pages hold no paper, and on
// those the content script must stop after a few selector look-ups.
import { mayHoldIds } from './generic/listing';
import { metaMap } from './meta';
import { adaptersFor } from './match';
import type { SiteAdapter } from './types';

/** Meta names (lower-cased, as `metaMap` keys them: sites write `DC.Title`, `dc.title`…). */
const META_SIGNS = ['citation_title', 'dc.title', 'dcterms.title', 'prism.doi', 'dc.identifier'];
const ELEMENT_SIGNS = 'script[type="application/ld+json"], span.Z3988';

type QuickVerdict = 'site' | 'generic' | 'none';

/** The key of the one paper the URL names on a known site not disabled (see keyAtUrl). */
export function keyAtUrl(url: URL, opts: { disabled?: string[]; adapters: SiteAdapter[] }): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const disabled = new Set(opts.disabled ?? []);
  for (const a of adaptersFor(url, opts.adapters)) {
    const key = disabled.has(a.id) ? undefined : a.keyAtUrl?.(url);
    if (key) return key;
  }
  return undefined;
}

export function quickCheck(doc: Document, url: URL, opts: { detectOn: 'all' | 'known'; disabled?: string[]; adapters: SiteAdapter[] }): QuickVerdict {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'none';
  const disabled = new Set(opts.disabled ?? []);
  if (adaptersFor(url, opts.adapters).some((a) => !disabled.has(a.id))) return 'site';
  if (opts.detectOn === 'known' || disabled.has('generic')) return 'none';
  const meta = metaMap(doc);
  if (META_SIGNS.some((n) => meta.has(n)) || doc.querySelector(ELEMENT_SIGNS)) return 'generic';
  // What the last-resort generic (canonical.ts) reads.
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  if (/10\.\d{4,9}\/|arxiv\.org\/(abs|pdf|html)\//i.test(canonical + ' ' + (meta.get('og:url')?.[0] ?? ''))) return 'generic';
  // What the thin-article and listing layers read (generic/article.ts, generic/listing.ts).
  return doc.querySelector('meta[id="DOI" i]') || mayHoldIds(doc) ? 'generic' : 'none';
}
