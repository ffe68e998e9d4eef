// COinS (ContextObjects in Spans, Z39.88 KEV in a span's title): library catalogues, Wikipedia,
// reference lists. Each span is one paper and its anchor; several spans make a listing.
import { normalizeDoi } from '../../paper/identity';
import { makePaper } from '../../paper/make';
import type { Identifiers, PaperMeta, PaperType } from '../../paper/schema';
import { idsOfLink } from '../dom';
import type { Detection } from '../types';

const genre = (g = ''): PaperType | undefined =>
  /^article$/i.test(g) ? 'journal' : /^(proceeding|conference)$/i.test(g) ? 'conference' : /^preprint$/i.test(g) ? 'preprint' : undefined;

/** One ContextObject (the span's title, HTML entities already decoded) → a paper. */
export function coinsPaper(kev: string, url: URL): PaperMeta | null {
  const q = new URLSearchParams(kev.replace(/&amp;/g, '&'));
  const get = (k: string) => q.get(`rft.${k}`) || undefined;
  const ids: Identifiers = {};
  for (const id of q.getAll('rft_id')) {
    const m = /^info:(doi|arxiv|pmid)\/(.+)$/i.exec(id);
    const kind = m?.[1].toLowerCase();
    if (kind === 'doi' || (!m && /10\.\d{4,9}\//.test(id))) ids.doi ??= normalizeDoi(m?.[2] ?? id) ?? undefined;
    else if (kind === 'arxiv') ids.arxiv ??= m![2];
    else if (kind === 'pmid') ids.pmid ??= m![2];
    else if (/^https?:/i.test(id)) {
      const ax = idsOfLink(id).arxiv;
      if (ax) ids.arxiv ??= ax;
      else ids.url ??= id;
    }
  }
  const au = q.getAll('rft.au');
  const last = get('aulast');
  if (last && !au.some((a) => a.includes(last))) au.unshift([last, get('aufirst') ?? get('auinit')].filter(Boolean).join(', '));
  const atitle = get('atitle');
  const spage = get('spage');
  const epage = get('epage');
  return makePaper(
    {
      ids,
      title: atitle ?? get('title') ?? get('btitle'),
      authors: au,
      date: get('date'),
      venue: get('jtitle') ?? (atitle ? (get('title') ?? get('btitle')) : undefined),
      type: genre(get('genre')),
      source: url.hostname.replace(/^www\./, ''),
      absUrl: ids.url,
      volume: get('volume'),
      number: get('issue'),
      pages: get('pages') ?? (spage ? (epage && epage !== spage ? `${spage}--${epage}` : spage) : undefined),
      publisher: get('pub'),
    },
    url.href,
  );
}

export function coins(doc: Document, url: URL): Detection[] {
  const out: Detection[] = [];
  for (const el of doc.querySelectorAll('span.Z3988')) {
    const paper = el.tagName === 'SPAN' ? coinsPaper(el.getAttribute('title') ?? '', url) : null;
    if (paper) out.push({ paper, anchor: el, placement: 'after' });
  }
  return out;
}
