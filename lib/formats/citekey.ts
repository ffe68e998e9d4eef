/*
 * Citation keys.
 *
 * A key format is a template: literal text plus fields in brackets, each with optional
 * `:modifier`s. Keys are lower-case ASCII unless a modifier says otherwise.
 *   [auth]        first author's family name (particles dropped: "van der Berg" → berg); "anon" if none
 *   [authors]     every author's family name, run together
 *   [authorsN]    the first N family names, then "etal" when there are more (e.g. [authors2])
 *   [year]        four-digit year; nothing when unknown
 *   [shortyear]   two-digit year
 *   [shorttitle]  first significant title word (stop words such as a, the, on, of, towards skipped)
 *   [title]       first three significant title words; [title:N] the first N
 * Modifiers: :upper, :lower, :capitalize, and :N on any other field to keep its first N characters.
 * Literal text outside brackets is kept as typed (letters, digits and _ : . - only).
 * Default: [auth][year][shorttitle] → vaswani2017attention.
 */
import type { Paper, PaperMeta } from '../paper/schema';
import { familyOf } from './names';
import { splitMath } from './latex';

export const DEFAULT_KEY_FORMAT = '[auth][year][shorttitle]';

const STOP = new Set(
  'a an the on of for towards toward to in into and or with without from by at via is are be as its it this that these do does what how why when where which we our your you can not no vs versus about using through over under upon'.split(
    ' ',
  ),
);
// Latin letters that do not decompose under NFKD.
const FOLD: Record<string, string> = {
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  ŋ: 'n',
  ħ: 'h',
  ĸ: 'k',
};

/** "Łukasiewicz" → "Lukasiewicz"; anything without an ASCII form is dropped. */
export function asciiFold(s: string): string {
  if (/^[A-Za-z0-9]*$/.test(s)) return s;
  return s
    .replace(/[øØłŁßæÆœŒđĐðÐþÞıŋħĸ]/g, (c) => FOLD[c])
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '');
}

const ASCII_TITLE = /^[\x20-\x7E]*$/;

/** The first `max` significant words of a title, folded to ASCII (math left out). */
function titleWords(title: string, max: number): string[] {
  // Most titles are printable ASCII without math: words are runs of [A-Za-z0-9'], nothing to fold.
  if (!title.includes('$') && ASCII_TITLE.test(title)) return asciiTitleWords(title, max);
  const text = title.includes('$')
    ? splitMath(title)
        .filter((s) => !s.math)
        .map((s) => s.text)
        .join(' ')
    : title;
  const out: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}'’]+/gu)) {
    const w = m[0].replace(/['’]/g, '');
    if (!w || STOP.has(w.toLowerCase())) continue;
    const folded = asciiFold(w);
    if (folded && out.push(folded) >= max) break;
  }
  return out;
}

