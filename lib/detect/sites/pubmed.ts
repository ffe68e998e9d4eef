// PubMed (search results and article pages, current and legacy www.ncbi.nlm.nih.gov/pubmed UI)
// and PubMed Central article pages.
import { makePaper } from '../../paper/make';
import { cleanText, textOf, yearOf } from '../../paper/text';
import { entries, metaPaper, splitNames, textsOf } from '../dom';
import { metaFirst } from '../meta';
import { listing } from '../generic/listing';
import type { Detection, SiteAdapter } from '../types';
import { qs } from '../select';

// MEDLINE titles end with a period that is no part of the title.
const untail = (s: string | null | undefined) => cleanText(s).replace(/([^.])\.$/, '$1');

/** A search result (`article.full-docsum`) or a legacy report (`div.rprt`, also the abstract page). */
function parseEntry(el: Element, url: URL): Detection | null {
  const title = qs(el, 'a.docsum-title, p.title a, h1');
  const cit = textOf(qs(el, 'span.full-journal-citation, p.details, div.cit'));
  const paper = makePaper(
    {
      ids: {
        pmid: textOf(qs(el, 'span.docsum-pmid, dl.rprtid dd')) || (title?.getAttribute('data-article-id') ?? undefined),
        doi: /\bdoi:\s*(\S+)/.exec(cit)?.[1],
      },
      title: untail(textOf(title)),
      authors: splitNames(untail(textOf(qs(el, 'span.full-authors, p.desc, div.auths')))),
      year: yearOf(cit),
      venue: cit.split('. ')[0].replace(/\.$/, ''),
      type: 'journal',
      source: 'pubmed',
    },
    url.href,
  );
  return paper && { paper, anchor: title ?? undefined };
}

function article(doc: Document, url: URL): Detection[] {
  const h1 = doc.querySelector('h1.heading-title');
  const box = doc.querySelector('#full-view-identifiers') ?? doc;
  const ids = {
    pmid: /^\/(\d+)\/?$/.exec(url.pathname)?.[1] ?? textOf(qs(box, 'span.identifier.pubmed strong')),
    pmcid: textOf(qs(box, 'a[data-ga-action="PMCID"]')),
    doi: textOf(qs(box, 'a[data-ga-action="DOI"]')),
  };
  const title = untail(textOf(h1) || metaFirst(doc, 'citation_title'));
  const list = doc.querySelector('.authors-list');
  const base = { authors: list ? textsOf(list, '.full-name') : splitNames(metaFirst(doc, 'citation_authors')) };
  return metaPaper(doc, url, { ids, title, type: 'journal', source: 'pubmed' }, base, h1);
}

export const pubmed: SiteAdapter = {
  id: 'pubmed',
  name: 'PubMed / PMC',
  hosts: ['pubmed.ncbi.nlm.nih.gov', 'pmc.ncbi.nlm.nih.gov', 'www.ncbi.nlm.nih.gov'],
  test: (u) => !/^www\./.test(u.hostname) || /^\/(pubmed|pmc|sites\/entrez)\b/.test(u.pathname),
  examples: [
    'https://pubmed.ncbi.nlm.nih.gov/23193287/',
    'https://pubmed.ncbi.nlm.nih.gov/?term=genbank',
    'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/',
    'https://www.ncbi.nlm.nih.gov/pubmed/7288891',
    'https://www.ncbi.nlm.nih.gov/sites/entrez?db=pmc&term=estuary',
  ],
  entrySelector: 'article.full-docsum',
  parseEntry,
  detect(doc, url) {
    const pmcid = /\/(PMC\d+)/i.exec(url.pathname)?.[1].toUpperCase();
    if (pmcid) return metaPaper(doc, url, { ids: { pmcid }, source: 'pmc' }, { ids: { url: url.href }, title: textOf(doc.querySelector('h1')) });
    const list = entries(doc, 'article.full-docsum, div.rprt', parseEntry, url);
    if (list.length) return list;
    // The legacy Entrez search of every database (PMC: .toc-entry) names its papers by PMCID,
    // PMID or DOI: the generic listing layer reads it.
    return /^\/sites\/entrez\b/.test(url.pathname) ? listing(doc, url) : article(doc, url);
  },
};
