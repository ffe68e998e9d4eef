// Google Scholar: result pages (`/scholar?…`, div.gs_r) and author profiles (`/citations?user=…`,
// tr.gsc_a_tr, more rows added by "Show more"). Scholar serves older layouts to some users and
// regions for years: results without `gs_or`, the 2009 one (div.g > h3.r, span.a, no gs_* class),
// profile rows whose link is `javascript:void(0)` with the real one in data-href.
import { makePaper } from '../../paper/make';
import { textOf } from '../../paper/text';
import { entries, hrefOf, idsOfLink } from '../dom';
import type { Detection, SiteAdapter } from '../types';
import { qs, qsa } from '../select';

const HOME = 'https://scholar.google.com';
const ENTRY = 'div.gs_r, div.g, tr.gsc_a_tr';
// Kind markers before a title: [CITATION][C], [PDF], [BOOK][B], [HTML]. Not `[18F]…` titles.
const MARKS = /^(?:\[[A-Z]{1,10}\]\s*)+/;
// A trailing ellipsis after the last author means "and others"; a venue's keeps saying it is cut.
const dropEllipsis = (s: string) => s.replace(/\s*(?:…|\.\.\.)$/, '');

/** Scholar's cluster number from a `data-cid` (base64url of the 64-bit id, little-endian). */
export function clusterOf(cid: string): string | undefined {
  try {
    const b = atob(cid.replace(/-/g, '+').replace(/_/g, '/'));
    if (b.length < 8) return undefined;
    let n = 0n;
    for (let i = 7; i >= 0; i--) n = n * 256n + BigInt(b.charCodeAt(i));
    return String(n);
  } catch {
    return undefined;
  }
}

/** `A Author, B Author… - Venue, 2019 - publisher.com` (div.gs_a) → authors, venue, year. */
export function parseByline(s: string): { authors: string[]; venue?: string; year?: number } {
  const parts = s.split(/\s+-\s+/);
  const authors = parts[0]
    .split(/\s*,\s*/)
    .map(dropEllipsis)
    .filter(Boolean);
  const m = /^(.*?)(?:,?\s*\b(\d{4}))?$/.exec(parts[1] ?? '')!;
  const year = m[2] ? Number(m[2]) : undefined;
  // Two parts without a year: the second is the publisher's host, not a venue.
  const venue = parts.length > 2 || year ? m[1] || undefined : undefined;
  return { authors, venue, year };
}

/** A link's target: its data-href when the href is a script (`javascript:void(0)`). */
function targetOf(a: Element | null, url: URL): URL | null {
  const href = hrefOf(a, url);
  if (href && href.protocol !== 'javascript:') return href;
  const data = a?.getAttribute('data-href');
  if (!data) return null;
  try {
    return new URL(data, url);
  } catch {
    return null;
  }
}

function parseResult(el: Element, url: URL): Detection | null {
  const h3 = qs(el, 'h3.gs_rt, h3.r');
  if (!h3) return null;
  const link = qs(h3, 'a[href]');
  const href = targetOf(link, url)?.href;
  // [CITATION] entries have no link: Scholar's own cluster page names them (on a cluster view,
  // every entry is a version of the cluster the page shows).
  const cid = el.getAttribute('data-cid');
  const cluster = (cid && clusterOf(cid)) || (/^\d+$/.test(url.searchParams.get('cluster') ?? '') ? url.searchParams.get('cluster') : undefined);
  const home = cluster ? `${HOME}/scholar?cluster=${cluster}` : cid ? `${HOME}/scholar?q=info:${cid}:scholar.google.com/` : undefined;
  const paper = makePaper(
    {
      ids: { ...idsOfLink(href), url: href ?? home },
      title: textOf(link ?? qs(h3, 'span[id]') ?? h3).replace(MARKS, ''),
      ...parseByline(textOf(qs(el, '.gs_a, span.a'))),
      type: textOf(qs(h3, '.gs_ct1')) === '[BOOK]' ? 'other' : undefined,
      absUrl: href ?? home,
      pdfUrl: hrefOf(qs(el, '.gs_or_ggsm a, .gs_ggsm a'), url)?.href,
      source: 'googlescholar',
    },
    url.href,
  );
  return paper && { paper, anchor: h3, placement: 'append' };
}

function parseRow(tr: Element, url: URL): Detection | null {
  const a = qs(tr, 'a.gsc_a_at');
  const href = targetOf(a, url);
  const id = href?.searchParams.get('citation_for_view');
  if (!a || !href || !id) return null;
  const [who, where] = qsa(tr, '.gs_gray');
  const paper = makePaper(
    {
      ids: { url: `${HOME}/citations?view_op=view_citation&citation_for_view=${encodeURIComponent(id)}` },
      title: textOf(a),
      authors: textOf(who)
        .split(/\s*,\s*/)
        .map(dropEllipsis)
        .filter(Boolean),
      year: textOf(qs(tr, '.gsc_a_y')) || textOf(where),
      venue: textOf(where).replace(/,\s*\d{4}$/, ''),
      absUrl: href.href,
      source: 'googlescholar',
    },
    url.href,
  );
  return paper && { paper, anchor: a, placement: 'after' };
}

const parseEntry = (el: Element, url: URL) => (el.tagName === 'TR' ? parseRow(el, url) : parseResult(el, url));

export const googlescholar: SiteAdapter = {
  id: 'googlescholar',
  name: 'Google Scholar',
  // The country hosts met most; each is listed as a known site in the settings.
  hosts: ['com', 'co.uk', 'de', 'fr', 'es', 'it', 'ca', 'com.au', 'co.jp', 'com.br'].map((cc) => `scholar.google.${cc}`),
  test: (u) => /^\/(scholar|citations)\b/.test(u.pathname),
  examples: [
    'https://scholar.google.com/scholar?hl=en&q=attention+is+all+you+need',
    'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en',
    'https://scholar.google.de/scholar?q=transformer',
  ],
  entrySelector: ENTRY,
  parseEntry,
  detect: (doc, url) => entries(doc, ENTRY, parseEntry, url),
};
