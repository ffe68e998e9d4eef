// The generic listing layer: search results of platforms without an adapter (a PLOS search, an
// Entrez PMC search). Repeated sibling blocks that each name one paper (a DOI in a link or in the
// text, a PMID/PMCID, an arXiv id) and show a title-like link become a listing, one control per
// entry. Silent where links merely cite papers: reference lists, `cite` elements, prose paragraphs
// (news, blogs, READMEs, Wikipedia). The engine tries it last, only when nothing else found a paper.
import { makePaper } from '../../paper/make';
import type { Identifiers } from '../../paper/schema';
import { cleanText, textOf } from '../../paper/text';
import { idsOfLink, splitNames } from '../dom';
import type { Detection } from '../types';

// Links that may name a paper. One selector with the tag first: Chromium matches a selector list
// selector by selector on every element, a single `a:is(…)` only on the page's links (0.5 ms
// instead of 0.7 on 4,000 links; a loop over `document.links` in script is 0.6 ms once compiled,
// but 5 ms the one time the content script runs it).
const LINK_SIGNS = 'a:is([href*="10."], [href*="arxiv.org/"], [href*="/pmc/articles/"], [href*="pubmed"])';
// Identifiers printed as text (no \b: textContent joins blocks without a space, `…estuariesPMCID`).
const TEXT_SIGNS = /(?:doi:?\s*10\.\d{4,9}\/|PMCID:?\s*PMC\d|PMID:?\s*\d|arXiv:\s*\d{4}\.\d{4})/i;

/**
 * How much of the page's text the pre-check reads, in document order, when no link names a
 * paper. Identifiers printed only as text come with the page's main content: a thin article
 * prints its DOI right after the title (article.ts), a listing whose links do not carry the id
 * prints it in every entry (Entrez: `PMCID: PMC…`). In the corpus's real pages the first one
 * printed comes at most 9,052 characters in (PeerJ, after its navigation and author notes; the
 * thin articles and listings within 2,800): 20,000 characters is twice that, some 3,000 words.
 * The walk costs about as much as it reads (50,000 characters were 0.34 ms of the 1.7 ms the
 * quick check took on the bench's 506 KB page, 1.3 ms and more the one time a page runs it).
 */
export const TEXT_BUDGET = 20_000;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/** Text is tested in pieces of this many characters (with the end of the previous one), not node by node. */
export const TEXT_CHUNK = 4096;
// How far a TEXT_SIGNS match may reach back into the previous piece.
const OVERLAP = 24;

/**
 * The cheap pre-check (quick.ts, and the layer itself): whether the page names any paper
 * identifier at all. First one selector query for links that carry one; only when there is
 * none, the page's text in document order, up to TEXT_BUDGET characters (never the whole body
 * as one string: on a long page without identifiers that was the whole cost), one regular
 * expression test per TEXT_CHUNK characters rather than one per text node.
 */
export function mayHoldIds(doc: Document): boolean {
  if (doc.querySelector(LINK_SIGNS)) return true;
  const body = doc.body;
  if (!body) return false;
  // 4 = NodeFilter.SHOW_TEXT (the global is not available to pure modules everywhere).
  const walker = doc.createTreeWalker(body, 4);
  let left = TEXT_BUDGET;
  let text = '';
  for (let n = walker.nextNode(); n && left > 0; n = walker.nextNode()) {
    const s = n.nodeValue ?? '';
    if (!s.trim() || NOT_TEXT.has(n.parentElement?.tagName ?? '')) continue;
    left -= s.length;
    // Joined to what came before: `<b>PMID:</b> 123…` is split in two.
    text += s;
    if (text.length < TEXT_CHUNK) continue;
    if (TEXT_SIGNS.test(text)) return true;
    text = text.slice(-OVERLAP);
  }
  return text.length >= 8 && TEXT_SIGNS.test(text);
}

type Ids = Pick<Identifiers, 'doi' | 'arxiv' | 'pmid' | 'pmcid'>;

const PMC_LINK = /\/pmc\/articles\/(PMC\d{4,9})\b/i;
const PUBMED_LINK = /pubmed(?:\.ncbi\.nlm\.nih\.gov|\/)\/?(\d{5,9})\b/i;
const TEXT_IDS: [keyof Ids, RegExp][] = [
  ['doi', /\b(?:doi:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;)\]])/gi],
  ['pmcid', /\bPMCID:?\s*(PMC\d{4,9})\b/gi],
  ['pmid', /\bPMID:?\s*(\d{5,9})\b/gi],
  ['arxiv', /\barXiv:\s*(\d{4}\.\d{4,5})(?:v\d+)?\b/gi],
];

