// Highwire Press `citation_*` meta tags: the most common scholarly metadata on the web.
import { makePaper } from '../../paper/make';
import type { PaperType } from '../../paper/schema';
import { findTitleHeading } from '../anchor';
import { metaAll, metaFirst } from '../meta';
import type { Detection } from '../types';

// bioRxiv puts its DOI suffix in citation_firstpage; a page number is short (e.g. 123, e0123, xiv).
const PAGE = /^[a-z]?\d{1,7}$|^[ivxlcdm]{1,8}$/i;
// Some publishers put markup in citation_abstract (`<h3>Abstract</h3><p>…`): keep its text only.
const stripTags = (s?: string) => s?.replace(/<[^>]*>/g, ' ');
// A DOI link is not a PDF (Semantic Scholar fills citation_pdf_url with one).
const pdfLink = (s?: string) => (s && !/^https?:\/\/(dx\.)?doi\.org\//i.test(s) ? s : undefined);

export function highwire(doc: Document, url: URL): Detection[] {
  const title = metaFirst(doc, 'citation_title');
  if (!title) return [];
  const conference = metaFirst(doc, 'citation_conference_title', 'citation_conference');
  const journal = metaFirst(doc, 'citation_journal_title');
  const arxiv = metaFirst(doc, 'citation_arxiv_id');
  const first = [metaFirst(doc, 'citation_firstpage')].find((p) => p && PAGE.test(p));
  const last = [metaFirst(doc, 'citation_lastpage')].find((p) => p && PAGE.test(p));
  const type: PaperType | undefined = conference ? 'conference' : journal ? 'journal' : undefined;
  const absUrl = metaFirst(doc, 'citation_abstract_html_url', 'citation_public_url') ?? url.href;
  const paper = makePaper(
    {
      ids: {
        arxiv,
        doi: metaFirst(doc, 'citation_doi', 'dc.identifier', 'prism.doi'),
        pmid: metaFirst(doc, 'citation_pmid'),
        pmcid: metaFirst(doc, 'citation_pmcid'),
        url: absUrl,
      },
      title,
      authors: metaAll(doc, 'citation_author'),
      date: metaFirst(doc, 'citation_publication_date', 'citation_date', 'citation_online_date', 'citation_cover_date'),
      venue: conference ?? journal ?? metaFirst(doc, 'citation_inbook_title', 'citation_book_title'),
      type: type ?? (arxiv ? 'preprint' : undefined),
      abstract: stripTags(metaFirst(doc, 'citation_abstract')),
      absUrl,
      pdfUrl: pdfLink(metaFirst(doc, 'citation_pdf_url')),
      source: url.hostname.replace(/^www\./, ''),
      volume: metaFirst(doc, 'citation_volume'),
      number: metaFirst(doc, 'citation_issue'),
      pages: first ? (last && last !== first ? `${first}--${last}` : first) : undefined,
      publisher: metaFirst(doc, 'citation_publisher', 'dc.publisher'),
    },
    url.href,
  );
  if (!paper) return [];
  return [{ paper, anchor: findTitleHeading(doc, paper.title) }];
}
