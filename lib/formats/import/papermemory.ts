// PaperMemory (github.com/vict0rsch/PaperMemory) export: an object keyed by paper id, e.g.
// "Arxiv-2106.09608": { id, title, author: "A and B", year, key, note, tags, codeLink, pdfLink,
// venue, bibtex, addDate, lastOpenDate, favorite, source, doi? }. Keys starting "__" are metadata.
import { arxivIdFromUrl, parseArxivId } from '../../paper/identity';
import { importBibtex } from './bibtex';
import { candidate, guardedJson, timeOf, type ImportResult } from './candidate';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined);

function idsOf(o: Record<string, unknown>) {
  const pdf = str(o.pdfLink);
  const id = str(o.id) ?? '';
  const arxiv = (/^arxiv-/i.test(id) ? parseArxivId(id.slice(6))?.id : undefined) ?? (pdf ? arxivIdFromUrl(pdf)?.id : undefined);
  const openreview = pdf && /openreview\.net\/(?:pdf|forum)\?id=([\w-]+)/.exec(pdf)?.[1];
  return { arxiv, doi: str(o.doi), openreview: openreview || undefined, url: str(o.url) ?? pdf };
}

export function importPaperMemory(text: string): ImportResult {
  return guardedJson(text, (data, result) => {
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      result.errors.push({ where: 'file', message: 'not a PaperMemory export (expected an object keyed by paper id)' });
      return;
    }
    for (const [id, raw] of Object.entries(data as Record<string, unknown>)) {
      if (id.startsWith('__')) continue;
      if (!raw || typeof raw !== 'object') {
        result.errors.push({ where: id, message: 'not a paper record' });
        continue;
      }
      const o = raw as Record<string, unknown>;
      // Its stored BibTeX often knows more (DOI, pages): used to fill gaps only.
      const bib = str(o.bibtex) ? importBibtex(str(o.bibtex)!).papers[0] : undefined;
      const venue = str(o.venue);
      const code = str(o.codeLink);
      const note = [str(o.note), code && `Code: ${code}`].filter(Boolean).join('\n\n');
      const added = timeOf(o.addDate);
      const c = candidate(
        {
          ids: { ...bib?.ids, ...Object.fromEntries(Object.entries(idsOf(o)).filter(([, v]) => v)) },
          title: str(o.title),
          authors: (str(o.author) ?? '').split(/\s+and\s+/),
          year: str(o.year) ?? bib?.year,
          venue: venue ?? bib?.venue,
          type: venue ? undefined : bib?.type,
          absUrl: bib?.absUrl,
          pdfUrl: str(o.pdfLink),
          source: 'import:papermemory',
          volume: bib?.volume,
          number: bib?.number,
          pages: bib?.pages,
          publisher: bib?.publisher,
          abstract: bib?.abstract,
        },
        {
          tags: Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === 'string') : [],
          note,
          starred: o.favorite === true,
          addedAt: added,
          updatedAt: timeOf(o.lastOpenDate) ?? added,
          citationKey: str(o.key),
        },
        id,
        result.errors,
      );
      if (c) result.papers.push(c);
    }
  });
}
