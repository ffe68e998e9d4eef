// Identifiers that the exchange formats have no field for (OpenReview, ACL, PubMed, DBLP) travel
// as landing-page URLs and are recognised again on import.
import { arxivIdFromUrl } from '../paper/identity';
import type { Identifiers, Paper } from '../paper/schema';

const PATTERNS: [keyof Identifiers, RegExp, (id: string) => string][] = [
  ['openreview', /openreview\.net\/(?:forum|pdf)\?id=([\w-]+)/i, (id) => `https://openreview.net/forum?id=${id}`],
  ['acl', /aclanthology\.org\/([\w.-]+?)(?:\.pdf)?\/?$/i, (id) => `https://aclanthology.org/${id}/`],
  ['pmid', /pubmed\.ncbi\.nlm\.nih\.gov\/(\d+)\/?$/i, (id) => `https://pubmed.ncbi.nlm.nih.gov/${id}/`],
  ['dblp', /dblp\.org\/rec\/(.+?)(?:\.html)?$/i, (id) => `https://dblp.org/rec/${id}`],
];

/** The URL to export: the paper's own, or one built from an identifier no field can hold. */
export function landingUrl(p: Paper): string | undefined {
  if (p.absUrl ?? p.ids.url) return p.absUrl ?? p.ids.url;
  for (const [k, , url] of PATTERNS) if (p.ids[k] && !p.ids.doi && !p.ids.arxiv) return url(p.ids[k]);
  return undefined;
}

/** `ids` with the gaps filled from identifiers found in `url`. */
export function withUrlIds(ids: Identifiers, url: string | undefined): Identifiers {
  const out: Identifiers = { ...idsFromUrl(url) };
  for (const [k, v] of Object.entries(ids) as [keyof Identifiers, string | undefined][]) if (v) out[k] = v;
  return out;
}

/** Identifiers recognisable in a URL (arXiv, OpenReview, ACL Anthology, PubMed, DBLP). */
export function idsFromUrl(url: string | undefined): Identifiers {
  if (!url) return {};
  const out: Identifiers = {};
  const ax = arxivIdFromUrl(url);
  if (ax) out.arxiv = ax.id;
  for (const [k, re] of PATTERNS) {
    const m = re.exec(url);
    if (m) out[k] = decodeURIComponent(m[1]);
  }
  return out;
}
