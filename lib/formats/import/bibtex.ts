// BibTeX / BibLaTeX import with @retorquere/bibtex-parser (the parser behind Better BibTeX):
// LaTeX back to Unicode, entry types mapped back, the citation key kept as a pinned key.
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { arxivIdFromUrl, parseArxivId } from '../../paper/identity';
import type { PaperType } from '../../paper/schema';
import { withUrlIds } from '../idurls';
import { splitMath } from '../latex';
import { candidate, guarded, type ImportResult, type PaperCandidate } from './candidate';

const OPTIONS = { english: false, sentenceCase: false as const, caseProtection: false as const, unsupported: 'ignore' as const };

function typeOf(entryType: string, hasArxiv: boolean): PaperType {
  const t = entryType.toLowerCase();
  if (t === 'article') return 'journal';
  if (t === 'inproceedings' || t === 'conference' || t === 'proceedings') return 'conference';
  if (hasArxiv && ['misc', 'online', 'unpublished', 'report', 'techreport', 'preprint', 'electronic'].includes(t)) return 'preprint';
  return 'other';
}

function creatorName(c: Creator): string {
  if (c.name) return c.name;
  return [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ');
}

/** The parser turns `$x^2$` into markup; a title keeps its math as typed, the rest is decoded. */
function titleOf(entry: Entry, raw: Entry | undefined): string {
  const rawTitle = raw?.fields.title;
  const decoded = entry.fields.title ?? '';
  if (!rawTitle || !splitMath(rawTitle, true).some((s) => s.math)) return decoded;
  return splitMath(rawTitle, true)
    .map((s) => (s.math ? s.text : decodeKeepingSpace(s.text)))
    .join('');
}

// Text with nothing TeX would change but spacing: no commands, groups, ties, math, ligatures
// (-- `` '' !` ?`), specials or babel shorthands. Decoding it through the parser (a whole parse
// per keyword) gives it back with its spaces collapsed: done directly.
const PLAIN_TEX = /^[^\\{}~$`'"%&_^#<>]*$/;

function decodeKeepingSpace(tex: string): string {
  if (PLAIN_TEX.test(tex) && !tex.includes('--')) return tex.replace(/\s+/g, ' ');
  const decoded = parse(`@misc{x, title = {${tex}}}`, OPTIONS).entries[0]?.fields.title ?? tex;
  return (/^\s/.test(tex) ? ' ' : '') + decoded.trim() + (/\s$/.test(tex) ? ' ' : '');
}

function arxivOf(f: Entry['fields']): string | undefined {
  const prefix = (f.archiveprefix ?? f.eprinttype ?? '').toLowerCase();
  if (f.eprint && (prefix === 'arxiv' || (!prefix && parseArxivId(f.eprint)))) return f.eprint;
  const fromUrl = f.url && arxivIdFromUrl(f.url);
  if (fromUrl) return fromUrl.id;
  const fromJournal = /^arxiv:\s*(\S+)/i.exec(f.journal ?? f.note ?? '');
  return fromJournal?.[1];
}

function toCandidate(entry: Entry, raw: Entry | undefined, errors: ImportResult['errors']): PaperCandidate | null {
  // The parser's Unicode can come decomposed (U + combining diaeresis); the library stores NFC.
  const json = JSON.stringify(entry.fields);
  const f = (/[^\x00-\x7F]/.test(json) ? JSON.parse(json.normalize('NFC')) : entry.fields) as Entry['fields'];
  const arxiv = arxivOf(f);
  const venue = f.journal ?? f.journaltitle ?? f.booktitle ?? (f.howpublished && !/^https?:/.test(f.howpublished) ? f.howpublished : undefined);
  const notes = [f.annote, f.annotation, f.note].filter((n): n is string => !!n && !/^arxiv:/i.test(n));
  return candidate(
    {
      ids: withUrlIds({ arxiv, doi: f.doi, url: f.url, pmid: f.pmid }, f.url),
      title: titleOf(entry, raw).normalize('NFC'),
      authors: (f.author ?? []).map(creatorName),
      year: f.year ?? f.date,
      date: f.date,
      venue,
      type: typeOf(entry.type, !!arxiv),
      abstract: f.abstract,
      absUrl: f.url,
      source: 'import:bibtex',
      arxivCategory: f.primaryclass ?? f.eprintclass,
      volume: f.volume,
      number: f.number ?? f.issue,
      pages: f.pages?.replace(/\s*[-–]+\s*/g, '-'),
      publisher: f.publisher?.join(' and '),
    },
    { tags: (raw?.fields.keywords ?? f.keywords ?? []).map((k) => decodeKeepingSpace(k).trim().normalize('NFC')), note: notes.join('\n\n'), citationKey: entry.key, citationKeyPinned: !!entry.key },
    entry.key || `entry ${entry.type}`,
    errors,
  );
}

export function importBibtex(text: string): ImportResult {
  return guarded('file', (result) => {
    const lib = parse(text, OPTIONS);
    // The undecoded text is read for titles with math only (see titleOf): a second parse of the
    // whole file when some title may hold `$`. Keywords come undecoded from either parse.
    const rawLib = text.includes('$') ? parse(text, { ...OPTIONS, raw: true }) : lib;
    const rawByKey = new Map(rawLib.entries.map((e) => [e.key, e]));
    for (const e of lib.errors) result.errors.push({ where: e.input ? e.input.slice(0, 60) : 'file', message: e.error });
    for (const entry of lib.entries) {
      try {
        const c = toCandidate(entry, rawByKey.get(entry.key), result.errors);
        if (c) result.papers.push(c);
      } catch (e) {
        result.errors.push({ where: entry.key, message: String(e) });
      }
    }
  });
}
