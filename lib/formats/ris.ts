// RIS export (https://en.wikipedia.org/wiki/RIS_(file_format)): "TG  - value" lines, CRLF, ER closes.
import type { Paper, PaperType } from '../paper/schema';
import { dateParts } from './dates';
import { cleanField } from './latex';
import { landingUrl } from './idurls';
import { namesOf, parseName, type Name } from './names';

const TYPE: Record<PaperType, string> = { journal: 'JOUR', conference: 'CONF', preprint: 'UNPB', other: 'GEN' };

/** RIS author: "Family, Given, Suffix" (particle kept with the family name). */
export function risName(display: string): string {
  return risNameOf(parseName(display));
}

export function risNameOf(n: Name): string {
  if ('literal' in n) return n.literal;
  const family = n.particle ? `${n.particle} ${n.family}` : n.family;
  return [family, n.given ?? '', n.suffix]
    .filter((x) => x !== undefined)
    .join(', ')
    .replace(/, $/, '');
}

function risRecord(p: Paper): string[] {
  const lines: string[] = [];
  // RIS values are one line each: newlines and control characters go.
  const add = (tag: string, v: string | number | undefined) => {
    const s = cleanField(v === undefined ? '' : String(v));
    if (s) lines.push(`${tag}  - ${s}`);
  };
  add('TY', TYPE[p.type]);
  for (const a of namesOf(p)) add('AU', risNameOf(a));
  // A2 (secondary authors): editors for journal, book and conference records alike.
  for (const e of namesOf(p, 'editors')) add('A2', risNameOf(e));
  add('TI', p.title);
  add('T2', p.venue);
  add('PY', p.year);
  const d = dateParts(p.date, p.year);
  if (d?.month) add('DA', `${d.year}/${String(d.month).padStart(2, '0')}/${d.day ? String(d.day).padStart(2, '0') : ''}/`);
  add('VL', p.volume);
  add('IS', p.number);
  const [sp, ep] = (p.pages ?? '').split(/\s*[-‐‑‒–—]+\s*/);
  add('SP', sp);
  add('EP', ep);
  add('PB', p.publisher);
  add('DO', p.ids.doi);
  if (p.ids.arxiv) add('AN', `arXiv:${p.ids.arxiv}`);
  add('UR', landingUrl(p) ?? (p.ids.arxiv ? `https://arxiv.org/abs/${p.ids.arxiv}` : undefined));
  add('L1', p.pdfUrl);
  add('AB', p.abstract);
  for (const t of p.tags) add('KW', t);
  add('N1', p.note);
  lines.push('ER  - ');
  return lines;
}

export function toRis(papers: Paper[]): string {
  return papers.map((p) => risRecord(p).join('\r\n') + '\r\n').join('\r\n');
}
