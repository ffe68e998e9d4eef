// Dublin Core (`dc.*`, `dcterms.*`) and PRISM (`prism.*`) meta: eLife, Atypon journals (Taylor &
// Francis, Annual Reviews…), OJS. CMSs put `dc.title` on every page, so a paper also needs a DOI,
// an arXiv id or a PRISM journal name.
import { arxivIdFromUrl, normalizeDoi, parseArxivId } from '../../paper/identity';
import { makePaper } from '../../paper/make';
import { findTitleHeading } from '../anchor';
import { metaAll, metaFirst } from '../meta';
import type { Detection } from '../types';

const both = (n: string) => [`dc.${n}`, `dcterms.${n}`];

export function dublincore(doc: Document, url: URL): Detection[] {
  const dc = (...names: string[]) => metaFirst(doc, ...names.flatMap(both));
  const title = dc('title');
  if (!title) return [];
  const idents = ['prism.doi', ...both('identifier'), ...both('source')].flatMap((n) => metaAll(doc, n));
  const doi = idents.map(normalizeDoi).find(Boolean);
  const arxiv = idents.map((s) => arxivIdFromUrl(s) ?? (/^arxiv:/i.test(s) ? parseArxivId(s) : null)).find(Boolean)?.id;
  const source = dc('source');
  const venue =
    metaFirst(doc, 'prism.publicationName', 'citation_journal_title') ?? (source && !/^(https?:|doi:|10\.)/i.test(source) ? source : undefined);
  if (!doi && !arxiv && !venue) return [];
  const creators = both('creator').flatMap((n) => metaAll(doc, n));
  const first = metaFirst(doc, 'prism.startingPage');
  const last = metaFirst(doc, 'prism.endingPage');
  const paper = makePaper(
    {
      ids: { doi: doi ?? undefined, arxiv, url: url.href },
      title,
      authors: creators.length ? creators : both('contributor').flatMap((n) => metaAll(doc, n)),
      date: metaFirst(doc, 'prism.publicationDate', 'prism.coverDate', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created'),
      venue,
      type: !venue && /article/i.test(dc('type') ?? '') ? 'journal' : undefined,
      abstract: dc('description', 'abstract'),
      absUrl: url.href,
      source: url.hostname.replace(/^www\./, ''),
      volume: metaFirst(doc, 'prism.volume'),
      number: metaFirst(doc, 'prism.number', 'prism.issueIdentifier'),
      pages: first ? (last && last !== first ? `${first}--${last}` : first) : undefined,
      publisher: dc('publisher'),
    },
    url.href,
  );
  return paper ? [{ paper, anchor: findTitleHeading(doc, paper.title) }] : [];
}
