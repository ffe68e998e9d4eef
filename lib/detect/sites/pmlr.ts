// PMLR (proceedings.mlr.press): volume pages list `div.paper` rows; paper pages carry citation_* meta.
import { textOf, yearOf } from '../../paper/text';
import { entries, lazyEntry, metaPaper, splitNames } from '../dom';
import type { Detection, SiteAdapter } from '../types';
import { qs, qsa } from '../select';

// Paper names end in the year's last two digits: `paolo24a` is of 2024.
const yearOfName = (href: string) => {
  const m = /\d{2}(?=[a-z]*\.html$)/.exec(href);
  return m ? 2000 + Number(m[0]) : undefined;
};

/** "Proceedings of …" from the volume page's title (not the series, "Proceedings of Machine Learning Research"). */
const volumeVenue = (doc: Document) =>
  doc.title
    .split('|')
    .map((t) => t.trim())
    .find((t) => /^Proceedings of (?!Machine Learning Research)/.test(t));

function parseEntry(el: Element, url: URL): Detection | null {
  const title = qs(el, 'p.title');
  const links = [...qsa(el, 'a')];
  const abs = links.find((a) => textOf(a) === 'abs') ?? qs(title, 'a');
  const href = abs?.getAttribute('href');
  if (!title || !href) return null;
  // A volume lists thousands of papers: the rest of each is read when the paper is (lazyEntry).
  const input = { ids: { url: href }, title: textOf(title), type: 'conference' as const, absUrl: href, source: 'pmlr' };
  const more = () => {
    const info = textOf(qs(el, 'span.info')).replace(/,?\s*PMLR\b.*$/, '');
    const doc = el.ownerDocument;
    return {
      authors: splitNames(qs(el, 'span.authors')?.textContent),
      year: yearOfName(href) ?? yearOf(doc.title),
      venue: info || volumeVenue(doc),
      pdfUrl: links.find((a) => /^(download )?pdf$/i.test(textOf(a)))?.getAttribute('href') ?? undefined,
    };
  };
  return lazyEntry(input, more, url, title, 'append');
}

export const pmlr: SiteAdapter = {
  id: 'pmlr',
  name: 'PMLR',
  hosts: ['proceedings.mlr.press'],
  examples: ['https://proceedings.mlr.press/v235/', 'https://proceedings.mlr.press/v202/kandpal23a.html'],
  entrySelector: 'div.paper',
  parseEntry,
  detect(doc, url) {
    if (/\.html$/.test(url.pathname)) {
      const h1 = doc.querySelector('h1');
      return metaPaper(
        doc,
        url,
        { type: 'conference', source: 'pmlr' },
        { ids: { url: url.href }, title: textOf(h1), year: yearOfName(url.pathname) },
        h1,
      );
    }
    return entries(doc, 'div.paper', parseEntry, url);
  },
};
