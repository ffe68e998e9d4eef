// Canonical keys: one stable string per paper, whatever page it was met on.
import type { Identifiers } from './schema';

const ARXIV_NEW = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const ARXIV_OLD = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/i;

/** `arXiv:1706.03762v5` → `{ id: '1706.03762', version: 5 }`; null if not an arXiv id. */
export function parseArxivId(raw: string): { id: string; version?: number } | null {
  const s = raw.trim().replace(/^arxiv:\s*/i, '');
  const m = ARXIV_NEW.exec(s) ?? ARXIV_OLD.exec(s);
  if (!m) return null;
  const version = m[2] ? Number(m[2].slice(1)) : undefined;
  return version ? { id: m[1], version } : { id: m[1] };
}

/** First-version year from the id itself: `2401.01234` → 2024, `hep-th/9711200` → 1997. */
export function yearOfArxivId(id: string): number | undefined {
  const m = /(?:^|\/)(\d{2})(\d{2})[.\d]/.exec(id);
  if (!m) return undefined;
  const yy = Number(m[1]);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

/** Finds an arXiv id in an arxiv.org / alphaxiv / HF URL path such as `/abs/2106.09608v2`. */
export function arxivIdFromUrl(url: string): { id: string; version?: number } | null {
  const m = /(?:arxiv\.org|alphaxiv\.org)\/(?:abs|pdf|html|overview)\/([^?#]+?)(?:\.pdf)?\/?(?:[?#]|$)/i.exec(url);
  return m ? parseArxivId(decodeURIComponent(m[1])) : null;
}

/**
 * `https://doi.org/10.1000/ABC` / `doi:10.1000/abc` → `10.1000/abc` (lower-cased); null if none.
 * A DOI may hold any printable character: SICI DOIs such as
 * `10.1002/(SICI)1097-4636(199901)44:1<33::AID-JBM4>3.0.CO;2-X` are kept whole (cut at `<`,
 * papers of one issue would collapse into one record). Only whitespace and quotes end it, and
 * trailing punctuation of a sentence (a `)` only when it closes nothing in the DOI).
 */
export function normalizeDoi(raw: string): string | null {
  let s = raw.trim();
  if (/%[0-9a-f]{2}/i.test(s)) {
    try {
      s = decodeURIComponent(s);
    } catch {
      /* keep as is */
    }
  }
  const m = /(10\.\d{4,9}\/[^\s"]+)/.exec(s);
  if (!m) return null;
  let doi = m[1];
  for (;;) {
    const cut = doi.replace(/[.,;\]]+$/, '').replace(/>$/, '');
    const next = cut.endsWith(')') && count(cut, '(') < count(cut, ')') ? cut.slice(0, -1) : cut;
    if (next === doi) break;
    doi = next;
  }
  return doi.toLowerCase();
}

const count = (s: string, c: string) => s.split(c).length - 1;

/** The resolver URL of a DOI, percent-encoded (`<`, `>`, `;`, `#`, `%`… are not URL characters). */
export function doiUrl(doi: string): string {
  return 'https://doi.org/' + doi.split('/').map(encodeURIComponent).join('/');
}

const TRACKING = /^(utm_|fbclid$|gclid$|mc_|ref$|ref_src$|via$|source$)/i;

/** Lower-case host, no `www.`, no fragment, no tracking parameters, no trailing slash. */
export function normalizeUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const path = u.pathname.replace(/\/+$/, '');
  return `${host}${u.port ? ':' + u.port : ''}${path}${query}`;
}

/** The order in which identifiers win: the most universal first. */
export function canonicalKey(ids: Identifiers): string | null {
  if (ids.arxiv) {
    const a = parseArxivId(ids.arxiv);
    if (a) return `arxiv:${a.id}`;
  }
  if (ids.doi) {
    const d = normalizeDoi(ids.doi);
    // arXiv's own DOIs (10.48550/arXiv.x) name the preprint.
    const ax = d && /^10\.48550\/arxiv\.(.+)$/.exec(d);
    if (ax) {
      const a = parseArxivId(ax[1]);
      if (a) return `arxiv:${a.id}`;
    }
    if (d) return `doi:${d}`;
  }
  if (ids.openreview) return `openreview:${ids.openreview.trim()}`;
  if (ids.pmid && /^\d+$/.test(ids.pmid.trim())) return `pmid:${ids.pmid.trim()}`;
  if (ids.acl) return `acl:${ids.acl.trim()}`;
  if (ids.dblp) return `dblp:${ids.dblp.trim()}`;
  if (ids.url) {
    const u = normalizeUrl(ids.url);
    if (u) return `url:${u}`;
  }
  return null;
}

/** Every key this set of identifiers can be known under (for duplicate detection). */
export function allKeys(ids: Identifiers): string[] {
  const keys = new Set<string>();
  const main = canonicalKey(ids);
  if (main) keys.add(main);
  const parts: (keyof Identifiers)[] = ['arxiv', 'doi', 'openreview', 'pmid', 'acl', 'dblp'];
  for (const p of parts) {
    const v = ids[p];
    if (!v) continue;
    const k = canonicalKey({ [p]: v });
    if (k) keys.add(k);
  }
  return [...keys];
}

// Letters and digits of any script, the rest collapsed to '-': `Über Wellen (II)` → `uber-wellen-ii`.
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** `Okafor, Chidi` / `Chidi Okafor` → `Okafor`. */
function familyOf(name: string): string {
  const s = name.trim();
  return s.includes(',') ? s.split(',')[0] : (s.split(/\s+/).pop() ?? '');
}

/**
 * The key of a paper known by no identifier (a reference without DOI, a COinS, a bibliography
 * entry): its title, first author's family name and year, each slugged, so that the same work
 * met again (other case, accents, punctuation) gets the same key. Null without a title.
 */
export function titleKey(title: string, firstAuthor?: string, year?: number | string): string | null {
  const t = slug(title).slice(0, 300);
  if (!t) return null;
  return `title:${t}:${slug(familyOf(firstAuthor ?? ''))}:${String(year ?? '').trim()}`;
}
