// RIS import: tolerant of LF or CRLF, missing ER, continuation lines and junk between records.
import { arxivIdFromUrl, parseArxivId } from '../../paper/identity';
import type { PaperType } from '../../paper/schema';
import { withUrlIds } from '../idurls';
import { displayOf, parseName } from '../names';
import { candidate, guarded, type ImportResult } from './candidate';

const TYPES: Record<string, PaperType> = { JOUR: 'journal', JFULL: 'journal', MGZN: 'journal', CONF: 'conference', CPAPER: 'conference', UNPB: 'preprint', PREPRINT: 'preprint' };
const LINE = /^([A-Z][A-Z0-9])  ?-(?: (.*))?$/;

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

/** "Family, Given, Suffix" → display order. */
function risAuthor(s: string): string {
  const parts = s.split(/\s*,\s*/);
  if (parts.length === 3) return `${parts[1]} ${parts[0]} ${parts[2]}`.trim();
  return displayOf(parseName(s));
}

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
      const ep = one('EP');
      const c = candidate(
        {
          ids: withUrlIds({ arxiv, doi: one('DO'), url }, url),
          title: one('TI', 'T1', 'CT', 'BT'),
          authors: all('AU', 'A1', 'A2').map(risAuthor),
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
