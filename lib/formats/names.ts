// Author display strings ("Jan van der Berg") → structured names for BibTeX, RIS and CSL.
import type { NameParts, PaperMeta } from '../paper/schema';
import { cleanText } from '../paper/text';
import { cleanField, escapeBib, type BibEncoding } from './latex';

export type PersonName = { family: string; given?: string; particle?: string; suffix?: string };
export type Name = PersonName | { literal: string };

const SUFFIX = /^(jr|sr|jnr|snr|[IVX]{2,4})\.?$/i;
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'das',
  'dos',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'zu',
  'zum',
  'zur',
  'af',
  'av',
  'bin',
  'ibn',
  'al',
  'el',
  'dei',
  'degli',
  "d'",
  'y',
]);
// Names that are organisations, not people: kept whole (BibTeX would otherwise pick a "family name").
const ORG =
  /\b(collaboration|consortium|team|group|inc|ltd|llc|gmbh|corp|corporation|company|university|institute|laboratory|lab|labs|project|committee|association|society|organi[sz]ation|foundation|council|initiative|network|centre|center|agency|department|ministry|authors|contributors)\b\.?/i;

function isParticle(token: string): boolean {
  return PARTICLES.has(token.toLowerCase()) && token[0] === token[0].toLowerCase();
}

// A library names the same people again and again, and an export reads each name twice (key and
// author field): parsed once. Results are shared, so they are frozen.
const parsed = new Map<string, Name>();

/** Parses a display name; organisations and anything ambiguous become a literal. */
export function parseName(display: string): Name {
  let n = parsed.get(display);
  if (!n) {
    if (parsed.size >= 20_000) parsed.clear();
    parsed.set(display, (n = Object.freeze(parseNameOnce(display))));
  }
  return n;
}

function parseNameOnce(display: string): Name {
  const s = cleanField(display);
  if (!s) return { literal: '' };
  if (/^the\s/i.test(s) || ORG.test(s) || /\sand\s|&|[{}]/i.test(s)) return { literal: s };
  // An empty part (", M. R. Munafo" once its lone accent is gone) names nothing.
  const commas = s.split(/\s*,\s*/).filter(Boolean);
  if (commas.length === 1 && s.includes(',')) return parseNameOnce(commas[0]);
  if (commas.length === 2 && SUFFIX.test(commas[1])) return withSuffix(parseName(commas[0]), commas[1]);
  if (commas.length === 2) return splitFamily(commas[0], commas[1]);
  if (commas.length === 3 && SUFFIX.test(commas[1])) return withSuffix(splitFamily(commas[0], commas[2]), commas[1]);
  if (commas.length > 1) return { literal: s };
  const tokens = s.split(' ');
  let suffix: string | undefined;
  if (tokens.length > 2 && SUFFIX.test(tokens[tokens.length - 1])) suffix = tokens.pop();
  if (tokens.length === 1) return suffix ? { family: tokens[0], suffix } : { family: tokens[0] };
  // The particle is the run of lower-case particle words right before the last word(s).
  let p = tokens.findIndex((t, i) => i > 0 && i < tokens.length - 1 && isParticle(t));
  if (p < 0) p = tokens.length - 1;
  let f = p;
  while (f < tokens.length - 1 && isParticle(tokens[f])) f++;
  const name: PersonName = { family: tokens.slice(f).join(' '), given: tokens.slice(0, p).join(' ') };
  if (f > p) name.particle = tokens.slice(p, f).join(' ');
  if (suffix) name.suffix = suffix;
  return name;
}

function splitFamily(familyPart: string, given: string): Name {
  const tokens = familyPart.split(' ');
  let f = 0;
  while (f < tokens.length - 1 && isParticle(tokens[f])) f++;
  const name: PersonName = { family: tokens.slice(f).join(' ') };
  if (given) name.given = given;
  if (f > 0) name.particle = tokens.slice(0, f).join(' ');
  return name;
}

function withSuffix(n: Name, suffix: string): Name {
  return 'literal' in n ? { literal: `${n.literal}, ${suffix}` } : { ...n, suffix };
}

/** Back to the display form used in the library ("Martin Luther King Jr."). */
export function displayOf(n: Name): string {
  if ('literal' in n) return n.literal;
  return [n.given, n.particle, n.family, n.suffix].filter(Boolean).join(' ');
}

/** Stored parts (as a file gave them) → a Name; a name without a family name is a literal. */
export function fromParts(n: NameParts): Name {
  const family = cleanField(n.family);
  if (n.literal || !family) return { literal: cleanField(n.literal) || [n.given, n.prefix, n.suffix].map(cleanField).filter(Boolean).join(' ') };
  const out: PersonName = { family };
  for (const [from, to] of [
    ['given', 'given'],
    ['prefix', 'particle'],
    ['suffix', 'suffix'],
  ] as const) {
    const v = cleanField(n[from]);
    if (v) out[to] = v;
  }
  return out;
}

export function toParts(n: Name): NameParts {
  if ('literal' in n) return { literal: n.literal };
  const out: NameParts = { family: n.family };
  if (n.given) out.given = n.given;
  if (n.particle) out.prefix = n.particle;
  if (n.suffix) out.suffix = n.suffix;
  return out;
}

/**
 * A paper's authors (or editors) as names: the parts the file gave while their display form still
 * matches the display strings (an edit of the names makes them stale), parsed from those otherwise.
 */
export function namesOf(p: Pick<PaperMeta, 'authors' | 'authorNames' | 'editors' | 'editorNames'>, role: 'authors' | 'editors' = 'authors'): Name[] {
  const display = (role === 'authors' ? p.authors : p.editors) ?? [];
  const parts = role === 'authors' ? p.authorNames : p.editorNames;
  return display.map((d, i) => {
    const n = parts?.length === display.length ? fromParts(parts[i]) : undefined;
    return n && cleanText(displayOf(n)) === cleanText(cleanField(d)) ? n : parseName(d);
  });
}

/** "van der Berg, Jan", "King, Jr., Martin Luther", "{The ATLAS Collaboration}". */
export function bibName(display: string, enc: BibEncoding): string {
  return bibNameOf(parseName(display), enc);
}

export function bibNameOf(n: Name, enc: BibEncoding): string {
  if ('literal' in n) return n.literal ? `{${escapeBib(n.literal, enc)}}` : '';
  const e = (s: string | undefined) => (s ? escapeBib(s, enc) : '');
  // A family name with a space ("García Márquez") is braced so BibTeX keeps it whole; any part
  // with a word "and" too, or BibTeX would read two people.
  const brace = (s: string | undefined, always = false) => (s && (always || /\sand\s|,/i.test(s)) ? `{${e(s)}}` : e(s));
  const fam = brace(n.family, n.family.includes(' '));
  const last = n.particle ? `${brace(n.particle)} ${fam}` : fam;
  const parts = [last];
  if (n.suffix) parts.push(brace(n.suffix));
  if (n.given || n.suffix) parts.push(brace(n.given));
  return parts.join(', ');
}

/** ASCII family name for citation keys and sorting. */
export function familyOf(display: string): string {
  const n = parseName(display);
  return 'literal' in n ? n.literal : n.family;
}
