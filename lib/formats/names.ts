// Author display strings ("Jan van der Berg") → structured names for BibTeX, RIS and CSL.
import { cleanField, escapeBib, type BibEncoding } from './latex';

export type PersonName = { family: string; given?: string; particle?: string; suffix?: string };
export type Name = PersonName | { literal: string };

const SUFFIX = /^(jr|sr|jnr|snr|[IVX]{2,4})\.?$/i;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ten', 'ter', 'zu', 'zum', 'zur', 'af', 'av', 'bin', 'ibn', 'al', 'el', 'dei', 'degli', "d'", 'y']);
// Names that are organisations, not people: kept whole (BibTeX would otherwise pick a "family name").
const ORG = /\b(collaboration|consortium|team|group|inc|ltd|llc|gmbh|corp|corporation|company|university|institute|laboratory|lab|labs|project|committee|association|society|organi[sz]ation|foundation|council|initiative|network|centre|center|agency|department|ministry|authors|contributors)\b\.?/i;

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
  const commas = s.split(/\s*,\s*/);
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

/** "van der Berg, Jan", "King, Jr., Martin Luther", "{The ATLAS Collaboration}". */
export function bibName(display: string, enc: BibEncoding): string {
  const n = parseName(display);
  if ('literal' in n) return `{${escapeBib(n.literal, enc)}}`;
  const e = (s: string | undefined) => (s ? escapeBib(s, enc) : '');
  // A family name with a space ("García Márquez") is braced so BibTeX keeps it whole.
  const fam = n.family.includes(' ') ? `{${e(n.family)}}` : e(n.family);
  const last = n.particle ? `${e(n.particle)} ${fam}` : fam;
  const parts = [last];
  if (n.suffix) parts.push(e(n.suffix));
  if (n.given || n.suffix) parts.push(e(n.given));
  return parts.join(', ');
}

/** ASCII family name for citation keys and sorting. */
export function familyOf(display: string): string {
  const n = parseName(display);
  return 'literal' in n ? n.literal : n.family;
}
