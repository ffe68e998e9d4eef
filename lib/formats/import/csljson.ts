// CSL-JSON import (pandoc, Zotero, citeproc): an array of items, or a single item.
import { arxivIdFromUrl, parseArxivId } from '../../paper/identity';
import type { NameParts, PaperType } from '../../paper/schema';
import { displayOf, fromParts } from '../names';
import { withUrlIds } from '../idurls';
import { candidate, guardedJson, type ImportResult } from './candidate';

const TYPES: Record<string, PaperType> = {
  'article-journal': 'journal',
  'article-magazine': 'journal',
  'paper-conference': 'conference',
  article: 'preprint',
  manuscript: 'preprint',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function partsOf(n: unknown): NameParts {
  if (!n || typeof n !== 'object') return { literal: '' };
  const o = n as Record<string, unknown>;
  if (str(o.literal)) return { literal: str(o.literal)! };
  const particle = [str(o['dropping-particle']), str(o['non-dropping-particle'])].filter(Boolean).join(' ');
  const out: NameParts = { family: str(o.family) ?? '' };
  if (str(o.given)) out.given = str(o.given);
  if (particle) out.prefix = particle;
  if (str(o.suffix)) out.suffix = str(o.suffix);
  return out;
}

const nameList = (v: unknown) => (Array.isArray(v) ? v.map(partsOf) : []);
const displays = (parts: NameParts[]) => parts.map((n) => displayOf(fromParts(n)));

function dateOf(issued: unknown): { year?: number; date?: string } {
  const parts = (issued as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0];
  if (Array.isArray(parts) && parts.length) {
    const nums = parts.map(Number).filter(Number.isFinite);
    if (nums.length) return { year: nums[0], date: nums.map((n, i) => (i ? String(n).padStart(2, '0') : String(n))).join('-') };
  }
  const raw = str((issued as { raw?: unknown } | undefined)?.raw);
  return raw ? { date: raw } : {};
}

export function importCslJson(text: string): ImportResult {
  return guardedJson(text, (data, result) => {
    const items = Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : [];
    if (!items.length) result.errors.push({ where: 'file', message: 'no CSL-JSON items' });
    items.forEach((item: unknown, i) => {
      if (!item || typeof item !== 'object') {
        result.errors.push({ where: `[${i}]`, message: 'not an object' });
        return;
      }
      const o = item as Record<string, unknown>;
      const url = str(o.URL);
      const number = str(o.number);
      const arxiv = (number && /^arxiv:/i.test(number) ? parseArxivId(number)?.id : undefined) ?? (url ? arxivIdFromUrl(url)?.id : undefined);
      const { year, date } = dateOf(o.issued);
      const type = TYPES[str(o.type) ?? ''];
      const c = candidate(
        {
          ids: withUrlIds({ arxiv, doi: str(o.DOI), url, pmid: str(o.PMID), pmcid: str(o.PMCID) }, url),
          title: str(o.title),
          authors: displays(nameList(o.author)),
          authorNames: nameList(o.author),
          editors: displays(nameList(o.editor)),
          editorNames: nameList(o.editor),
          year,
          date,
          venue: str(o['container-title']),
          type: type === 'preprint' && !arxiv ? 'other' : (type ?? (arxiv ? 'preprint' : 'other')),
          abstract: str(o.abstract),
          absUrl: url,
          source: 'import:csljson',
          volume: str(o.volume),
          number: str(o.issue),
          pages: str(o.page),
          publisher: str(o.publisher) === 'arXiv' ? undefined : str(o.publisher),
        },
        {
          tags: (str(o.keyword) ?? '').split(/\s*[,;]\s*/),
          note: str(o.note) ?? '',
          // Zotero ids are URLs, pandoc's are citation keys: only the latter are worth keeping.
          citationKey: /^[A-Za-z][A-Za-z0-9_:.+-]{0,99}$/.test(str(o.id) ?? '') ? str(o.id) : undefined,
        },
        str(o.id) ?? `[${i}]`,
        result.errors,
      );
      if (c) result.papers.push(c);
    });
  });
}
