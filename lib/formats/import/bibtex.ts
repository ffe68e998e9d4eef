// BibTeX / BibLaTeX import with @retorquere/bibtex-parser (the parser behind Better BibTeX):
// LaTeX back to Unicode, entry types mapped back, the citation key kept as a pinned key.
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { readBib } from './bibread';
import { arxivIdFromUrl, parseArxivId } from '../../paper/identity';
import type { NameParts, PaperType } from '../../paper/schema';
import { displayOf, fromParts } from '../names';
import { withUrlIds } from '../idurls';
import { splitMath } from '../latex';
import { candidate, guarded, type ImportResult, type PaperCandidate } from './candidate';

// TeX logos the parser does not know are words; other unknown commands go (their arguments stay).
const LOGO_WORDS: Record<string, string> = {
  TeX: 'TeX',
  BibTeX: 'BibTeX',
  LaTeXe: 'LaTeX2e',
  XeTeX: 'XeTeX',
  XeLaTeX: 'XeLaTeX',
  LuaTeX: 'LuaTeX',
  ConTeXt: 'ConTeXt',
  AmS: 'AMS',
  AMS: 'AMS',
};
const unsupported = (node: { type: string; content?: unknown }): string =>
  node.type === 'macro' && typeof node.content === 'string' ? (LOGO_WORDS[node.content] ?? '') : '';
const OPTIONS = { english: false as const, sentenceCase: false as const, caseProtection: false as const, unsupported };

function typeOf(entryType: string, hasArxiv: boolean): PaperType {
  const t = entryType.toLowerCase();
  if (t === 'article') return 'journal';
  if (t === 'inproceedings' || t === 'conference' || t === 'proceedings') return 'conference';
  if (hasArxiv && ['misc', 'online', 'unpublished', 'report', 'techreport', 'preprint', 'electronic'].includes(t)) return 'preprint';
  return 'other';
}

function creatorParts(c: Creator): NameParts {
  if (c.name) return { literal: c.name };
  if (!c.lastName) return { literal: [c.firstName, c.prefix, c.suffix].filter(Boolean).join(' ') };
  const n: NameParts = { family: c.lastName };
  if (c.firstName) n.given = c.firstName;
  if (c.prefix) n.prefix = c.prefix;
  if (c.suffix) n.suffix = c.suffix;
  return n;
}

// Names repeat across a bibliography: each displayed once.
const displayed = new Map<string, string>();
function creatorName(c: Creator): string {
  const key = `${c.name}\u0001${c.lastName}\u0001${c.firstName}\u0001${c.prefix}\u0001${c.suffix}`;
  let d = displayed.get(key);
  if (d === undefined) {
    d = displayOf(fromParts(creatorParts(c)));
    if (displayed.size >= 20_000) displayed.clear();
    displayed.set(key, d);
  }
  return d;
}

// The parser renders some commands as HTML (\url → <a href>, \textsc → a styled <span>, \emph →
// <i>…); in a title they are text. Its markup tags are these, and a `<` of the text never comes
// out as one (TeX's OT1 `<` is `¡`; \textless is `<` followed by no tag name).
const MARKUP = /<\/?(?:a|span|i|b|sub|sup|code|br|p|li|ul|blockquote|h[1-6])(?:\s[^<>]*)?>/g;
const LOGOS: [RegExp, string][] = [[/Lᴬ?T<sub>E<\/sub>X/g, 'LaTeX']];

function plainText(decoded: string): string;
function plainText(decoded: string | undefined): string | undefined;
function plainText(decoded: string | undefined): string | undefined {
  if (!decoded?.includes('<')) return decoded;
  let out: string = decoded;
  for (const [re, text] of LOGOS) out = out.replace(re, text);
  return out.replace(MARKUP, '');
}

/**
 * A title field as plain text with its math kept as typed: the math of the undecoded value is set
 * aside, the rest decoded as one piece (braces around math and words, `{Cu$_2$O}`, stay paired).
 */
function titleField(entry: Entry, raw: Entry | undefined, field: 'title' | 'subtitle'): string {
  const rawValue = raw?.fields[field];
  const decoded = plainText(entry.fields[field] ?? '');
  if (!rawValue) return decoded;
  const segs = splitMath(rawValue, true);
  if (!segs.some((s) => s.math)) return decoded;
  const math: string[] = [];
  const tex = segs.map((s) => (s.math ? `zqmath${math.push(s.text) - 1}qz` : s.text)).join('');
  return decodeKeepingSpace(tex).replace(/zqmath(\d+)qz/g, (_, i: string) => math[Number(i)]);
}

/** BibLaTeX's subtitle joins the title as "Title: Subtitle" (as biblatex prints it). */
function titleOf(entry: Entry, raw: Entry | undefined): string {
  const title = titleField(entry, raw, 'title').trim();
  const subtitle = titleField(entry, raw, 'subtitle').trim();
  if (!subtitle) return title;
  if (!title) return subtitle;
  return /[.:?!]$/.test(title) ? `${title} ${subtitle}` : `${title}: ${subtitle}`;
}

