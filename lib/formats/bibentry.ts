// One paper → one BibTeX or BibLaTeX entry. Field choice follows Better BibTeX where it can:
// arXiv-only preprints are @misc with eprint (BibTeX) or @online with eprinttype (BibLaTeX).
import type { Highlight } from '../paper/highlight';
import type { Paper } from '../paper/schema';
import { bibPages, dateParts, isoDate, MONTHS } from './dates';
import { cleanField, encodeTitle, escapeBib, verbatim, type BibEncoding } from './latex';
import { landingUrl } from './idurls';
import { bibNameOf, namesOf } from './names';

export type BibFlavour = 'bibtex' | 'biblatex';

export interface EntryOptions {
  flavour: BibFlavour;
  encoding: BibEncoding;
  includeAbstract: boolean;
  includeNote: boolean;
  /** The paper's highlights, written (with their comments) in annote when given. */
  highlights?: Highlight[];
}

function entryType(p: Paper, flavour: BibFlavour): string {
  if (p.type === 'journal' && p.venue) return 'article';
  if (p.type === 'conference' && p.venue) return 'inproceedings';
  if (p.type === 'preprint' && flavour === 'biblatex' && p.ids.arxiv) return 'online';
  return 'misc';
}

// A library names the same people again and again: each name is written once (per encoding,
// keyed by the display string alone when no stored parts go with it: no key to build).
const written: Record<BibEncoding, Map<string, string>> = { utf8: new Map(), latex: new Map() };

/** The `author` (or `editor`) field, as parts of `out`: BibTeX's names joined by " and ". */
function bibPeople(out: string[], field: (k: string) => string, p: Paper, role: 'authors' | 'editors', enc: BibEncoding): void {
  const display = (role === 'authors' ? p.authors : p.editors) ?? [];
  const parts = role === 'authors' ? p.authorNames : p.editorNames;
  const aligned = parts?.length === display.length;
  const cache = written[enc];
  let first = true;
  for (let i = 0; i < display.length; i++) {
    const n = aligned ? parts[i] : undefined;
    const key = n ? `${display[i]}\u0001${n.family}\u0001${n.given}\u0001${n.prefix}\u0001${n.suffix}\u0001${n.literal}` : display[i];
    let bib = cache.get(key);
    if (bib === undefined) {
      bib = bibNameOf(namesOf({ authors: [display[i]], authorNames: n && [n] })[0], enc);
      if (cache.size >= 20_000) cache.clear();
      cache.set(key, bib);
    }
    if (!bib || bib === '{}') continue;
    if (first) {
      out.push(field(role === 'authors' ? 'author' : 'editor'), bib);
      first = false;
    } else out.push(' and ', bib);
  }
}

// ",\n  title = {" (and "},\n  title = {", closing the field before it) made once: an export
// writes them thousands of times.
const opening = new Map<string, string>();
const closing = new Map<string, string>();
const open = (k: string) => opening.get(k) ?? opening.set(k, `,\n  ${k} = {`).get(k)!;
const closeAndOpen = (k: string) => closing.get(k) ?? closing.set(k, `},\n  ${k} = {`).get(k)!;
const HEADS = new Map<string, string>();
const head = (type: string) => HEADS.get(type) ?? HEADS.set(type, `@${type}{`).get(type)!;
const YEARS = new Map<number, string>();
const yearText = (y: number) => YEARS.get(y) ?? (YEARS.size > 1000 ? String(y) : YEARS.set(y, String(y)).get(y)!);

/**
 * The entry's text, pushed onto `out` in parts for one join of the whole file: the parts are
 * mostly the record's own strings and constants, so an export of thousands of entries builds
 * almost nothing it then throws away. `month` holds a bare BibTeX macro (jun).
 */
