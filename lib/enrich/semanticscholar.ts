// Semantic Scholar Graph API client: https://api.semanticscholar.org/api-docs/graph — one paper
// by DOI:, ARXIV:, ACL: or PMID:. Its externalIds link a preprint to its published DOI.
import * as z from 'zod';
import { normalizeDoi, parseArxivId } from '../paper/identity';
import type { Identifiers, PaperType } from '../paper/schema';
import { cleanText } from '../paper/text';
import { compact, isPreprintDoi, type Completion } from './completion';
import { getText, LookupError, type FetchFn } from './http';

export const S2_FIELDS = 'title,authors,year,venue,externalIds,publicationVenue,journal,publicationTypes';

const paperSchema = z.object({
  paperId: z.string(),
  // Values are strings except CorpusId, a number.
  externalIds: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullish(),
  title: z.string().nullish(),
  authors: z.array(z.object({ name: z.string().nullish() })).nullish(),
  year: z.number().int().nullish(),
  venue: z.string().nullish(),
  publicationVenue: z.object({ name: z.string().nullish(), type: z.string().nullish() }).nullish(),
  journal: z.object({ name: z.string().nullish(), volume: z.string().nullish(), pages: z.string().nullish() }).nullish(),
  publicationTypes: z.array(z.string()).nullish(),
});
type S2Paper = z.infer<typeof paperSchema>;

/** The Graph API's id for a paper: the most specific identifier we hold. */
export function s2IdOf(ids: Identifiers): string | undefined {
  if (ids.doi && !isPreprintDoi(ids.doi)) return `DOI:${ids.doi}`;
  if (ids.arxiv) return `ARXIV:${ids.arxiv}`;
  if (ids.acl) return `ACL:${ids.acl}`;
  if (ids.pmid) return `PMID:${ids.pmid}`;
  if (ids.doi) return `DOI:${ids.doi}`;
  return undefined;
}

function typeOf(p: S2Paper, venue: string | undefined): PaperType {
  if (!venue) return 'preprint';
  const t = p.publicationVenue?.type ?? '';
  const types = p.publicationTypes ?? [];
  if (t === 'conference' || types.includes('Conference')) return 'conference';
  if (t === 'journal' || types.includes('JournalArticle')) return 'journal';
  return 'other';
}

export function s2ToCompletion(p: S2Paper): Completion {
  const ext = p.externalIds ?? {};
  const doi = normalizeDoi(String(ext.DOI ?? '')) ?? undefined;
  const arxiv = parseArxivId(String(ext.ArXiv ?? ''))?.id;
  // S2 names arXiv itself as a venue; that is not a publication.
  const rawVenue = cleanText(p.publicationVenue?.name ?? p.journal?.name ?? p.venue ?? '');
  const venue = /^arxiv(\.org)?$/i.test(rawVenue) ? undefined : rawVenue || undefined;
  return compact({
    from: 'semanticscholar' as const,
    ids: compact({ s2: p.paperId, doi, arxiv, acl: ext.ACL ? String(ext.ACL) : undefined, pmid: ext.PubMed ? String(ext.PubMed) : undefined }),
    title: cleanText(p.title),
    authors: (p.authors ?? []).map((a) => cleanText(a.name)).filter(Boolean),
    year: p.year ?? undefined,
    venue,
    type: typeOf(p, venue),
    volume: venue ? cleanText(p.journal?.volume) : undefined,
    pages: venue ? cleanText(p.journal?.pages) : undefined,
  });
}

export async function fetchSemanticScholar(fetchFn: FetchFn, ids: Identifiers, base = 'https://api.semanticscholar.org'): Promise<Completion | null> {
  const id = s2IdOf(ids);
  if (!id) return null;
  const body = await getText(fetchFn, `${base}/graph/v1/paper/${encodeURIComponent(id)}?fields=${S2_FIELDS}`, 'application/json');
  if (body === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new LookupError(`Semantic Scholar ${id}: malformed JSON`, false);
  }
  const parsed = paperSchema.safeParse(json);
  if (!parsed.success) throw new LookupError(`Semantic Scholar ${id}: unexpected response`, false);
  return s2ToCompletion(parsed.data);
}
