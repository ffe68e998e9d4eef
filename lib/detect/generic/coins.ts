// COinS (ContextObjects in Spans, Z39.88 KEV in a span's title): library catalogues, Wikipedia,
// reference lists. Each span is one paper and its anchor; several spans make a listing. Only
// scholarly works count: Wikipedia's citation templates also emit COinS for newspaper stories,
// web pages and books.
import { normalizeDoi, titleKey } from '../../paper/identity';
import { buildPaper, identityOf, type PaperInput } from '../../paper/make';
import type { Identifiers, PaperMeta, PaperType } from '../../paper/schema';
import { cleanText } from '../../paper/text';
import { idsOfLink } from '../dom';
import type { Detection } from '../types';

export interface CoinsOptions {
  /** Books are kept only when asked for (a library catalogue), and only with an ISBN. */
  books?: boolean;
}

const TYPES: Record<string, PaperType> = {
  article: 'journal',
  proceeding: 'conference',
  conference: 'conference',
  preprint: 'preprint',
  bookitem: 'other',
  report: 'other',
  dissertation: 'other',
  thesis: 'other',
  book: 'other',
};
// Unknown genres leave the type to makePaper's guess from the venue and identifiers.
const typeOf = (g: string): PaperType | undefined => (Object.hasOwn(TYPES, g) ? TYPES[g] : undefined);

// A newspaper's or magazine's name in rft.jtitle: `cite news` emits genre=article with one.
const NEWSPAPER =
  /\b(times|post|news|herald|tribune|gazette|telegraph|guardian|daily|chronicle|observer|independent|reuters|associated press|bbc|cnn|npr|wall street journal|magazine|newsweek|wired|atlantic|economist|weekly|today|press|courier|mail|sun|star|express|standard|journal-constitution|globe)\b/i;
// What only a journal's record carries.
const JOURNALISH =
  /\b(journal|proceedings|transactions|letters|review|annals|bulletin|acta|quarterly|archives|research|science|physical|chemical|medicine|medical)\b/i;

/** Whether a ContextObject names a scholarly work (see the file's comment). */
function scholarly(get: (k: string) => string | undefined, fmt: string, hasId: boolean, opts: CoinsOptions): boolean {
  const genre = (get('genre') ?? '').toLowerCase();
  if (/:dissertation$/.test(fmt)) return true;
  if (/:patent$/.test(fmt)) return false;
  switch (genre) {
    case 'article': {
      const jtitle = get('jtitle') ?? get('title') ?? '';
      if (NEWSPAPER.test(jtitle) && !JOURNALISH.test(jtitle)) return false;
      return hasId || !!(get('issn') || get('eissn') || get('volume') || get('spage') || get('pages') || JOURNALISH.test(jtitle));
    }
    case 'proceeding':
    case 'conference':
    case 'preprint':
    case 'report':
    case 'bookitem':
    case 'dissertation':
    case 'thesis':
      return true;
    case 'book':
      return !!opts.books && !!get('isbn');
    default:
      // genre=unknown/document (cite web), none, or odd: only an identifier makes it a paper.
      return hasId;
  }
}

/** One ContextObject (the span's title, HTML entities already decoded) → a paper. */
export function coinsPaper(kev: string, url: URL, opts: CoinsOptions = {}): PaperMeta | null {
  const q = new URLSearchParams(kev.replace(/&amp;/g, '&'));
  const get = (k: string) => q.get(`rft.${k}`)?.trim() || undefined;
  const ids: Identifiers = {};
  for (const id of q.getAll('rft_id')) {
    const m = /^info:(doi|arxiv|pmid)\/(.+)$/i.exec(id);
    const kind = m?.[1].toLowerCase();
    if (kind === 'doi' || (!m && /10\.\d{4,9}\//.test(id))) ids.doi ??= normalizeDoi(m?.[2] ?? id) ?? undefined;
    else if (kind === 'arxiv') ids.arxiv ??= m![2];
    else if (kind === 'pmid') ids.pmid ??= m![2];
    else if (/^https?:/i.test(id)) {
      const ax = idsOfLink(id).arxiv;
      if (ax) ids.arxiv ??= ax;
      else ids.url ??= id;
    }
  }
  if (!scholarly(get, q.get('rft_val_fmt') ?? '', !!(ids.doi || ids.arxiv || ids.pmid), opts)) return null;
  const au = q.getAll('rft.au');
  const last = get('aulast');
  if (last && !au.some((a) => a.includes(last))) au.unshift([last, get('aufirst') ?? get('auinit')].filter(Boolean).join(', '));
  const atitle = get('atitle');
  const spage = get('spage');
  const epage = get('epage');
  const input: PaperInput = {
    ids,
    title: atitle ?? get('title') ?? get('btitle'),
    authors: au,
    date: get('date'),
    venue: get('jtitle') ?? (atitle ? (get('title') ?? get('btitle')) : undefined),
    type: typeOf((get('genre') ?? '').toLowerCase()),
    source: url.hostname.replace(/^www\./, ''),
    absUrl: ids.url,
    volume: get('volume'),
    number: get('issue'),
    pages: get('pages') ?? (spage ? (epage && epage !== spage ? `${spage}--${epage}` : spage) : undefined),
    publisher: get('pub'),
  };
  const title = cleanText(input.title);
  if (!title) return null;
  const identity = identityOf(ids, url.href);
  // A scholarly record without identifier (an old paper, a report) is kept under its title key.
  const key = identity.key ?? titleKey(title, au[0], /\d{4}/.exec(input.date ?? '')?.[0]);
  return key ? buildPaper(input, title, { ...identity, key }, url.href) : null;
}

export function coins(doc: Document, url: URL): Detection[] {
  const out: Detection[] = [];
  for (const el of doc.querySelectorAll('span.Z3988')) {
    const paper = el.tagName === 'SPAN' ? coinsPaper(el.getAttribute('title') ?? '', url) : null;
    if (paper) out.push({ paper, anchor: el, placement: 'after' });
  }
  return out;
}
