// Hugging Face papers: paper pages (`/papers/<arXiv id>`) and the client-rendered lists (daily,
// date/week/month, trending, search), whose entries are `article` cards with an h3 title link.
import { parseArxivId } from '../../paper/identity';
import { textOf } from '../../paper/text';
import { entries, hrefOf, textsOf } from '../dom';
import { metaFirst } from '../meta';
import type { Detection, SiteAdapter } from '../types';
import { arxivPaper } from './arxiv';
import { qs } from '../select';

const idIn = (path: string | undefined) => parseArxivId(/^\/papers\/([^/]+)\/?$/.exec(path ?? '')?.[1] ?? '');

function parseEntry(el: Element, url: URL): Detection | null {
  const link = qs(el, 'h3 a[href*="/papers/"]');
  const a = idIn(hrefOf(link, url)?.pathname);
  if (!a) return null;
  const anchor = link!.closest('h3')!;
  const paper = arxivPaper(a, { title: textOf(anchor), source: 'huggingface' }, url);
  return paper ? { paper, anchor, placement: 'append' } : null;
}

function detectPaper(doc: Document, url: URL, a: { id: string }): Detection[] {
  const h1 = doc.querySelector('h1');
  const abs = [...doc.querySelectorAll('h2')].find((h) => textOf(h) === 'Abstract')?.nextElementSibling;
  const paper = arxivPaper(
    a,
    {
      title: textOf(h1) || metaFirst(doc, 'og:title')?.replace(/^Paper page - /, ''),
      authors: textsOf(doc, '.author').map((s) => s.replace(/\s*,$/, '')),
      // The abstract is the block's own paragraph; the AI summary above it is nested deeper.
      abstract: textOf(abs && [...abs.children].find((c) => c.tagName === 'P')),
      source: 'huggingface',
    },
    url,
  );
  return paper ? [{ paper, anchor: h1 ?? undefined, placement: 'append' }] : [];
}

export const huggingface: SiteAdapter = {
  id: 'huggingface',
  name: 'Hugging Face Papers',
  hosts: ['huggingface.co'],
  test: (url) => /^\/papers(\/|$)/.test(url.pathname),
  examples: ['https://huggingface.co/papers', 'https://huggingface.co/papers/2509.24002', 'https://huggingface.co/papers/date/2025-10-01'],
  entrySelector: 'article',
  parseEntry,
  detect(doc, url) {
    const a = idIn(url.pathname);
    return a ? detectPaper(doc, url, a) : entries(doc, 'article', parseEntry, url);
  },
};
