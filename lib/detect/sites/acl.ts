// ACL Anthology: paper pages (`/<anthology id>/`, citation_* meta) and the rows of volume, event
// and author pages (`strong > a.align-middle[href=/<id>/]` in a .d-sm-flex row).
import { textOf } from '../../paper/text';
import { entries, hrefOf, lazyEntry, metaPaper, textsOf } from '../dom';
import type { Detection, SiteAdapter } from '../types';
import { qs } from '../select';

const ID = /^\/([A-Z]\d{2}-\d{4}|\d{4}\.[\w-]+\.\d+)\/?$/;
const page = (id: string) => `https://aclanthology.org/${id}/`;

/** `2021.naacl-main.208` → 2021; old-style `W19-4201` → 2019, `J79-1001` → 1979. */
export function yearOfAclId(id: string): number | undefined {
  const m = /^(\d{4})\.|^[A-Z](\d{2})-/.exec(id);
  if (!m) return undefined;
  return m[1] ? Number(m[1]) : Number(m[2]) + (Number(m[2]) < 50 ? 2000 : 1900);
}

function detectPaper(doc: Document, url: URL, acl: string): Detection[] {
  const h2 = doc.querySelector('h2#title');
  return metaPaper(
    doc,
    url,
    { ids: { acl }, absUrl: page(acl), source: 'acl' },
    {
      title: textOf(h2),
      authors: textsOf(doc, 'p.lead a'),
      year: yearOfAclId(acl),
      type: 'conference',
      abstract: textOf(doc.querySelector('.acl-abstract > span')),
      pdfUrl: `https://aclanthology.org/${acl}.pdf`,
    },
    h2,
  );
}

function parseRow(a: Element, url: URL, pageVenue?: string): Detection | null {
  const u = hrefOf(a, url);
  const acl = u?.host === url.host ? ID.exec(u.pathname)?.[1] : undefined;
  // `<volume>.0` is the volume's front matter, not a paper.
  if (!acl || acl.endsWith('.0')) return null;
  // An event lists thousands of papers: the rest of each is read when the paper is (lazyEntry).
  const input = { ids: { acl }, title: textOf(a), year: yearOfAclId(acl), absUrl: page(acl), source: 'acl' };
  const more = () => {
    const row = a.closest('.d-sm-flex') ?? a.parentElement!;
    const venue = textOf(qs(row, 'a[href*="/volumes/"]')) || pageVenue;
    return {
      authors: textsOf(row, 'a[href*="/people/"]'),
      venue,
      type: venue ? undefined : ('conference' as const),
      pdfUrl: hrefOf(qs(row, 'a[href$=".pdf"]'), url)?.href,
    };
  };
  return lazyEntry(input, more, url, a, 'after');
}

export const acl: SiteAdapter = {
  id: 'acl',
  name: 'ACL Anthology',
  hosts: ['aclanthology.org'],
  examples: [
    'https://aclanthology.org/2021.naacl-main.208/',
    'https://aclanthology.org/W19-4201/',
    'https://aclanthology.org/volumes/2021.naacl-main/',
    'https://aclanthology.org/events/acl-2023/',
    'https://aclanthology.org/people/andreas-madsack/',
  ],
  detect(doc, url) {
    const id = ID.exec(url.pathname)?.[1];
    if (id) return detectPaper(doc, url, id);
    const venue = url.pathname.startsWith('/volumes/') ? textOf(doc.querySelector('#title')) : undefined;
    return entries(doc, 'strong > a.align-middle', (a) => parseRow(a, url, venue), url);
  },
};
