// A paper from a link's URL alone (context menu "Save link to Papershelf"). Chrome gives the
// background the link's URL but not its text, so the title is a placeholder naming the id;
// metadata completion replaces it later (placeholder titles are never marked as edited).
import { arxivIdFromUrl, doiUrl, normalizeDoi } from './identity';
import { makePaper } from './make';
import type { PaperMeta } from './schema';

/** `source` of papers saved from a link: their title is a placeholder until completion. */
export const LINK_SOURCE = 'link';

/** True while a record still has the placeholder title it was saved from a link with. */
export function hasPlaceholderTitle(p: { source: string; title: string }): boolean {
  return p.source === LINK_SOURCE && /^(arXiv:|DOI 10\.|OpenReview |ACL Anthology )\S+$/.test(p.title);
}

const ACL_ID = /^\/([A-Z]\d{2}-\d{4}|\d{4}\.[\w-]+\.\d+)(?:\.pdf|\/)?$/;

/** Match patterns of the links the menu item is offered on (Chrome `targetUrlPatterns`). */
export const LINK_PATTERNS = [
  '*://arxiv.org/abs/*',
  '*://arxiv.org/pdf/*',
  '*://*.arxiv.org/abs/*',
  '*://*.arxiv.org/pdf/*',
  '*://doi.org/10.*',
  '*://dx.doi.org/10.*',
  '*://openreview.net/forum*',
  '*://openreview.net/pdf*',
  '*://aclanthology.org/*',
];

export function paperFromLink(href: string): PaperMeta | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/^(www|export)\./, '');

  if (host === 'arxiv.org') {
    const a = arxivIdFromUrl(`https://arxiv.org${url.pathname}`);
    if (!a) return null;
    const v = a.version ? `v${a.version}` : '';
    return makePaper({
      ids: { arxiv: a.id + v },
      title: `arXiv:${a.id}`,
      absUrl: `https://arxiv.org/abs/${a.id}${v}`,
      pdfUrl: `https://arxiv.org/pdf/${a.id}${v}`,
      source: LINK_SOURCE,
    });
  }
  if (host === 'doi.org' || host === 'dx.doi.org') {
    const doi = normalizeDoi(url.pathname.slice(1));
    return doi ? makePaper({ ids: { doi }, title: `DOI ${doi}`, absUrl: doiUrl(doi), source: LINK_SOURCE }) : null;
  }
  if (host === 'openreview.net' && /^\/(forum|pdf)\/?$/.test(url.pathname)) {
    const id = url.searchParams.get('id')?.trim();
    if (!id || !/^[\w-]{5,40}$/.test(id)) return null;
    return makePaper({
      ids: { openreview: id },
      title: `OpenReview ${id}`,
      absUrl: `https://openreview.net/forum?id=${id}`,
      pdfUrl: `https://openreview.net/pdf?id=${id}`,
      source: LINK_SOURCE,
    });
  }
  if (host === 'aclanthology.org') {
    const acl = ACL_ID.exec(url.pathname)?.[1];
    if (!acl || acl.endsWith('.0')) return null; // `.0` is a volume's front matter
    return makePaper({
      ids: { acl },
      title: `ACL Anthology ${acl}`,
      absUrl: `https://aclanthology.org/${acl}/`,
      pdfUrl: `https://aclanthology.org/${acl}.pdf`,
      source: LINK_SOURCE,
    });
  }
  return null;
}
