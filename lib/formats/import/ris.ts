// RIS import: tolerant of LF or CRLF, missing ER, continuation lines and junk between records.
import { arxivIdFromUrl, parseArxivId } from '../../paper/identity';
import type { NameParts, PaperType } from '../../paper/schema';
import { withUrlIds } from '../idurls';
import { displayOf, fromParts, parseName, toParts } from '../names';
import { candidate, guarded, type ImportResult } from './candidate';

const TYPES: Record<string, PaperType> = {
  JOUR: 'journal',
  JFULL: 'journal',
  MGZN: 'journal',
  CONF: 'conference',
  CPAPER: 'conference',
  UNPB: 'preprint',
  PREPRINT: 'preprint',
};
// `[^]*`, not `.*`: a value may hold U+2028/U+2029, which `.` does not match (the line was then
// taken for a continuation and the record lost its title).
const LINE = /^([A-Z][A-Z0-9])  ?-(?: ([^]*))?$/;

type Rec = { line: number; tags: Map<string, string[]> };

function records(text: string): Rec[] {
  const out: Rec[] = [];
  let cur: Rec | null = null;
  let last = '';
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const m = LINE.exec(raw.replace(/^\uFEFF/, ''));
    if (!m) {
      // A line that is not a tag continues the previous value (some exporters wrap long abstracts).
      const vals = cur && last ? cur.tags.get(last) : undefined;
      if (vals && raw.trim()) vals[vals.length - 1] += ' ' + raw.trim();
      return;
    }
    const [, tag, value = ''] = m;
    if (tag === 'TY') {
      cur = { line: i + 1, tags: new Map() };
      out.push(cur);
    }
    if (!cur) return;
    if (tag === 'ER') {
      cur = null;
      return;
    }
    const list = cur.tags.get(tag) ?? [];
    list.push(value.trim());
    cur.tags.set(tag, list);
    last = tag;
  });
  return out;
}

/**
 * "Family, Given, Suffix" in parts. A name without a comma is one piece, as Zotero reads it: RIS
 * writes people as "Family, Given", so "Beijing Zoo" is a corporate name, not Mr Zoo.
 */
function risParts(s: string): NameParts {
  const parts = s.split(/\s*,\s*/).filter(Boolean);
  if (parts.length === 1) return { literal: parts[0] };
  if (parts.length === 3) return { family: parts[0], given: parts[1], suffix: parts[2] };
  if (parts.length === 2) {
    const n = parseName(`${parts[0]}, ${parts[1]}`);
    return 'literal' in n ? { literal: n.literal } : toParts(n);
  }
  return { literal: s };
}

const names = (list: string[]) => {
  const parts = list.map(risParts);
  return { display: parts.map((n) => displayOf(fromParts(n))), parts };
};

export function importRis(text: string): ImportResult {
  return guarded('file', (result) => {
    const recs = records(text);
    if (!recs.length && text.trim()) result.errors.push({ where: 'line 1', message: 'no RIS record (a "TY  - " line) found' });
    for (const r of recs) {
      const one = (...tags: string[]) => tags.map((t) => r.tags.get(t)?.[0]).find(Boolean);
      const all = (...tags: string[]) => tags.flatMap((t) => r.tags.get(t) ?? []).filter(Boolean);
      const url = one('UR');
      const an = one('AN');
      const arxiv = (an && /^arxiv:/i.test(an) ? parseArxivId(an)?.id : undefined) ?? (url ? arxivIdFromUrl(url)?.id : undefined);
      const sp = one('SP');
      const authors = names(all('AU', 'A1'));
      // A2 (secondary: a book's or a series' editors), A3 (tertiary) and ED are editors, not authors.
      const editors = names(all('A2', 'A3', 'ED'));
      const ep = one('EP');
      const c = candidate(
        {
          ids: withUrlIds({ arxiv, doi: one('DO'), url }, url),
          title: one('TI', 'T1', 'CT', 'BT'),
          authors: authors.display,
          authorNames: authors.parts,
          editors: editors.display,
          editorNames: editors.parts,
          year: one('PY', 'Y1', 'DA'),
          date: one('DA', 'Y1')?.replace(/\//g, '-').replace(/-+$/, ''),
          venue: one('T2', 'JO', 'JF', 'J2', 'BT'),
          type: TYPES[one('TY') ?? ''] ?? (arxiv ? 'preprint' : 'other'),
          abstract: one('AB', 'N2'),
          absUrl: url,
          pdfUrl: one('L1'),
          source: 'import:ris',
          volume: one('VL'),
          number: one('IS'),
          pages: sp && ep ? `${sp}-${ep}` : sp,
          publisher: one('PB'),
        },
        { tags: all('KW'), note: all('N1').join('\n\n') },
        `line ${r.line}`,
        result.errors,
      );
      if (c) result.papers.push(c);
    }
  });
}
