// Pages that show one paper by their URL alone: there the highlight chunk is a content script of
// its own (wxt.config.ts adds it to the manifest with these patterns), in the page from
// document_start instead of a dynamic import that waits for the page's parse and first layout;
// on arXiv it also asks for the paper's highlights at once. Every other page still loads the
// chunk only once detection has found exactly one paper (lib/content/highlights.ts).
import { arxivIdFromUrl, canonicalKey } from '../paper/identity';

/** Match patterns of single-paper pages: arXiv's abstracts and HTML renderings (ar5iv too), PMC articles. */
export const PAPER_PAGE_MATCHES = [
  '*://*.arxiv.org/abs/*',
  '*://*.arxiv.org/html/*',
  '*://pmc.ncbi.nlm.nih.gov/articles/PMC*',
  '*://www.ncbi.nlm.nih.gov/pmc/articles/PMC*',
];

/**
 * The key of the paper an arXiv abstract or HTML page shows (what the arXiv adapter's keyAtUrl
 * says, without bundling the adapter) and the site (whose switch in the settings applies);
 * undefined elsewhere. Detection still decides whether the
 * highlights asked for with it are drawn.
 */
export function paperAtUrl(url: URL): { key: string; site: 'arxiv' } | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase();
  if (host !== 'arxiv.org' && !host.endsWith('.arxiv.org')) return undefined;
  if (!/^\/(abs|html)\//.test(url.pathname)) return undefined;
  const a = arxivIdFromUrl(url.href);
  const key = a && canonicalKey({ arxiv: a.id });
  return key ? { key, site: 'arxiv' } : undefined;
}
