// Crossref REST API client: https://api.crossref.org/swagger-ui/index.html — one work by DOI.
import * as z from 'zod';
import { normalizeDoi, parseArxivId } from '../paper/identity';
import type { PaperType } from '../paper/schema';
import { cleanText } from '../paper/text';
import { compact, type Completion } from './completion';
import { getText, LookupError, type FetchFn } from './http';
import { decode } from './xml';

const relationSchema = z.array(z.object({ 'id-type': z.string(), id: z.string() })).optional();
const dateSchema = z.object({ 'date-parts': z.array(z.array(z.number().nullable())) }).optional();
const texts = z.array(z.string()).optional();

const workSchema = z.object({
  status: z.literal('ok'),
  message: z.object({
    DOI: z.string(),
    type: z.string().optional(),
    title: texts,
    author: z.array(z.object({ given: z.string().optional(), family: z.string().optional(), name: z.string().optional() })).optional(),
    'container-title': texts,
    publisher: z.string().optional(),
    volume: z.string().optional(),
    issue: z.string().optional(),
    page: z.string().optional(),
    published: dateSchema,
    'published-print': dateSchema,
    'published-online': dateSchema,
    issued: dateSchema,
    relation: z.object({ 'has-preprint': relationSchema, 'is-preprint-of': relationSchema }).partial().optional(),
  }),
});
type Work = z.infer<typeof workSchema>['message'];

const TYPES: Record<string, PaperType> = { 'journal-article': 'journal', 'proceedings-article': 'conference', 'posted-content': 'preprint' };

function datePartsOf(w: Work): (number | null)[] | undefined {
  return (w.published ?? w['published-print'] ?? w['published-online'] ?? w.issued)?.['date-parts'][0];
}

/** An arXiv id named by a relation: `{id-type: arxiv, id: 1706.03762}` or arXiv's own DOI. */
function arxivOf(rel: { 'id-type': string; id: string }[] | undefined): string | undefined {
  for (const r of rel ?? []) {
    const raw = r['id-type'] === 'doi' ? /10\.48550\/arxiv\.(.+)$/i.exec(r.id)?.[1] : r['id-type'] === 'arxiv' ? r.id : undefined;
    const a = raw && parseArxivId(raw);
    if (a) return a.id;
  }
  return undefined;
}

export type CrossrefCompletion = Completion & { publishedDoi?: string };

/** Crossref titles may carry JATS/HTML markup such as <i>…</i>, and entities such as &amp;. */
const plain = (s: string | undefined) => cleanText(s && decode(s.replace(/<[^>]+>/g, '')));

export function workToCompletion(w: Work): CrossrefCompletion {
  const type = TYPES[w.type ?? ''] ?? 'other';
  const [year, month, day] = datePartsOf(w) ?? [];
  const published = normalizeDoi(w.relation?.['is-preprint-of']?.find((r) => r['id-type'] === 'doi')?.id ?? '');
  return compact({
    from: 'crossref' as const,
    ids: compact({ doi: normalizeDoi(w.DOI) ?? undefined, arxiv: arxivOf(w.relation?.['has-preprint']) }),
    title: plain(w.title?.[0]),
    authors: (w.author ?? []).map((a) => cleanText(a.name ?? [a.given, a.family].filter(Boolean).join(' '))).filter(Boolean),
    year: year ?? undefined,
    date: year
      ? [year, month, day]
          .filter((n) => n)
          .map((n, i) => (i ? String(n).padStart(2, '0') : String(n)))
          .join('-')
      : undefined,
    venue: type === 'preprint' ? undefined : plain(w['container-title']?.[0]),
    type,
    volume: cleanText(w.volume),
    number: cleanText(w.issue),
    pages: cleanText(w.page),
    publisher: cleanText(w.publisher),
    // A preprint DOI (bioRxiv…) that names its published DOI.
    ...(published ? { publishedDoi: published } : {}),
  });
}

/** What Crossref knows of `doi`; null if it does not know it. */
export async function fetchCrossref(fetchFn: FetchFn, doi: string, base = 'https://api.crossref.org'): Promise<CrossrefCompletion | null> {
  const body = await getText(fetchFn, `${base}/works/${encodeURIComponent(doi)}`, 'application/json');
  if (body === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new LookupError(`Crossref ${doi}: malformed JSON`, false);
  }
  const parsed = workSchema.safeParse(json);
  if (!parsed.success) throw new LookupError(`Crossref ${doi}: unexpected response`, false);
  return workToCompletion(parsed.data.message);
}
