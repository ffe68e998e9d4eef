// IEEE Xplore document pages (`/document/<n>`): the page is rendered client-side and its metadata
// is only in an inline script, `xplGlobal.document.metadata = {…};` (JSON in a JS assignment).
import { makePaper } from '../../paper/make';
import type { PaperType } from '../../paper/schema';
import { findTitleHeading } from '../anchor';
import type { Detection, SiteAdapter } from '../types';

/** The JSON object assigned to `….document.metadata`, braces matched outside strings; null if none. */
export function ieeeMetadata(script: string): Record<string, unknown> | null {
  const m = /\.document\.metadata\s*=\s*\{/.exec(script);
  if (!m) return null;
  const start = m.index + m[0].length - 1;
  let depth = 0;
  let inString = false;
  for (let i = start; i < script.length; i++) {
    const c = script[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        const o: unknown = JSON.parse(script.slice(start, i + 1));
        return o && typeof o === 'object' ? (o as Record<string, unknown>) : null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

const s = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

export const ieee: SiteAdapter = {
  id: 'ieee',
  name: 'IEEE Xplore',
  hosts: ['ieeexplore.ieee.org'],
  examples: ['https://ieeexplore.ieee.org/document/6649456/', 'https://ieeexplore.ieee.org/abstract/document/9156610'],
  test: (url) => /^\/(abstract\/)?document\/\d+/.test(url.pathname),
  detect(doc, url): Detection[] {
    let md: Record<string, unknown> | null = null;
    for (const el of doc.querySelectorAll('script:not([src])')) if ((md = ieeeMetadata(el.textContent ?? ''))) break;
    if (!md) return [];
    const num = s(md.articleNumber) ?? /document\/(\d+)/.exec(url.pathname)?.[1];
    const absUrl = num ? `https://ieeexplore.ieee.org/document/${num}` : url.href;
    const first = s(md.startPage);
    const last = s(md.endPage);
    const type: PaperType = md.isConference ? 'conference' : md.isJournal || md.isMagazine || md.isEarlyAccess ? 'journal' : 'other';
    const paper = makePaper(
      {
        ids: { doi: s(md.doi), url: absUrl },
        title: s(md.formulaStrippedArticleTitle) || s(md.title),
        authors: Array.isArray(md.authors) ? md.authors.map((a) => s((a as { name?: unknown } | null)?.name)) : [],
        year: s(md.publicationYear),
        date: s(md.publicationDate),
        venue: s(md.publicationTitle) ?? s(md.displayPublicationTitle),
        type,
        abstract: s(md.abstract)?.replace(/<[^>]*>/g, ''),
        absUrl,
        pdfUrl: s(md.pdfUrl),
        source: 'ieee',
        volume: s(md.volume),
        number: s(md.issue),
        pages: first ? (last && last !== first ? `${first}--${last}` : first) : undefined,
        publisher: s(md.publisher),
      },
      url.href,
    );
    if (!paper) return [];
    const heading = doc.querySelector('h1.document-title') ?? findTitleHeading(doc, paper.title);
    return [{ paper, anchor: heading ?? undefined, placement: 'append' }];
  },
};
