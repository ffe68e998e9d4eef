// arXiv: abstract pages (`/abs/<id>`), listings (`/list/…`, `/a/…`: dl > dt/dd), search results
// (li.arxiv-result) and PDF/HTML views identified from the URL alone.
import { arxivIdFromUrl, yearOfArxivId } from '../../paper/identity';
import { makePaper, type PaperInput } from '../../paper/make';
import type { PaperMeta } from '../../paper/schema';
import { textOf } from '../../paper/text';
import { entries, hrefOf, lazyEntry, pdfTitle, textsOf } from '../dom';
import { metaAll, metaFirst } from '../meta';
import type { Detection, SiteAdapter } from '../types';
import { qs } from '../select';

type ArxivId = { id: string; version?: number };

/** What an arXiv id tells of a paper, under what the page shows (`f`). */
function arxivInput(a: ArxivId, f: Partial<PaperInput>): PaperInput {
  return {
    title: undefined,
    year: yearOfArxivId(a.id),
    type: 'preprint',
    absUrl: `https://arxiv.org/abs/${a.id}`,
    pdfUrl: `https://arxiv.org/pdf/${a.id}`,
    source: 'arxiv',
    ...f,
    ids: { ...f.ids, arxiv: a.id + (a.version ? `v${a.version}` : '') },
  };
}

/** A paper known by its arXiv id (also used by the alphaXiv and Hugging Face adapters). */
export function arxivPaper(a: ArxivId, f: Partial<PaperInput>, url: URL): PaperMeta | null {
  return makePaper(arxivInput(a, f), url.href);
}

const category = (el: Element | null | undefined) => /\(([^()]+)\)\s*$/.exec(textOf(el))?.[1];
const found = (paper: PaperMeta | null, anchor: Element | null | undefined, placement: Detection['placement']) =>
  paper ? { paper, anchor: anchor ?? undefined, placement: anchor ? placement : undefined } : null;

function detectAbs(doc: Document, url: URL): Detection[] {
  const fromUrl = arxivIdFromUrl(url.href);
  const id = metaFirst(doc, 'citation_arxiv_id') ?? fromUrl?.id;
  if (!id) return [];
  const heading = doc.querySelector('h1.title');
  const authors = metaAll(doc, 'citation_author');
  const d = found(
    arxivPaper(
      { id, version: fromUrl?.version },
      {
        ids: { doi: metaFirst(doc, 'citation_doi') },
        title: metaFirst(doc, 'citation_title') ?? textOf(heading).replace(/^Title:\s*/, ''),
        authors: authors.length ? authors : textsOf(doc, '.authors a'),
        date: metaFirst(doc, 'citation_date', 'citation_online_date'),
        abstract: metaFirst(doc, 'citation_abstract') ?? textOf(doc.querySelector('blockquote.abstract')).replace(/^Abstract:\s*/, ''),
        pdfUrl: metaFirst(doc, 'citation_pdf_url') ?? `https://arxiv.org/pdf/${id}`,
        arxivCategory: category(doc.querySelector('.primary-subject')),
      },
      url,
    ),
    heading,
    'append',
  );
  return d ? [d] : [];
}

/**
 * `/list/…` and `/a/…` rows: dt (identifier, links) followed by its dd (title, authors…). Lists
 * run to 2,000 entries: the id and title come at once, the rest when the paper is read.
 */
function parseListEntry(dt: Element, url: URL): Detection | null {
  const dd = dt.nextElementSibling;
  const link = qs(dt, 'a[title="Abstract"], a[href*="/abs/"]');
  // arXiv's own `/abs/<id>` is read as it stands; anything else (or an id hidden behind dot
  // segments, escapes…) goes through the URL parser. A list has 2,000 of these.
  const href = link?.getAttribute('href');
  const a = (href?.startsWith('/abs/') ? arxivIdFromUrl(`arxiv.org${href}`) : null) ?? arxivIdFromUrl(hrefOf(link, url)?.href ?? '');
  if (!a || dd?.tagName !== 'DD') return null;
  const input = arxivInput(a, { title: textOf(qs(dd, '.list-title')).replace(/^Title:\s*/, '') });
  const more = () => ({
    authors: textsOf(dd, '.list-authors a'),
    abstract: textOf(qs(dd, 'p.mathjax')),
    arxivCategory: category(qs(dd, '.primary-subject')),
  });
  return lazyEntry(input, more, url, link, 'after');
}

function parseResult(li: Element, url: URL): Detection | null {
  const a = arxivIdFromUrl(hrefOf(qs(li, '.list-title a[href*="/abs/"]'), url)?.href ?? '');
  if (!a) return null;
  const title = qs(li, 'p.title');
  const tag = textOf(qs(li, '.tag'));
  const paper = arxivPaper(
    a,
    {
      title: textOf(title),
      authors: textsOf(li, 'p.authors a'),
      abstract: textOf(qs(li, '.abstract-full')).replace(/\s*△ Less$/, ''),
      arxivCategory: /^[a-z-]+(\.[A-Za-z-]+)?$/.test(tag) ? tag : undefined,
    },
    url,
  );
  return found(paper, title, 'append');
}

/** `/pdf/<id>`, `/html/<id>`: the URL names the paper; the title is the viewer's if it is one. */
function detectByUrl(doc: Document, url: URL): Detection[] {
  const a = arxivIdFromUrl(url.href);
  const paper = a && arxivPaper(a, { title: pdfTitle(doc, a.id) ?? `arXiv:${a.id}` }, url);
  return paper ? [{ paper }] : [];
}

const ENTRY = 'dl > dt, li.arxiv-result';

export const arxiv: SiteAdapter = {
  id: 'arxiv',
  name: 'arXiv',
  hosts: ['arxiv.org'],
  // One entry at a time: a listing's first screen is placed before the rest is read.
  entrySelector: ENTRY,
  parseEntry: (el, url) => (el.tagName === 'DT' ? parseListEntry(el, url) : parseResult(el, url)),
  entriesOnly: (url) => !/^\/(abs|pdf|html)\//.test(url.pathname),
  examples: [
    'https://arxiv.org/abs/1706.03762',
    'https://arxiv.org/abs/2106.09608v2',
    'https://arxiv.org/list/cs.LG/new',
    'https://arxiv.org/search/?query=transformers&searchtype=all',
    'https://arxiv.org/pdf/1706.03762v7',
  ],
  keyAtUrl(url) {
    if (!/^\/(abs|html)\//.test(url.pathname)) return undefined;
    const a = arxivIdFromUrl(url.href);
    return (a && arxivPaper(a, { title: `arXiv:${a.id}` }, url)?.key) || undefined;
  },
  detect(doc, url) {
    const p = url.pathname;
    if (p.startsWith('/abs/')) return detectAbs(doc, url);
    if (/^\/(pdf|html)\//.test(p)) return detectByUrl(doc, url);
    return [...entries(doc, 'dl > dt', parseListEntry, url), ...entries(doc, 'li.arxiv-result', parseResult, url)];
  },
};
