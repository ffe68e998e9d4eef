// Reading a .bib file into the parser's entries, fast. @retorquere/bibtex-parser runs a full LaTeX
// parse (unified-latex's PEG grammar) over every field value: ~90 % of an import of plain
// entries. An entry whose values hold no TeX at all (no command, group, math, ligature or
// special) decodes to its text with spaces collapsed, so it is read here, by the parser's own
// rules (verbatim.js, then BibTeXParser.field/parseCreator for plain text). Every other entry goes
// to the parser, and the whole file does whenever the parser would report an error or any part of
// the file reaches across entries (@string, @preamble, crossref) — the records stay the parser's.
import { FieldMode, parse, type Creator, type Entry } from '@retorquere/bibtex-parser';

/** The importer's options: no language is English to it (no sentence case), no case protection. */
export type ParserOptions = NonNullable<Parameters<typeof parse>[1]> & { english: false; sentenceCase: false };

export interface ReadBib {
  entries: Entry[];
  /** The undecoded entries (see importBibtex's titles with math), one per entry. */
  raw: Entry[];
  errors: { error: string; input?: string }[];
}

export type Parse = typeof parse;

/** The whole file through the parser, as before this reader. */
export function readWhole(text: string, options: ParserOptions, parser: Parse = parse): ReadBib {
  const lib = parser(text, options);
  // The undecoded text is read for titles with math only: a second parse when some title may hold `$`.
  const raw = text.includes('$') ? parser(text, { ...options, raw: true }).entries : lib.entries;
  return { entries: lib.entries, raw, errors: lib.errors };
}