// Text with nothing TeX would change but spacing: no commands, groups, ties, math, ligatures
// (-- `` '' !` ?`), specials or babel shorthands. Decoding it through the parser (a whole parse
// per keyword) gives it back with its spaces collapsed: done directly.
const PLAIN_TEX = /^[^\\{}~$`'"%&_^#<>]*$/;

function decodeKeepingSpace(tex: string): string {
  if (PLAIN_TEX.test(tex) && !tex.includes('--')) return tex.replace(/\s+/g, ' ');
  const decoded = plainText(parse(`@misc{x, title = {${tex}}}`, OPTIONS).entries[0]?.fields.title ?? tex);
  return (/^\s/.test(tex) ? ' ' : '') + decoded.trim() + (/\s$/.test(tex) ? ' ' : '');
}

// The parser reads keys of letters, digits and +'&;_:\./-[]*" only; bibtex and biber take any
// character but , { } and space (older Zotero exports wrote `smith_testing_????`). Such keys are
// swapped for stand-ins before parsing and given back after.
const ENTRY_HEAD = /^(\s*@\s*[a-z]+\s*[{(]\s*)([^,\s{}()=]+)(?=\s*,)/gim;
const PARSER_KEY = /^[+'\p{L}\p{N}&;_:\\./\-[\]*"]*$/u;

function protectKeys(text: string): { text: string; keys: Map<string, string> } {
  const keys = new Map<string, string>();
  if (!text.includes('@')) return { text, keys };
  const out = text.replace(ENTRY_HEAD, (all, head: string, key: string) => {
    if (PARSER_KEY.test(key)) return all;
    const stand = `papershelfkey${keys.size}x`;
    keys.set(stand, key);
    return head + stand;
  });
  return { text: keys.size ? out : text, keys };
}

function arxivOf(f: Entry['fields']): string | undefined {
  const prefix = (f.archiveprefix ?? f.eprinttype ?? '').toLowerCase();
  if (f.eprint && (prefix === 'arxiv' || (!prefix && parseArxivId(f.eprint)))) return f.eprint;
  const fromUrl = f.url && arxivIdFromUrl(f.url);
  if (fromUrl) return fromUrl.id;
  const fromJournal = /^arxiv:\s*(\S+)/i.exec(f.journal ?? f.note ?? '');
  return fromJournal?.[1];
}

const NON_ASCII = /[^\x00-\x7F]/;

/** Every string in the parser's JSON-plain output in NFC (a copy where anything changes). */
function nfc(v: unknown): unknown {
  if (typeof v === 'string') return NON_ASCII.test(v) ? v.normalize('NFC') : v;
  if (Array.isArray(v)) return v.map(nfc);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in v) out[k] = nfc((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

function toCandidate(entry: Entry, raw: Entry | undefined, errors: ImportResult['errors']): PaperCandidate | null {
  // The parser's Unicode can come decomposed (U + combining diaeresis); the library stores NFC.
  const f = nfc(entry.fields) as Entry['fields'];
  const arxiv = arxivOf(f);
  const venue = plainText(
    f.journal ?? f.journaltitle ?? f.booktitle ?? (f.howpublished && !/^https?:/.test(f.howpublished) ? f.howpublished : undefined),
  );
  const notes = [f.annote, f.annotation, f.note].filter((n): n is string => !!n && !/^arxiv:/i.test(n)).map(plainText);
  return candidate(
    {
      ids: withUrlIds({ arxiv, doi: f.doi, url: f.url, pmid: f.pmid }, f.url),
      title: titleOf(entry, raw).normalize('NFC'),
      authors: (f.author ?? []).map(creatorName),
      authorNames: (f.author ?? []).map(creatorParts),
      editors: (f.editor ?? []).map(creatorName),
      editorNames: (f.editor ?? []).map(creatorParts),
      year: f.year ?? f.date,
      date: f.date,
      venue,
      type: typeOf(entry.type, !!arxiv),
      abstract: plainText(f.abstract),
      absUrl: f.url,
      source: 'import:bibtex',
      arxivCategory: f.primaryclass ?? f.eprintclass,
      volume: f.volume,
      number: f.number ?? f.issue,
      pages: f.pages?.replace(/\s*[-–]+\s*/g, '-'),
      publisher: plainText(f.publisher?.join(' and ')),
    },
    {
      tags: (raw?.fields.keywords ?? f.keywords ?? []).map((k) => decodeKeepingSpace(k).trim().normalize('NFC')),
      note: notes.join('\n\n'),
      citationKey: entry.key,
      citationKeyPinned: !!entry.key,
    },
    entry.key || `entry ${entry.type}`,
    errors,
  );
}

export function importBibtex(input: string): ImportResult {
  return guarded('file', (result) => {
    const { text, keys } = protectKeys(input);
    const lib = readBib(text, OPTIONS);
    // The undecoded twins are the same objects where no title needs them: keys restored once each.
    for (const e of new Set([...lib.entries, ...lib.raw])) e.key = keys.get(e.key) ?? e.key;
    const rawByKey = new Map(lib.raw.map((e) => [e.key, e]));
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
