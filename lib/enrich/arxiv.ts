// arXiv API client: https://info.arxiv.org/help/api/user-manual.html — Atom feed, up to 100 ids
// per request (arXiv asks for one request every 3 s; the queue paces it).
import * as z from 'zod';
import { arxivIdFromUrl, normalizeDoi } from '../paper/identity';
import { cleanText, displayName, yearOf } from '../paper/text';
import { compact, type Completion } from './completion';
import { getText, LookupError, type FetchFn } from './http';
import { xmlElements, xmlFirst } from './xml';

export const ARXIV_BATCH = 100;

const entrySchema = z.object({
  id: z.string().min(1).max(40),
  version: z.number().int().positive().optional(),
  title: z.string().min(1).max(20_000),
  summary: z.string().max(100_000).optional(),
  authors: z.array(z.string().min(1).max(1000)).max(5000).default([]),
  published: z.string().max(40).optional(),
  doi: z.string().max(300).optional(),
  journalRef: z.string().max(1000).optional(),
  category: z.string().max(40).optional(),
});
export type ArxivEntry = z.infer<typeof entrySchema>;

/** Entries of an Atom feed; error entries, unknown ids and invalid entries are skipped. */
export function parseArxivFeed(xml: string): ArxivEntry[] {
  if (!/<feed[\s>]/.test(xml)) throw new LookupError('arXiv: not an Atom feed', false);
  const out: ArxivEntry[] = [];
  for (const { inner } of xmlElements(xml, 'entry')) {
    const idUrl = cleanText(xmlFirst(inner, 'id'));
    const parsed = arxivIdFromUrl(idUrl);
    if (!parsed) continue; // error entries have ids like http://arxiv.org/api/errors#…
    const entry = entrySchema.safeParse(
      compact({
        id: parsed.id,
        version: parsed.version,
        title: cleanText(xmlFirst(inner, 'title')),
        summary: cleanText(xmlFirst(inner, 'summary')),
        authors: xmlElements(inner, 'author')
          .map((a) => displayName(xmlFirst(a.inner, 'name') ?? ''))
          .filter(Boolean),
        published: cleanText(xmlFirst(inner, 'published')),
        doi: normalizeDoi(xmlFirst(inner, 'doi') ?? '') ?? undefined,
        journalRef: cleanText(xmlFirst(inner, 'journal_ref')),
        category: xmlElements(inner, 'primary_category')[0]?.attrs.term,
      }),
    );
    if (entry.success) out.push(entry.data);
  }
  return out;
}

export function toCompletion(e: ArxivEntry): Completion {
  return compact({
    from: 'arxiv' as const,
    ids: compact({ arxiv: e.id, doi: e.doi }),
    title: e.title,
    authors: e.authors,
    abstract: e.summary,
    year: yearOf(e.published),
    date: e.published?.slice(0, 10),
    arxivCategory: e.category,
    arxivVersion: e.version,
  });
}

/** arXiv ids (without version) → what the arXiv API says about each; unknown ids are absent. */
export async function fetchArxiv(fetchFn: FetchFn, ids: string[], base = 'https://export.arxiv.org'): Promise<Map<string, ArxivEntry>> {
  const out = new Map<string, ArxivEntry>();
  for (let i = 0; i < ids.length; i += ARXIV_BATCH) {
    const chunk = ids.slice(i, i + ARXIV_BATCH);
    const url = `${base}/api/query?id_list=${chunk.map((id) => encodeURIComponent(id).replace(/%2F/gi, '/')).join(',')}&max_results=${chunk.length}`;
    const xml = await getText(fetchFn, url, 'application/atom+xml');
    if (xml === null) continue;
    for (const e of parseArxivFeed(xml)) out.set(e.id, e);
  }
  return out;
}