function idsOfHref(raw: string): Ids {
  let href = raw;
  try {
    // PLOS writes `/article/info%3Adoi%2F10.1371%2F…`.
    if (/%2F/i.test(raw)) href = decodeURIComponent(raw);
  } catch {
    /* keep as is */
  }
  const ids: Ids = idsOfLink(href);
  ids.pmcid = PMC_LINK.exec(href)?.[1].toUpperCase();
  ids.pmid = ids.pmcid ? undefined : PUBMED_LINK.exec(href)?.[1];
  return ids;
}

// Where a link names a paper without being a listing of papers.
const CITING =
  'cite, pre, code, nav, footer, .references, .reflist, .refbegin, .ref-list, .bibliography, .footnotes, [role="doc-bibliography"], [role="doc-endnotes"], #references';
// Headings and containers of reference sections.
const REFERENCE_SECTION =
  /\b(references?|bibliography|works cited|further reading|reading list|citations?|sources|notes|footnotes|literature|see also|cite this)\b/i;
const NOT_A_TITLE =
  /^(?:https?:|www\.|doi:?|10\.\d|pmc\d|pmid|arxiv:|pdf\b|full[ -]?text|abstract|download|view|cited by|related|similar|html|export|more|next|previous)/i;

interface Entry {
  ids: Ids;
  /** Two different values of one kind: the block holds two papers. */
  mixed: boolean;
}

/** Adds `ids` to an entry, noting two different values of one kind. */
function add(e: Entry, ids: Ids): void {
  for (const k of ['doi', 'arxiv', 'pmid', 'pmcid'] as const) {
    const v = ids[k]?.toLowerCase();
    if (!v) continue;
    const had = e.ids[k]?.toLowerCase();
    if (had && had !== v) e.mixed = true;
    e.ids[k] ??= ids[k];
  }
}

/** Every element that names an identifier (links, and text nodes' parents), with what it names. */
function carriers(doc: Document): [Element, Ids][] {
  const out: [Element, Ids][] = [];
  for (const a of doc.querySelectorAll(LINK_SIGNS)) {
    const ids = idsOfHref(a.getAttribute('href') ?? '');
    if (ids.doi || ids.arxiv || ids.pmid || ids.pmcid) out.push([a, ids]);
  }
  const body = doc.body;
  if (!body || !TEXT_SIGNS.test(body.textContent ?? '')) return out;
  // 4 = NodeFilter.SHOW_TEXT (the global is not available to pure modules everywhere).
  const walker = doc.createTreeWalker(body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const s = n.nodeValue ?? '';
    if (s.length < 8 || !TEXT_SIGNS.test(s) || !n.parentElement) continue;
    const ids: Ids = {};
    for (const [k, re] of TEXT_IDS) ids[k] ??= [...s.matchAll(re)][0]?.[1];
    out.push([n.parentElement, ids]);
  }
  return out;
}

/** The entry's title-like link: in a heading or a title-named element, else its first long link. */
function titleLink(entry: Element): Element | undefined {
  let first: Element | undefined;
  for (const a of entry.querySelectorAll('a[href]')) {
    if (/^javascript:/i.test(a.getAttribute('href') ?? '')) continue;
    const t = textOf(a);
    if (t.length < 15 || t.split(/\s+/).length < 3 || NOT_A_TITLE.test(t)) continue;
    const up = a.closest(`${HEADING}, [class*="title" i]`);
    if (up && entry.contains(up)) return a;
    first ??= a;
  }
  return first;
}

/** Text outside links: a paragraph of prose is not a listing entry. */
function proseLength(entry: Element): number {
  let links = 0;
  for (const a of entry.querySelectorAll('a')) links += (a.textContent ?? '').length;
  return (entry.textContent ?? '').length - links;
}

/** Length of the text of `block` before `link`. */
function leadLength(block: Element, link: Element): number {
  const range = block.ownerDocument.createRange();
  range.setStart(block, 0);
  range.setEndBefore(link);
  return range.toString().length;
}