function asciiTitleWords(title: string, max: number): string[] {
  const out: string[] = [];
  const re = /[A-Za-z0-9']+/g;
  for (let m = re.exec(title); m; m = re.exec(title)) {
    const w = m[0].includes("'") ? m[0].replace(/'/g, '') : m[0];
    if (!w || STOP.has(w.toLowerCase())) continue;
    if (out.push(w) >= max) break;
  }
  return out;
}

// Each author's key part once per export of a library that names them again and again.
const familyKeys = new Map<string, string>();

function familyKey(author: string): string {
  let k = familyKeys.get(author);
  if (k === undefined) {
    k = asciiFold(
      familyOf(author)
        .replace(/^the\s+/i, '')
        .split(' ')[0] ?? '',
    );
    if (familyKeys.size >= 20_000) familyKeys.clear();
    familyKeys.set(author, k);
  }
  return k;
}

function fieldValue(p: PaperMeta, name: string, num?: number, authorsN?: number): string {
  if (authorsN !== undefined) {
    const n = authorsN;
    const fams = p.authors.slice(0, n).map(familyKey);
    return fams.join('') + (p.authors.length > n ? 'etal' : '') || 'anon';
  }
  switch (name) {
    case 'auth':
      return (p.authors[0] && familyKey(p.authors[0])) || 'anon';
    case 'authors':
      return p.authors.map(familyKey).join('') || 'anon';
    case 'year':
      return p.year ? String(p.year) : '';
    case 'shortyear':
      return p.year ? String(p.year).slice(2) : '';
    case 'shorttitle':
      return titleWords(p.title, num ?? 1).join('');
    case 'title':
      return titleWords(p.title, num ?? 3).join('');
    default:
      return '';
  }
}

/** A field of a template; `authorsN` is N of [authorsN]. */
type Part = string | { field: string; num?: number; isTitle: boolean; mods: string[]; authorsN?: number };
const compiled = new Map<string, Part[]>();

/** The template read once into literal text and fields (an export formats thousands of keys). */
function compile(template: string): Part[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = [];
  for (const m of template.matchAll(/\[([a-z0-9]+)((?::[a-z0-9]+)*)\]|([^[\]]+)|([[\]])/gi)) {
    const [, field, mods, literal] = m;
    if (literal !== undefined) parts.push(literal.normalize('NFKD').replace(/[^A-Za-z0-9_:.-]/g, ''));
    else if (field) {
      const list = mods ? mods.slice(1).split(':') : [];
      const num = list.find((x) => /^\d+$/.test(x));
      const authorsN = /^authors(\d+)$/i.exec(field);
      parts.push({
        authorsN: authorsN ? Number(authorsN[1]) : undefined,
        field: field.toLowerCase(),
        num: num ? Number(num) : undefined,
        isTitle: field.toLowerCase() === 'title' || field.toLowerCase() === 'shorttitle',
        mods: list,
      });
    }
  }
  if (compiled.size > 50) compiled.clear();
  compiled.set(template, parts);
  return parts;
}

/** The key the template gives for `p`, before clash suffixes. Never empty. */
export function formatCitationKey(p: PaperMeta, template = DEFAULT_KEY_FORMAT): string {
  let out = '';
  for (const part of compile(template)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    let v = fieldValue(p, part.field, part.isTitle ? part.num : undefined, part.authorsN).toLowerCase();
    if (!part.isTitle && part.num) v = v.slice(0, part.num);
    for (const mod of part.mods) {
      if (mod === 'upper') v = v.toUpperCase();
      else if (mod === 'capitalize') v = v.charAt(0).toUpperCase() + v.slice(1);
    }
    out += v;
  }
  return out.slice(0, 100) || 'paper';
}

/** BibTeX keys may not contain spaces, commas, braces, quotes, #, %, ~, = or backslashes. */
const UNSAFE = /[^A-Za-z0-9_:.\-+/]/;
export function safeKey(k: string): string {
  return (UNSAFE.test(k) ? k.replace(/[^A-Za-z0-9_:.\-+/]/g, '') : k).slice(0, 200);
}

/**
 * A key the user already cites, kept as it is where bibtex, biber and pandoc all read it: `?`
 * too (older Zotero exports wrote `smith_testing_????`; dropping it would break their documents).
 */
export function storedKey(k: string): string {
  return k.replace(/[^A-Za-z0-9_:.\-+/?]/g, '').slice(0, 200);
}

function suffix(n: number): string {
  let s = '';
  for (n += 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}

export type KeyedPaper = PaperMeta & Partial<Pick<Paper, 'citationKey' | 'citationKeyPinned'>>;

export interface KeyOptions {
  template?: string;
  /** Keys already stored on records outside this export: never reused. */
  reserved?: Iterable<string>;
}

/**
 * One key per paper: pinned and stored keys as they are (they were exported before and must
 * stay stable); new ones from the template, with a, b, c… on clashes. `assigned` holds only the
 * keys that are new, so the caller can store them.
 */
export function assignCitationKeys(papers: KeyedPaper[], opts: KeyOptions = {}): { keys: Map<string, string>; assigned: Map<string, string> } {
  const used = new Set<string>([...(opts.reserved ?? [])].map((k) => k.toLowerCase()));
  const keys = new Map<string, string>();
  const assigned = new Map<string, string>();
  const pending: KeyedPaper[] = [];
  // Pinned keys first, then stored ones: a stored key that clashes with a pinned one is redone.
  const pinned = papers.filter((p) => p.citationKeyPinned);
  const byPriority = pinned.length ? [...pinned, ...papers.filter((p) => !p.citationKeyPinned)] : papers;
  for (const p of byPriority) {
    const stored = p.citationKey && storedKey(p.citationKey);
    if (stored && !used.has(stored.toLowerCase()) && !keys.has(p.key)) {
      keys.set(p.key, stored);
      used.add(stored.toLowerCase());
    } else if (!keys.has(p.key)) pending.push(p);
  }
  // Per base, the first suffix not yet known to be taken (keys only ever become used): a
  // library full of "li2020learning"s does not try a, b, c… again for each one.
  const nextSuffix = new Map<string, number>();
  for (const p of pending) {
    if (keys.has(p.key)) continue;
    const base = safeKey(formatCitationKey(p, opts.template)) || 'paper';
    let key = base;
    let lower = base.toLowerCase();
    if (used.has(lower)) {
      let i = nextSuffix.get(base) ?? 0;
      while (used.has((lower = (key = base + suffix(i)).toLowerCase()))) i++;
      nextSuffix.set(base, i + 1);
    }
    used.add(lower);
    keys.set(p.key, key);
    assigned.set(p.key, key);
  }
  return { keys, assigned };
}