export function writeEntry(out: string[], key: string, p: Paper, o: EntryOptions): void {
  const type = entryType(p, o.flavour);
  const bl = o.flavour === 'biblatex';
  const text = (s: string | undefined) => (s ? escapeBib(cleanField(s), o.encoding) : '');
  out.push(head(type), key);
  // The last field written: none, a braced value (its "}" goes out with the next field's
  // opening) or the bare month.
  let last = 'none' as 'none' | 'braced' | 'bare';
  const field = (k: string) => {
    const opening = last === 'braced' ? closeAndOpen(k) : open(k);
    last = 'braced';
    return opening;
  };
  const add = (k: string, v: string | undefined) => {
    if (v) out.push(field(k), v);
  };
  add('title', encodeTitle(p.title, o.encoding));
  bibPeople(out, field, p, 'authors', o.encoding);
  bibPeople(out, field, p, 'editors', o.encoding);
  if (type === 'article') add(bl ? 'journaltitle' : 'journal', text(p.venue));
  else if (type === 'inproceedings') add('booktitle', text(p.venue));
  else if (type === 'misc') add('howpublished', text(p.venue));
  if (type === 'article' || type === 'inproceedings') {
    add('volume', text(p.volume));
    add('number', text(p.number));
  }
  add('pages', p.pages && bibPages(text(p.pages)));
  if (!(bl && type === 'article')) add('publisher', text(p.publisher));
  const d = dateParts(p.date, p.year);
  if (bl) add('date', d && isoDate(d));
  else {
    add('year', d && yearText(d.year));
    if (d?.month) {
      out.push(last === 'braced' ? '},\n  month = ' : ',\n  month = ', MONTHS[d.month - 1]);
      last = 'bare';
    }
  }
  if (p.ids.arxiv) {
    add('eprint', verbatim(p.ids.arxiv));
    if (bl) {
      add('eprinttype', 'arxiv');
      add('eprintclass', p.arxivCategory && verbatim(p.arxivCategory));
    } else {
      add('archiveprefix', 'arXiv');
      add('primaryclass', p.arxivCategory && verbatim(p.arxivCategory));
    }
  }
  add('doi', p.ids.doi && verbatim(p.ids.doi));
  const url = landingUrl(p);
  add('url', url && verbatim(url));
  if (p.tags.length) add('keywords', p.tags.map(text).filter(Boolean).join(', '));
  if (o.includeAbstract) add('abstract', text(p.abstract));
  // `note` is printed in bibliographies; a private reading note belongs in annote/annotation,
  // and so do the highlights (one field: a .bib entry holds each field once).
  if (o.includeNote || o.highlights?.length) {
    const annote = [o.includeNote ? text(p.note) : '', highlightsAnnote(o.highlights ?? [], text)].filter(Boolean).join(' ');
    add(bl ? 'annotation' : 'annote', annote);
  }
  // With no field at all the entry still has its empty line: "@misc{key,\n\n}".
  out.push(last === 'braced' ? '}\n}\n' : last === 'bare' ? '\n}\n' : ',\n\n}\n');
}

export function formatEntry(key: string, p: Paper, o: EntryOptions): string {
  const out: string[] = [];
  writeEntry(out, key, p, o);
  return out.join('');
}

/**
 * `Highlights: “quote” (comment); “quote”…` in the paper's reading order. Each quote and comment
 * is escaped on its own, so that no brace of one can pair with a brace of another.
 */
function highlightsAnnote(hs: Highlight[], text: (s: string | undefined) => string): string {
  if (!hs.length) return '';
  const at = (h: Highlight) => h.selectors.position?.start ?? Number.MAX_SAFE_INTEGER;
  const items = [...hs]
    .sort((a, b) => at(a) - at(b) || a.createdAt - b.createdAt)
    .map((h) => {
      const quote = text(`“${h.selectors.quote.exact}”`);
      const comment = text(h.comment);
      return comment ? `${quote} (${comment})` : quote;
    })
    .filter(Boolean);
  return items.length ? `Highlights: ${items.join('; ')}` : '';
}