/** Whether `list` sits in a reference section (by its heading, id or class). */
function inReferenceSection(list: Element): boolean {
  for (let el: Element | null = list, up = 0; el && up < 4; el = el.parentElement, up++) {
    if (REFERENCE_SECTION.test(`${el.id} ${el.getAttribute('class') ?? ''}`)) return true;
    let prev = el.previousElementSibling;
    for (let i = 0; prev && i < 3; prev = prev.previousElementSibling, i++) {
      // A heading, or a small wrapper of one (GitHub's div.markdown-heading).
      const h = /^H[1-6]$/.test(prev.tagName) ? prev : (prev.textContent ?? '').length < 200 ? prev.querySelector(HEADING) : null;
      if (h) return REFERENCE_SECTION.test(textOf(h));
    }
  }
  return false;
}

const HEADING = 'h1, h2, h3, h4, h5, h6';
const MIN_ENTRIES = 3;
// An entry is a title, names, a venue, perhaps a snippet; a paragraph of prose is longer.
const MAX_PROSE = 600;
// Text before the title link: a number, a checkbox's label, a type or date line, authors.
const MAX_LEAD = 200;

export function listing(doc: Document, url: URL): Detection[] {
  if (!mayHoldIds(doc)) return [];
  // Each carrier, up its ancestors: (parent, child tag) → the child blocks and what each names.
  const groups = new Map<Element, Map<string, Map<Element, Entry>>>();
  for (const [el, ids] of carriers(doc)) {
    if (el.closest(CITING)) continue;
    for (let a: Element = el, p = a.parentElement; p && p.tagName !== 'HTML'; a = p, p = p.parentElement) {
      let byTag = groups.get(p);
      if (!byTag) groups.set(p, (byTag = new Map<string, Map<Element, Entry>>()));
      let blocks = byTag.get(a.tagName);
      if (!blocks) byTag.set(a.tagName, (blocks = new Map<Element, Entry>()));
      let e = blocks.get(a);
      if (!e) blocks.set(a, (e = { ids: {}, mixed: false }));
      add(e, ids);
    }
  }
  const chosen: { list: Element; found: Detection[] }[] = [];
  for (const [list, byTag] of groups) {
    for (const blocks of byTag.values()) {
      if (blocks.size < MIN_ENTRIES) continue;
      const found: Detection[] = [];
      for (const [block, e] of blocks) {
        if (e.mixed) continue;
        const d = entryOf(block, e.ids, url);
        if (d) found.push(d);
      }
      // Most blocks of the kind must be entries: when three paragraphs of twelve cite a paper,
      // the page is prose that cites.
      const siblings = [...list.children].filter((c) => c.tagName === blocks.keys().next().value!.tagName).length;
      if (found.length >= MIN_ENTRIES && found.length * 5 >= siblings * 3 && !inReferenceSection(list)) chosen.push({ list, found });
    }
  }
  // The largest listings first; one inside another is the same listing seen from above or below.
  chosen.sort((a, b) => b.found.length - a.found.length);
  const kept: typeof chosen = [];
  for (const c of chosen) if (!kept.some((k) => k.list.contains(c.list) || c.list.contains(k.list))) kept.push(c);
  return kept.flatMap((k) => k.found);
}

function entryOf(block: Element, ids: Ids, url: URL): Detection | null {
  const link = titleLink(block);
  if (!link || proseLength(block) > MAX_PROSE || leadLength(block, link) > MAX_LEAD) return null;
  const href = link.getAttribute('href')!;
  const pmcUrl = ids.pmcid ? `https://www.ncbi.nlm.nih.gov/pmc/articles/${ids.pmcid}/` : undefined;
  let abs: string | undefined;
  try {
    abs = new URL(href, url).href;
  } catch {
    abs = undefined;
  }
  const paper = makePaper(
    {
      // A PMCID alone has no canonical key: its PMC page is the paper's URL.
      ids: { ...ids, url: ids.doi || ids.arxiv || ids.pmid ? undefined : pmcUrl },
      title: cleanText(textOf(link)),
      authors: splitNames(textOf(block.querySelector('[class*="author" i]'))),
      absUrl: abs,
      source: url.hostname.replace(/^www\./, ''),
    },
    url.href,
  );
  if (!paper) return null;
  const heading = link.closest(HEADING);
  return { paper, anchor: heading && block.contains(heading) ? heading : link, placement: heading && block.contains(heading) ? 'append' : 'after' };
}
