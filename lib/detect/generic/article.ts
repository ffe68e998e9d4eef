// Single articles with thin metadata: a DOI only in `<meta id="DOI" content=…>`, or only printed in
// the article's header (`doi:10.…`) with the title in the first heading. Only when the page is
// clearly one article: one DOI, near the top, a title heading — not a page listing references.
// The engine tries it last, only when nothing else found a paper.
import { normalizeDoi } from '../../paper/identity';
import { makePaper } from '../../paper/make';
import { cleanText, textOf } from '../../paper/text';
import { findTitleHeading } from '../anchor';
import type { Detection } from '../types';

const PRINTED_DOI = /(?:doi:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;)\]])/gi;
// The header block around the title: a few levels up, while it stays the size of a header.
const HEADER_TEXT = 3000;
// How far after the title the DOI may be printed (authors, affiliations, dates).
const NEAR = 800;

// Headings of pages that are not one article.
const NOT_A_TITLE = /^(search|results?\b|\d+ results|browse|contents|table of contents|issue|volume|archive)/i;

const titleLike = (t: string) => t.length >= 12 && t.split(/\s+/).length >= 3 && !NOT_A_TITLE.test(t);

/**
 * The title heading: the longest h1 or h2 that the document's title repeats (a site-name h1 is
 * passed over), else the first h1 (h2 on pages without one) that reads like a title.
 */
function titleHeading(doc: Document): Element | undefined {
  const docTitle = cleanText(doc.title).toLowerCase();
  const first = docTitle.split(/\s+[|–—-]\s+/)[0];
  const h1 = [...doc.querySelectorAll('h1')];
  const h2 = [...doc.querySelectorAll('h2')];
  // `Title | Journal of the Society` also repeats the society's h1: the title's own part first,
  // then the longest heading the title repeats.
  const named =
    [...h1, ...h2].find((h) => titleLike(textOf(h)) && textOf(h).toLowerCase() === first) ??
    [...h1, ...h2]
      .filter((h) => titleLike(textOf(h)) && docTitle.includes(textOf(h).toLowerCase()))
      .sort((a, b) => textOf(b).length - textOf(a).length)[0];
  return named ?? (h1.length ? h1 : h2).find((h) => titleLike(textOf(h)));
}

/** The text of `el`, a space between its text nodes (textContent runs `…/a</p><p>doi:…` together). */
function spacedText(el: Element): string {
  const out: string[] = [];
  // 4 = NodeFilter.SHOW_TEXT (the global is not available to pure modules everywhere).
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n.nodeValue ?? '');
  return out.join(' ');
}

/** The distinct DOIs printed in `text` (as `doi:10.…` or a doi.org address shown as text). */
const doisIn = (text: string): Set<string> => new Set([...text.matchAll(PRINTED_DOI)].map((m) => normalizeDoi(m[1]) ?? m[1]));

/**
 * The DOI printed in the header around `h`: the block a few levels up that stays the size of a
 * header names exactly one DOI, shown as text (a link's prose — "their paper" — is a citation),
 * and prints it close after the title. Null otherwise.
 */
function headerDoi(h: Element): string | null {
  let block: Element = h;
  for (let up = h.parentElement, i = 0; up && up.tagName !== 'BODY' && i < 4; up = up.parentElement, i++) {
    if ((up.textContent ?? '').length > HEADER_TEXT) break;
    block = up;
  }
  const text = spacedText(block);
  if (doisIn(text).size !== 1) return null;
  const at = Math.max(0, text.indexOf(spacedText(h))) + spacedText(h).length;
  const near = doisIn(text.slice(0, at + NEAR));
  return near.size === 1 ? [...near][0] : null;
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
