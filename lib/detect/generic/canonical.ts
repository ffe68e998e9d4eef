// Last resort: a DOI or arXiv id in the page's canonical URL (link[rel=canonical], og:url), titled
// by og:title or the document title. The engine calls it only when nothing else found a paper.
import { makePaper } from '../../paper/make';
import { cleanText } from '../../paper/text';
import { findTitleHeading } from '../anchor';
import { idsOfLink } from '../dom';
import { metaFirst } from '../meta';
import type { Detection } from '../types';

export function canonical(doc: Document, url: URL): Detection[] {
  for (const raw of [doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), metaFirst(doc, 'og:url')]) {
    if (!raw) continue;
    let u: URL;
    try {
      u = new URL(raw, url);
    } catch {
      continue;
    }
    const ids = idsOfLink(u.href);
    if (!ids.arxiv && !ids.doi) continue;
    const title = metaFirst(doc, 'og:title', 'twitter:title') ?? cleanText(doc.title).split(' | ')[0];
    const paper = makePaper({ ids: { ...ids, url: u.href }, title, absUrl: u.href, source: url.hostname.replace(/^www\./, '') }, url.href);
    return paper ? [{ paper, anchor: findTitleHeading(doc, paper.title) }] : [];
  }
  return [];
}
