// The cheap check run on every page before anything else: most pages hold no paper, and on
// those the content script must stop after a few selector look-ups.
import { mayHoldIds } from './generic/listing';
import { adaptersFor } from './match';
import type { SiteAdapter } from './types';

/** Meta names (lower-cased, as `metaMap` keys them: sites write `DC.Title`, `dc.title`…). */
const META_SIGNS = new Set(['citation_title', 'dc.title', 'dcterms.title', 'prism.doi', 'dc.identifier']);

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

type QuickOpts = { detectOn: 'all' | 'known'; disabled?: string[]; adapters: SiteAdapter[] };

export function quickCheck(doc: Document, url: URL, opts: QuickOpts): QuickVerdict {
  const signs = quickSigns(doc, url, opts);
  if (signs !== undefined) return signs;
  // What the thin-article and listing layers read (generic/article.ts, generic/listing.ts).
  return mayHoldIds(doc) ? 'generic' : 'none';
}

/**
 * The check without the listing layer's pre-check: a verdict from the URL, the meta tags and the
 * page's structured data, or undefined when only `mayHoldIds` can tell (exported for the bench,
 * which times what the layer adds to the check).
 */
export function quickSigns(doc: Document, url: URL, opts: QuickOpts): QuickVerdict | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'none';
  const disabled = new Set(opts.disabled ?? []);
  if (adaptersFor(url, opts.adapters).some((a) => !disabled.has(a.id))) return 'site';
  if (opts.detectOn === 'known' || disabled.has('generic')) return 'none';
  // One pass over the meta tags, keyed as `metaMap` keys them (without building the map: most
  // pages stop here). `meta[id="DOI"]` is what the thin-article layer reads (generic/article.ts).
  let ogUrl: string | undefined;
  for (const m of doc.querySelectorAll('meta')) {
    if (m.getAttribute('id')?.toLowerCase() === 'doi') return 'generic';
    const content = m.getAttribute('content');
    if (content == null) continue;
    const name = (m.getAttribute('name') ?? m.getAttribute('property') ?? '').trim().toLowerCase();
    if (META_SIGNS.has(name)) return 'generic';
    if (name === 'og:url') ogUrl ??= content;
  }
  // Single selectors, each one pass that compares tag names (a selector list is matched in full
  // on every element: two to four times the cost on a long page).
  if (doc.querySelector('script[type="application/ld+json"]') || doc.querySelector('span.Z3988')) return 'generic';
  // What the last-resort generic (canonical.ts) reads.
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  if (/10\.\d{4,9}\/|arxiv\.org\/(abs|pdf|html)\//i.test(canonical + ' ' + (ogUrl ?? ''))) return 'generic';
  return undefined;
}
