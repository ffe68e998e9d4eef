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

// A library names the same people again and again: each name is written once.
const written = new Map<string, string>();

/** The `author` (or `editor`) field: names with their stored parts (see namesOf), as BibTeX's. */
function bibPeople(p: Paper, role: 'authors' | 'editors', enc: BibEncoding): string {
  const display = (role === 'authors' ? p.authors : p.editors) ?? [];
  const parts = role === 'authors' ? p.authorNames : p.editorNames;
  const aligned = parts?.length === display.length;
  const out: string[] = [];
  for (let i = 0; i < display.length; i++) {
    const n = aligned ? parts[i] : undefined;
    const key = n
      ? `${enc}\u0001${display[i]}\u0001${n.family}\u0001${n.given}\u0001${n.prefix}\u0001${n.suffix}\u0001${n.literal}`
      : `${enc}\u0001${display[i]}`;
    let bib = written.get(key);
    if (bib === undefined) {
      bib = bibNameOf(namesOf({ authors: [display[i]], authorNames: n && [n] })[0], enc);
      if (written.size >= 20_000) written.clear();
      written.set(key, bib);
    }
    if (bib && bib !== '{}') out.push(bib);
  }
  return out.join(' and ');
}

/** [name, value] pairs, values already encoded; `month` holds a bare BibTeX macro (jun). */
export function entryFields(p: Paper, o: EntryOptions): { type: string; fields: [string, string][] } {
  const type = entryType(p, o.flavour);
  const bl = o.flavour === 'biblatex';
  const text = (s: string | undefined) => (s ? escapeBib(cleanField(s), o.encoding) : '');
  const f: [string, string][] = [];
  const add = (k: string, v: string | undefined) => {
    if (v) f.push([k, v]);
  };
  add('title', encodeTitle(p.title, o.encoding));
  const people = (role: 'authors' | 'editors') => bibPeople(p, role, o.encoding);
  add('author', people('authors'));
  add('editor', people('editors'));
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
    add('year', d && String(d.year));
    if (d?.month) f.push(['month', MONTHS[d.month - 1]]);
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
  add(
    'keywords',
    p.tags
      .map((t) => text(t))
      .filter(Boolean)
      .join(', '),
  );
  if (o.includeAbstract) add('abstract', text(p.abstract));
  // `note` is printed in bibliographies; a private reading note belongs in annote/annotation,
  // and so do the highlights (one field: a .bib entry holds each field once).
  const annote = [o.includeNote ? text(p.note) : '', highlightsAnnote(o.highlights ?? [], text)].filter(Boolean).join(' ');
  add(bl ? 'annotation' : 'annote', annote);
  return { type, fields: f };
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

export function formatEntry(key: string, p: Paper, o: EntryOptions): string {
  const { type, fields } = entryFields(p, o);
  const body = fields.map(([k, v]) => (k === 'month' ? `  ${k} = ${v}` : `  ${k} = {${v}}`)).join(',\n');
  return `@${type}{${key},\n${body}\n}\n`;
}
