// Highwire Press `citation_*` meta tags: the most common scholarly metadata on the web.
import { makePaper } from '../../paper/make';
import type { PaperType } from '../../paper/schema';
import { findTitleHeading } from '../anchor';
import { metaAll, metaFirst } from '../meta';
import type { Detection } from '../types';

export function highwire(doc: Document, url: URL): Detection[] {
  const title = metaFirst(doc, 'citation_title');
  if (!title) return [];
  const conference = metaFirst(doc, 'citation_conference_title', 'citation_conference');
  const journal = metaFirst(doc, 'citation_journal_title');
  const arxiv = metaFirst(doc, 'citation_arxiv_id');
  const first = metaFirst(doc, 'citation_firstpage');
  const last = metaFirst(doc, 'citation_lastpage');
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
      abstract: metaFirst(doc, 'citation_abstract'),
      absUrl,
      pdfUrl: metaFirst(doc, 'citation_pdf_url'),
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
