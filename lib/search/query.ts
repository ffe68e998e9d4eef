// The search box's query language: free words, "quoted phrases", -negation and field filters
// (tag:, status:, year:, author:, has:, is:). Parsing never throws: an incomplete filter
// (`year:>` while the user is still typing) becomes an invalid chip that filters nothing.
import type { ReadingStatus } from '../paper/schema';
import { fold, words } from './normalize';

export type Filter =
  | { kind: 'tag'; tag: string }
  | { kind: 'status'; status: ReadingStatus }
  /** Inclusive bounds; ±Infinity when open. */
  | { kind: 'year'; min: number; max: number }
  /** Every word must prefix a word of the same author name. */
  | { kind: 'author'; words: string[] }
  | { kind: 'has'; field: 'note' | 'tag' | 'abstract' }
  | { kind: 'starred' };

export interface FilterClause {
  filter: Filter;
  negated: boolean;
}

/** Folded words. Several words (a quoted phrase or `bert-based`) must appear contiguously. */
export interface TextTerm {
  words: string[];
  phrase: boolean;
  negated: boolean;
}

export interface QueryChip {
  kind: 'text' | 'tag' | 'status' | 'year' | 'author' | 'has' | 'is';
  label: string;
  negated: boolean;
  /** False for an incomplete or unknown value: the chip is shown but does not filter. */
  valid: boolean;
  /** Canonical query syntax of this chip; joining the `raw` of the chips kept rebuilds a query. */
  raw: string;
}

export interface ParsedQuery {
  terms: TextTerm[];
  filters: FilterClause[];
  chips: QueryChip[];
  /** The valid part of the query in canonical syntax. */
  canonical: string;
  /** True when the input was cut at MAX_QUERY_CHARS or MAX_CLAUSES. */
  truncated: boolean;
}

export const MAX_QUERY_CHARS = 2000;
export const MAX_CLAUSES = 32;

const STATUS: Record<string, ReadingStatus> = { read: 'read', reading: 'reading', unread: 'unread', toread: 'unread', 'to-read': 'unread' };
const HAS: Record<string, 'note' | 'tag' | 'abstract'> = { note: 'note', notes: 'note', tag: 'tag', tags: 'tag', abstract: 'abstract' };
const KEYS = new Set(['tag', 'status', 'year', 'author', 'has', 'is']);

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.terms.length === 0 && q.filters.length === 0;
}

export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { terms: [], filters: [], chips: [], canonical: '', truncated: input.length > MAX_QUERY_CHARS };
  for (const token of tokenize(input.slice(0, MAX_QUERY_CHARS))) {
    if (q.chips.length >= MAX_CLAUSES) {
      q.truncated = true;
      break;
    }
    addToken(q, token);
  }
  q.canonical = q.chips
    .filter((c) => c.valid)
    .map((c) => c.raw)
    .join(' ');
  return q;
}

interface Token {
  negated: boolean;
  quoted: boolean;
  text: string;
}

function* tokenize(s: string): Generator<Token> {
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && /\s/.test(s[i])) i++;
    if (i >= n) return;
    let negated = false;
    if (s[i] === '-') {
      negated = true;
      i++;
      if (i >= n || /\s/.test(s[i])) continue; // a lone "-"
    }
    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      const stop = end < 0 ? n : end;
      yield { negated, quoted: true, text: s.slice(i + 1, stop) };
      i = stop + 1;
      continue;
    }
    let text = '';
    while (i < n && !/\s/.test(s[i])) {
      if (s[i] === '"') {
        // key:"quoted value with spaces"
        const end = s.indexOf('"', i + 1);
        const stop = end < 0 ? n : end;
        text += s.slice(i + 1, stop);
        i = stop + 1;
      } else text += s[i++];
    }
    yield { negated, quoted: false, text };
  }
}

