// Turns what an adapter scraped into a validated PaperMeta with its canonical key.
import { canonicalKey, normalizeDoi, parseArxivId } from './identity';
import { LIMITS, paperTypeList } from './limits';
import type { Identifiers, PaperMeta, PaperType } from './schema';
import { cleanText, displayName, yearOf } from './text';

export interface PaperInput {
  ids: Identifiers;
  title: string | null | undefined;
  authors?: (string | null | undefined)[];
  year?: number | string;
  date?: string;
  venue?: string;
  type?: PaperType;
  abstract?: string;
  absUrl?: string;
  pdfUrl?: string;
  source: string;
  arxivCategory?: string;
  volume?: string;
  number?: string;
  pages?: string;
  publisher?: string;
}

/**
 * An http(s) URL already in the form the URL parser gives (lower-case host name, a path, no dot
 * segments, no character it would escape): adapters build most of them (`https://arxiv.org/abs/…`),
 * and a listing has thousands. Checked against the parser in make.test.ts.
 */
const SERIALIZED =
  /^https?:\/\/(?![^/]*xn--)(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*(?![^?#]*(?:\/\.{1,2}(?:[/?#]|$)|%2[eE]))\/[\w\-.~!$&()*+,;=:@%/]*(?:\?[\w\-.~!$&()*+,;=:@%/?]*)?(?:#[\w\-.~!$&'()*+,;=:@%/?#]*)?$/;

export function absolute(url: string | undefined, base?: string): string | undefined {
  if (!url) return undefined;
  if (SERIALIZED.test(url)) return url;
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function cleanIds(ids: Identifiers): { ids: Identifiers; version?: number } {
  const out: Identifiers = {};
  let version: number | undefined;
  for (const k in ids) {
    if (!Object.hasOwn(ids, k)) continue;
    const s = cleanText(ids[k as keyof Identifiers]);
    if (!s) continue;
    if (k === 'arxiv') {
      const a = parseArxivId(s);
      if (!a) continue;
      out.arxiv = a.id;
      version = a.version;
    } else if (k === 'doi') {
      const d = normalizeDoi(s);
      if (d) out.doi = d;
    } else out[k as keyof Identifiers] = s;
  }
  return { ids: out, version };
}

function guessType(ids: Identifiers, venue?: string): PaperType {
  if (venue && /\b(proc\.|proceedings|conference|workshop|symposium)\b/i.test(venue)) return 'conference';
  if (venue) return 'journal';
  if (ids.arxiv) return 'preprint';
  return 'other';
}

/**
 * The identifiers `makePaper` keeps of `raw` (cleaned; a landing URL made absolute or dropped)
 * and the canonical key they give (null: no identity, not a paper).
 */
export interface Identity {
  ids: Identifiers;
  version?: number;
  key: string | null;
}

export function identityOf(raw: Identifiers, baseUrl?: string): Identity {
  const { ids, version } = cleanIds(raw);
  // A javascript: or data: landing URL is no URL at all (left as undefined, clamp() tripped on it).
  if (ids.url) {
    const u = absolute(ids.url, baseUrl);
    if (u) ids.url = u;
    else delete ids.url;
  }
  return { ids, version, key: canonicalKey(ids) };
}

/** Null when the input has no title or no identity: such a thing is not a paper we can keep. */
export function makePaper(input: PaperInput, baseUrl?: string): PaperMeta | null {
  const title = cleanText(input.title);
  if (!title) return null;
  const identity = identityOf(input.ids, baseUrl);
  return identity.key ? buildPaper(input, title, identity as Identity & { key: string }, baseUrl) : null;
}

/**
 * The paper of `input` once its cleaned title and its identity (identityOf of its ids) are known:
 * makePaper's second half, for callers that read those first (lazyEntry).
 */
export function buildPaper(
  input: Omit<PaperInput, 'ids' | 'title'>,
  title: string,
  { ids, version, key }: Identity & { key: string },
  baseUrl?: string,
): PaperMeta {
  const venue = cleanText(input.venue) || undefined;
  const year = typeof input.year === 'number' ? input.year : yearOf(input.year ?? input.date);
  const candidate = {
    key,
    ids,
    title,
    authors: (input.authors ?? []).map((a) => displayName(a ?? '')).filter(Boolean),
    // Files and pages give anything: 2401.00001 as a year, "__proto__" as a type (a lookup
    // table then answers with Object.prototype). Only what the schema accepts gets through.
    year: Number.isInteger(year) && year! >= 1000 && year! <= 3000 ? year : undefined,
    date: cleanText(input.date) || undefined,
    venue,
    type: input.type && paperTypeList.includes(input.type) ? input.type : guessType(ids, venue),
    abstract: cleanText(input.abstract) || undefined,
    absUrl: absolute(input.absUrl, baseUrl),
    pdfUrl: absolute(input.pdfUrl, baseUrl),
    source: input.source,
    arxivCategory: cleanText(input.arxivCategory) || undefined,
    arxivVersion: version,
    volume: cleanText(input.volume) || undefined,
    number: cleanText(input.number) || undefined,
    pages: cleanText(input.pages) || undefined,
    publisher: cleanText(input.publisher) || undefined,
  };
  return clamp(candidate);
}

/**
 * Cuts over-long strings to the schema's limits. The content script stays free of zod (size);
 * the background validates every paper with the zod schema where messages arrive.
 */
function clamp(p: PaperMeta): PaperMeta {
  // Only fields the record has are written: a property added and deleted again slows every
  // later access to the object (V8 turns it into a dictionary), and imports build thousands.
  const cut = <K extends keyof PaperMeta>(k: K, n: number) => {
    const s = p[k];
    if (typeof s === 'string' && s.length > n) p[k] = s.slice(0, n) as PaperMeta[K];
  };
  cut('title', LIMITS.title);
  cut('abstract', LIMITS.abstract);
  cut('venue', LIMITS.venue);
  p.authors = p.authors.slice(0, LIMITS.authors).map((a) => (a && a.length > LIMITS.author ? a.slice(0, LIMITS.author) : a));
  for (const k of ['volume', 'number', 'pages'] as const) cut(k, LIMITS.short);
  cut('date', 40);
  cut('arxivCategory', 40);
  cut('publisher', 500);
  cut('source', 100);
  // A URL cut short is a wrong URL: drop it instead.
  for (const k of ['absUrl', 'pdfUrl'] as const) if ((p[k]?.length ?? 0) > 2048) delete p[k];
  for (const [k, v] of Object.entries(p.ids) as [keyof Identifiers, string][]) if (v.length > (k === 'url' ? 2048 : 300)) delete p.ids[k];
  for (const k of Object.keys(p) as (keyof PaperMeta)[]) if (p[k] === undefined) delete p[k];
  return p;
}
