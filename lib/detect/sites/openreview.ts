// OpenReview: forum pages (`/forum?id=`), PDFs (`/pdf?id=`, from the URL) and venue/group pages
// whose client-rendered tabs list `li.note` entries.
import { makePaper, type PaperInput } from '../../paper/make';
import type { PaperMeta } from '../../paper/schema';
import { textOf, yearOf } from '../../paper/text';
import { entries, hrefOf, pdfTitle, textsOf } from '../dom';
import { metaAll, metaFirst } from '../meta';
import type { Detection, SiteAdapter } from '../types';
import { qs } from '../select';

const people = (names: string[]) => names.filter((n) => !/^anonymous/i.test(n));

function orPaper(id: string, f: Partial<PaperInput>, url: URL): PaperMeta | null {
  if (!/^[\w-]{1,80}$/.test(id)) return null;
  const venue = f.venue;
  return makePaper(
    {
      ids: { openreview: id },
      title: undefined,
      type: venue ? (/journal|transactions|TMLR/i.test(venue) ? 'journal' : 'conference') : undefined,
      absUrl: `https://openreview.net/forum?id=${id}`,
      pdfUrl: `https://openreview.net/pdf?id=${id}`,
      source: 'openreview',
      ...f,
    },
    url.href,
  );
}

function detectForum(doc: Document, url: URL, id: string): Detection[] {
  const h = doc.querySelector('.forum-title h2, h2.citation_title');
  // After in-app navigation the meta may still describe the previous forum: trust it only when it names this one.
  const fresh = metaFirst(doc, 'citation_pdf_url')?.endsWith(`id=${id}`);
  const meta = (...names: string[]) => (fresh ? metaFirst(doc, ...names) : undefined);
  const date = meta('citation_publication_date', 'citation_online_date');
  const abs = [...doc.querySelectorAll('.note-content-field')].find((e) => /^Abstract/.test(textOf(e)));
  const authors = fresh ? metaAll(doc, 'citation_author') : [];
  const paper = orPaper(
    id,
    {
      title: meta('citation_title') ?? textOf(h),
      authors: people(authors.length ? authors : textsOf(doc, '.forum-authors a')),
      date,
      year: yearOf(date ?? textOf(doc.querySelector('.forum-meta .date'))),
      venue:
        meta('citation_conference_title', 'citation_journal_title') ?? textOf(doc.querySelector('.forum-meta .glyphicon-folder-open')?.parentElement),
      abstract: meta('citation_abstract') ?? textOf(abs?.nextElementSibling),
    },
    url,
  );
  return paper ? [{ paper, anchor: h ?? undefined, placement: 'append' }] : [];
}

function parseEntry(el: Element, url: URL): Detection | null {
  const link = qs(el, 'h4 a[href*="forum?id="]');
  const id = hrefOf(link, url)?.searchParams.get('id');
  if (!id) return null;
  const paper = orPaper(
    id,
    {
      title: textOf(link),
      authors: people(textsOf(el, '.note-authors a')),
      year: yearOf(textOf(qs(el, '.note-meta-info'))),
    },
    url,
  );
  return paper ? { paper, anchor: link!.closest('h4')!, placement: 'append' } : null;
}

export const openreview: SiteAdapter = {
  id: 'openreview',
  name: 'OpenReview',
  hosts: ['openreview.net'],
  examples: [
    'https://openreview.net/forum?id=rJ4km2R5t7',
    'https://openreview.net/group?id=ICLR.cc/2024/Conference',
    'https://openreview.net/pdf?id=rJ4km2R5t7',
  ],
  entrySelector: 'li.note',
  parseEntry,
  detect(doc, url) {
    const id = url.searchParams.get('id');
    if (url.pathname === '/forum' && id) return detectForum(doc, url, id);
    if (url.pathname === '/pdf' && id) {
      const paper = orPaper(id, { title: pdfTitle(doc, id) ?? `OpenReview:${id}` }, url);
      return paper ? [{ paper }] : [];
    }
    return entries(doc, 'li.note', parseEntry, url);
  },
};