function addToken(q: ParsedQuery, t: Token): void {
  const colon = t.quoted ? -1 : t.text.indexOf(':');
  const key = colon > 0 ? t.text.slice(0, colon).toLowerCase() : '';
  if (!KEYS.has(key)) return addText(q, t);
  const value = t.text.slice(colon + 1).trim();
  const filter = parseFilter(key, value);
  const neg = t.negated ? '-' : '';
  const kind = key as QueryChip['kind'];
  if (!filter) {
    q.chips.push({ kind, label: `${key}: ${value}`, negated: t.negated, valid: false, raw: `${neg}${key}:${quote(value)}` });
    return;
  }
  q.filters.push({ filter, negated: t.negated });
  q.chips.push({ kind, negated: t.negated, valid: true, ...describe(filter, neg) });
}

function addText(q: ParsedQuery, t: Token): void {
  const w = words(t.text);
  if (w.length === 0) return;
  const phrase = t.quoted || w.length > 1;
  q.terms.push({ words: w, phrase, negated: t.negated });
  const shown = w.join(' ');
  const raw = (t.negated ? '-' : '') + (phrase ? `"${shown}"` : shown);
  q.chips.push({ kind: 'text', label: phrase ? `“${shown}”` : shown, negated: t.negated, valid: true, raw });
}

function parseFilter(key: string, value: string): Filter | null {
  const v = value.toLowerCase();
  switch (key) {
    case 'tag': {
      const tag = normalizeTag(value);
      return tag ? { kind: 'tag', tag } : null;
    }
    case 'status':
      return v in STATUS ? { kind: 'status', status: STATUS[v] } : null;
    case 'year':
      return parseYear(v);
    case 'author': {
      const w = words(value);
      return w.length ? { kind: 'author', words: w } : null;
    }
    case 'has':
      return v in HAS ? { kind: 'has', field: HAS[v] } : null;
    case 'is':
      return v === 'starred' || v === 'star' ? { kind: 'starred' } : null;
  }
  return null;
}

/** Years have four digits, so `year:>20` (typed halfway) filters nothing yet. */
function parseYear(v: string): Filter | null {
  let m = /^(\d{4})$/.exec(v);
  if (m) return { kind: 'year', min: +m[1], max: +m[1] };
  m = /^(>=|<=|>|<)(\d{4})$/.exec(v);
  if (m) {
    const y = +m[2];
    if (m[1] === '>') return { kind: 'year', min: y + 1, max: Infinity };
    if (m[1] === '>=') return { kind: 'year', min: y, max: Infinity };
    if (m[1] === '<') return { kind: 'year', min: -Infinity, max: y - 1 };
    return { kind: 'year', min: -Infinity, max: y };
  }
  m = /^(\d{4})?(?:\.\.|-)(\d{4})?$/.exec(v);
  if (m && (m[1] || m[2])) {
    const a = m[1] ? +m[1] : -Infinity;
    const b = m[2] ? +m[2] : Infinity;
    return { kind: 'year', min: Math.min(a, b), max: Math.max(a, b) };
  }
  return null;
}

/** Tags compare folded and with inner whitespace collapsed. */
export function normalizeTag(tag: string): string {
  return fold(tag).trim().replace(/\s+/g, ' ');
}

function quote(v: string): string {
  return /[\s"]/.test(v) ? `"${v.replace(/"/g, '')}"` : v;
}

function describe(f: Filter, neg: string): { label: string; raw: string } {
  switch (f.kind) {
    case 'tag':
      return { label: `tag: ${f.tag}`, raw: `${neg}tag:${quote(f.tag)}` };
    case 'status':
      return { label: `status: ${f.status}`, raw: `${neg}status:${f.status}` };
    case 'author':
      return { label: `author: ${f.words.join(' ')}`, raw: `${neg}author:${quote(f.words.join(' '))}` };
    case 'has':
      return { label: `has ${f.field}`, raw: `${neg}has:${f.field}` };
    case 'starred':
      return { label: 'starred', raw: `${neg}is:starred` };
    case 'year': {
      const { min, max } = f;
      if (min === max) return { label: `year ${min}`, raw: `${neg}year:${min}` };
      if (max === Infinity) return { label: `year ≥ ${min}`, raw: `${neg}year:>=${min}` };
      if (min === -Infinity) return { label: `year ≤ ${max}`, raw: `${neg}year:<=${max}` };
      return { label: `year ${min}–${max}`, raw: `${neg}year:${min}..${max}` };
    }
  }
}