// verbatim.js's key characters (an entry key also takes [ ] * ").
const KEY = /[+'a-zA-Z0-9&;_:\\./\-[\]*"\p{Lu}\p{Lt}\p{Ll}\p{Lm}\p{Lo}]+/uy;
const FIELD = /[+'a-zA-Z0-9&;_:\\./\-\p{Lu}\p{Lt}\p{Ll}\p{Lm}\p{Lo}]+/uy;
const TYPE = /[a-zA-Z]+/y;
const WS = /[ \t\r\n]*/y;
const DIGITS = /\d+/y;
const KEY_CHAR = /[+'a-zA-Z0-9&;_:\\./\-[\]*"\p{L}]/u;
// Text the LaTeX parser gives back as it is, but for whitespace: none of TeX's specials, no
// ligature (-- `` '' << >> ~), no paragraph break, no `=` (biblatex's `family=` names), only
// ASCII whitespace and no control, format or unassigned character.
const NOT_PLAIN =
  /[\\{}~$`'"%&_^#<>=@\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\p{Cf}\p{Cs}\p{Co}\p{Cn}]|--|\n[ \t\r]*\n/u;
// Groups are text too where a field is text (not names, lists or verbatim): `{BERT}` is BERT.
const NOT_PLAIN_GROUPED =
  /[\\~$`'"%&_^#<>=@\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\p{Cf}\p{Cs}\p{Co}\p{Cn}]|--|\n[ \t\r]*\n/u;
const TEXT_MODES = new Set(['literal', 'title', 'richtext']);

function modeOf(field: string): string {
  let mode = 'literal';
  for (const [selected, fields] of Object.entries(FieldMode) as [string, (string | RegExp)[]][]) {
    if (fields.some((m) => (typeof m === 'string' ? field === m : m.test(field)))) mode = selected;
  }
  return mode;
}
const modes = new Map<string, string>();
const modeCached = (field: string) => {
  let m = modes.get(field);
  if (m === undefined) modes.set(field, (m = modeOf(field)));
  return m;
};

const collapse = (s: string) => s.replace(/[ \t\r\n]+/g, ' ');

/** A JSON round trip of the parser's trimCreator: strings trimmed, empty ones dropped. */
function trimCreator(c: Record<string, string | undefined>): Creator {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c)) {
    const t = v?.trim();
    if (t) out[k] = t;
  }
  return out;
}

/**
 * The parser's split on a separator word between spaces (/(^& | & | &$)/ over the node types), on
 * whitespace-delimited tokens; null when two separators touch (the parser pairs them oddly).
 */
function splitAnd(value: string): string[] | null {
  const tokens = value.split(/[ \t\r\n]+/);
  // A lone word with no space on either side is never a separator, even "and".
  if (tokens.length === 1) return tokens;
  const parts: string[][] = [[]];
  let prevAnd = false;
  for (const t of tokens) {
    const and = /^and$/i.test(t);
    if (and && prevAnd) return null;
    prevAnd = and;
    if (and) parts.push([]);
    else if (t) parts[parts.length - 1].push(t);
  }
  return parts.map((p) => p.join(' '));
}

function creator(text: string): Creator | null {
  if (text.includes(',')) {
    const parts = text.split(',').map((p) => collapse(p).trim());
    if (parts.length === 3 && parts[2] === '') parts.pop();
    if (parts.length > 3) return null; // the parser reports it: the whole file goes to it
    const [family, suffix, firstName] = parts.length === 2 ? [parts[0], undefined, parts[1]] : parts;
    const m = /^([a-z'. ]+) (.+)/.exec(family);
    return trimCreator({ lastName: m ? m[2] : family, firstName, prefix: m?.[1], suffix });
  }
  const names = text.split(' ').filter(Boolean);
  if (names.length === 1) return trimCreator({ lastName: names[0] });
  const prefix = names.findIndex((n) => /^[a-z]/.test(n));
  const postfix = prefix <= 0 ? -1 : names.findIndex((n, i) => i > prefix && !/^[a-z]/.test(n));
  if (postfix === -1) {
    const lastName = names.pop();
    return trimCreator({ lastName, firstName: names.join(' ') });
  }
  return trimCreator({
    firstName: names.slice(0, prefix).join(' '),
    prefix: names.slice(prefix, postfix).join(' '),
    lastName: names.slice(postfix).join(' '),
  });
}

// The parser's month names (its Month table).
const MONTH: Record<string, string> = {};
for (const [i, m] of [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
].entries())
  MONTH[m] = MONTH[m.slice(0, 3)] = String(i + 1);

/** One plain field as BibTeXParser.reparse stores it; false when the parser must read it. */
function decodeField(entry: Entry, field: string, value: string): boolean {
  const fields = entry.fields as Record<string, unknown>;
  const mode = modeCached(field);
  entry.mode[field] = mode as Entry['mode'][string];
  if (mode === 'creatorlist' || mode === 'literallist') {
    const parts = splitAnd(value);
    if (!parts) return false;
    if (mode === 'literallist') {
      fields[field] = parts;
      return true;
    }
    const creators: Creator[] = [];
    for (const p of parts) {
      const c = creator(p);
      if (!c) return false;
      if (Object.keys(c).length) creators.push(c);
    }
    fields[field] = creators;
    return true;
  }
  // Each whitespace node is one space, groups print their content: `a { } b` is "a   b".
  let s = collapse(value);
  if (s.includes('{')) s = s.replace(/[{}]/g, '');
  if ((field === 'year' || field === 'month') && /^-?\d+$/.test(s.trim())) s = `${parseInt(s)}`;
  s = s.trim();
  if (field === 'month') s = MONTH[s.toLowerCase()] || s;
  fields[field] = s;
  return true;
}

/** A plain entry at `at` (an `@`), or null when it is anything else. */
/** A field left to the parser: its value as verbatim.js reads it, decoded in one batch later. */
interface Deferred {
  entry: Entry;
  field: string;
  value: string;
}

/**
 * The entry at `at` (an `@`) when it is a `{`-entry with a key and fields of braced, quoted or
 * numeric values, its plain fields decoded and its other braced ones added to `deferred`; null
 * when it is anything else (the parser reads it).
 */
function readEntry(text: string, at: number, deferred: Deferred[]): { entry: Entry; end: number } | null {
  const skip = (p: number) => {
    WS.lastIndex = p;
    WS.exec(text);
    return WS.lastIndex;
  };
  const word = (re: RegExp, p: number) => {
    re.lastIndex = p;
    return re.exec(text)?.[0];
  };
  let p = skip(at + 1);
  const type = word(TYPE, p);
  if (!type || KEY_CHAR.test(text[p + type.length] ?? '')) return null;
  const lower = type.toLowerCase();
  if (lower === 'comment' || lower === 'string' || lower === 'preamble') return null;
  p = skip(p + type.length);
  if (text[p] !== '{') return null;
  p = skip(p + 1);
  const key = word(KEY, p);
  if (!key) return null;
  p = skip(p + key.length);
  if (text[p] !== ',') return null;
  const entry: Entry = { type: lower, key, fields: {}, mode: {}, input: '' };
  const values: [string, string][] = [];
  const seen = new Set<string>();
  p = skip(p + 1);
  while (text[p] !== '}') {
    const name = word(FIELD, p);
    if (!name) return null;
    p = skip(p + name.length);
    if (text[p] !== '=') return null;
    p = skip(p + 1);
    let value: string;
    const c = text[p];
    if (c === '{') {
      const end = braceEnd(text, p);
      if (end < 0) return null;
      value = text.slice(p + 1, end - 1);
      p = end;
    } else if (c === '"') {
      const close = text.indexOf('"', p + 1);
      if (close < 0) return null;
      value = text.slice(p + 1, close);
      if (NOT_PLAIN.test(value)) return null;
      p = close + 1;
    } else {
      value = word(DIGITS, p) ?? '';
      if (!value || KEY_CHAR.test(text[p + value.length] ?? '')) return null;
      p += value.length;
    }
    const field = name.toLowerCase();
    if (seen.has(field) || field === 'crossref') return null;
    seen.add(field);
    values.push([field, value]);
    p = skip(p);
    if (text[p] === ',') p = skip(p + 1);
    else if (text[p] !== '}') return null;
  }
  let keywords: string[] = [];
  const later: Deferred[] = [];
  for (const [field, value] of values) {
    if (!value.trim()) continue;
    if ((TEXT_MODES.has(modeCached(field)) ? NOT_PLAIN_GROUPED : NOT_PLAIN).test(value) || !decodeField(entry, field, value)) {
      // Its place among the fields is kept (the parser's order); keywords always go last.
      if (field !== 'keywords') (entry.fields as Record<string, unknown>)[field] = undefined;
      entry.mode[field] = modeCached(field) as Entry['mode'][string];
      later.push({ entry, field, value });
      continue;
    }
    if (field === 'keywords') {
      const f = entry.fields as Record<string, unknown>;
      keywords = [...keywords, ...(f.keywords as string).split(/\s*[,;]\s*/)].map((k) => k.trim()).filter((k) => k);
      delete f.keywords;
    }
  }
  if (keywords.length) {
    entry.fields.keywords = [...new Set(keywords)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    entry.mode.keywords = 'verbatimlist';
  }
  deferred.push(...later);
  entry.input = text.slice(at, p + 1).trim();
  return { entry, end: p + 1 };
}

const SPECIAL = /[{\\$]/;

/** Where verbatim.js's value_braces ends a `{`-group opened at `open`; -1 where it would throw. */
function braceEnd(text: string, open: number): number {
  // Most values hold no group, escape or math: their end is the next `}`.
  const close = text.indexOf('}', open + 1);
  if (close < 0) return -1;
  if (!SPECIAL.test(text.slice(open + 1, close))) return close + 1;
  let depth = 0;
  let math = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '$') math = !math;
    else if (c === '}' && depth-- === 0) return math ? -1 : i + 1;
  }
  return -1;
}

/**
 * The deferred fields decoded by the parser, each as the one field of an entry of its own (a
 * field's decoding depends on its name and value only: no language is English to the importer).
 * Gives the undecoded twins of the entries that need one, or null where the parser objects.
 */
function decodeDeferred(deferred: Deferred[], options: ParserOptions, parser: Parse): Map<Entry, Entry> | null {
  const twins = new Map<Entry, Entry>();
  if (!deferred.length) return twins;
  const text = deferred.map((d, i) => `@misc{d${i},\n  ${d.field} = {${d.value}}\n}\n`).join('');
  const got = readWhole(text, options, parser);
  if (got.errors.length || got.entries.length !== deferred.length || got.raw.length !== deferred.length) return null;
  for (const [i, d] of deferred.entries()) {
    const e = got.entries[i];
    if (e.key !== `d${i}`) return null;
    const fields = d.entry.fields as Record<string, unknown>;
    const value = (e.fields as Record<string, unknown>)[d.field];
    if (d.field === 'keywords') delete fields.keywords;
    if (value === undefined) delete fields[d.field];
    else {
      fields[d.field] = value;
      d.entry.mode[d.field] = e.mode[d.field];
    }
    const r = got.raw[i];
    if (r !== e) {
      const twin = twins.get(d.entry) ?? { ...d.entry, fields: { ...d.entry.fields } };
      (twin.fields as Record<string, unknown>)[d.field] = (r.fields as Record<string, unknown>)[d.field];
      twins.set(d.entry, twin);
    }
  }
  return twins;
}

// Anything read across entries, or that the fast reader does not model: the parser reads it all.
const WHOLE = /@\s*(?:string|preamble)\b|crossref|xdata/i;

/**
 * The entries of a .bib file, as `parse(text, options)` gives them (and their undecoded twins):
 * plain entries read here, the others by the parser in runs, the whole file by it when in doubt.
 */
export function readBib(text: string, options: ParserOptions, parser: Parse = parse): ReadBib {
  if (WHOLE.test(text)) return readWhole(text, options, parser);
  type Slot = Entry | { chunk: string };
  const slots: Slot[] = [];
  const deferred: Deferred[] = [];
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    // verbatim.js's parseNext: skip to the next `@`, past %-comment lines.
    while (pos < n && text[pos] !== '@') {
      if (text[pos] === '%') {
        const nl = text.indexOf('\n', pos);
        pos = nl < 0 ? n : nl;
      } else pos++;
    }
    if (pos >= n) break;
    const fast = readEntry(text, pos, deferred);
    if (fast) {
      slots.push(fast.entry);
      pos = fast.end;
      continue;
    }
    // Not plain: find where the parser's entry ends, by its rules.
    let p = pos + 1;
    while (/[ \t\r\n]/.test(text[p] ?? '')) p++;
    const type = /^[a-zA-Z]+/.exec(text.slice(p, p + 40))?.[0];
    if (!type) return readWhole(text, options, parser);
    p += type.length;
    if (type.toLowerCase() === 'comment') {
      while (text[p] === ' ' || text[p] === '\t') p++;
      if (text[p] === '{') p = braceEnd(text, p);
      else p = text.includes('\n', p) ? text.indexOf('\n', p) : n;
      if (p < 0) return readWhole(text, options, parser);
      pos = p;
      continue;
    }
    while (/[ \t\r\n]/.test(text[p] ?? '')) p++;
    if (text[p] !== '{') return readWhole(text, options, parser);
    const end = braceEnd(text, p);
    if (end < 0) return readWhole(text, options, parser);
    slots.push({ chunk: text.slice(pos, end) });
    pos = end;
  }
  const twins = decodeDeferred(deferred, options, parser);
  if (!twins) return readWhole(text, options, parser);
  const entries: Entry[] = [];
  const raw: Entry[] = [];
  for (let i = 0; i < slots.length;) {
    const s = slots[i];
    if (!('chunk' in s)) {
      entries.push(s);
      raw.push(twins.get(s) ?? s);
      i++;
      continue;
    }
    // A run of entries the parser reads: one parse, checked to be the same entries it would
    // read in the whole file (same count, same text each, no error).
    const run: string[] = [];
    for (; i < slots.length && 'chunk' in slots[i]; i++) run.push((slots[i] as { chunk: string }).chunk);
    const got = readWhole(run.join('\n'), options, parser);
    if (got.errors.length || got.entries.length !== run.length || got.raw.length !== run.length) return readWhole(text, options, parser);
    if (got.entries.some((e, j) => e.input !== run[j].trim())) return readWhole(text, options, parser);
    entries.push(...got.entries);
    raw.push(...got.raw);
  }
  return { entries, raw, errors: [] };
}
