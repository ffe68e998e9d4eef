// Single articles with thin metadata: a DOI only in `<meta id="DOI" content=…>`, or only printed in
// the article's header (`doi:10.…`) with the title in the first heading. Only when the page is
// clearly one article: one DOI, near the top, a title heading — not a page listing references.
// The engine tries it last, only when nothing else found a paper.
import { normalizeDoi } from '../../paper/identity';
import { makePaper } from '../../paper/make';
import { cleanText, textOf } from '../../paper/text';
import { findTitleHeading } from '../anchor';
import type { Detection } from '../types';

const PRINTED_DOI = /\b(?:doi:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;)\]])/gi;
// The header block around the title: a few levels up, while it stays the size of a header.
const HEADER_TEXT = 3000;
// How far after the title the DOI may be printed (authors, affiliations, dates).
const NEAR = 800;

/** The title heading: the first h1 (else h2) that reads like a title, not a site name. */
function titleHeading(doc: Document): Element | undefined {
  for (const sel of ['h1', 'h2']) {
    for (const h of doc.querySelectorAll(sel)) {
      const t = textOf(h);
      if (t.length >= 12 && t.split(/\s+/).length >= 3) return h;
    }
  }
  return undefined;
}

/** The distinct DOIs printed or linked in `el`'s first `limit` characters. */
function doisIn(el: Element, limit: number): Set<string> {
  const out = new Set<string>();
  for (const m of (el.textContent ?? '').slice(0, limit).matchAll(PRINTED_DOI)) out.add(normalizeDoi(m[1]) ?? m[1]);
  for (const a of el.querySelectorAll('a[href*="doi.org/10."]')) {
    const d = normalizeDoi(a.getAttribute('href') ?? '');
    if (d && (el.textContent ?? '').indexOf(a.textContent ?? '') < limit) out.add(d);
  }
  return out;
}

/** The DOI printed in the header around `h` (null: none, or more than one). */
function headerDoi(h: Element): string | null {
  let block: Element = h;
  for (let up = h.parentElement, i = 0; up && up.tagName !== 'BODY' && i < 4; up = up.parentElement, i++) {
    if ((up.textContent ?? '').length > HEADER_TEXT) break;
    block = up;
  }
  const text = block.textContent ?? '';
  const at = text.indexOf(h.textContent ?? '');
  const dois = doisIn(block, (at < 0 ? 0 : at) + (h.textContent ?? '').length + NEAR);
  return dois.size === 1 ? [...dois][0] : null;
}

export function article(doc: Document, url: URL): Detection[] {
  const meta = doc.querySelector('meta[id="DOI" i], meta[name="DOI" i]')?.getAttribute('content');
  const h = titleHeading(doc);
  const doi = meta ? normalizeDoi(meta) : h ? headerDoi(h) : null;
  if (!doi) return [];
  const title = (h && textOf(h)) || cleanText(doc.title).split(/\s+[|–—-]\s+/)[0];
  const paper = makePaper({ ids: { doi, url: url.href }, title, absUrl: url.href, source: url.hostname.replace(/^www\./, '') }, url.href);
  return paper ? [{ paper, anchor: h ?? findTitleHeading(doc, paper.title), placement: 'append' }] : [];
}
