// CSL-JSON export (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), as read by
// pandoc/citeproc and Zotero. arXiv ids follow Zotero: number "arXiv:…", publisher "arXiv".
import type { Paper, PaperType } from '../paper/schema';
import { assignCitationKeys } from './citekey';
import { dateParts } from './dates';
import { landingUrl } from './idurls';
import { namesOf, parseName, type Name } from './names';

export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  number?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  keyword?: string;
  note?: string;
}

const TYPE: Record<PaperType, string> = { journal: 'article-journal', conference: 'paper-conference', preprint: 'article', other: 'document' };

export function cslName(display: string): CslName {
  return cslNameOf(parseName(display));
}

function cslNameOf(n: Name): CslName {
  if ('literal' in n) return { literal: n.literal };
  const out: CslName = { family: n.family };
  if (n.given) out.given = n.given;
  if (n.particle) out['non-dropping-particle'] = n.particle;
  if (n.suffix) out.suffix = n.suffix;
  return out;
}

export function toCslItem(p: Paper, id: string): CslItem {
  const item: CslItem = { id, type: TYPE[p.type], title: p.title };
  if (p.authors.length) item.author = namesOf(p).map(cslNameOf);
  if (p.editors?.length) item.editor = namesOf(p, 'editors').map(cslNameOf);
  const d = dateParts(p.date, p.year);
  if (d) item.issued = { 'date-parts': [[d.year, d.month, d.day].filter((x): x is number => x !== undefined)] };
  const opt: [keyof CslItem, string | undefined][] = [
    ['container-title', p.venue],
    ['volume', p.volume],
    ['issue', p.number],
    ['page', p.pages],
    ['publisher', p.publisher ?? (p.ids.arxiv && !p.venue ? 'arXiv' : undefined)],
    ['number', p.ids.arxiv && `arXiv:${p.ids.arxiv}`],
    ['DOI', p.ids.doi],
    ['URL', landingUrl(p)],
    ['abstract', p.abstract],
    ['keyword', p.tags.join(', ') || undefined],
    ['note', p.note || undefined],
  ];
  for (const [k, v] of opt) if (v) (item as unknown as Record<string, string>)[k] = v;
  return item;
}

/** CSL-JSON array; ids are the papers' citation keys (stored ones kept, new ones as for BibTeX). */
export function toCslJson(papers: Paper[], keyFormat?: string): string {
  const { keys } = assignCitationKeys(papers, { template: keyFormat });
  return (
    JSON.stringify(
      papers.map((p) => toCslItem(p, keys.get(p.key)!)),
      null,
      2,
    ) + '\n'
  );
}
