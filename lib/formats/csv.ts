// CSV (RFC 4180): CRLF rows, fields quoted when they hold a comma, quote or line break.
// Cells that a spreadsheet would run as a formula (= + - @ TAB CR first) get a leading quote
// (OWASP "CSV injection").
import type { Paper } from '../paper/schema';

export const CSV_COLUMNS = [
  'key',
  'citationKey',
  'title',
  'authors',
  'year',
  'date',
  'venue',
  'type',
  'doi',
  'arxiv',
  'url',
  'pdfUrl',
  'tags',
  'status',
  'starred',
  'note',
  'abstract',
  'addedAt',
  'updatedAt',
] as const;

export function csvCell(value: string): string {
  const s = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(p: Paper): string[] {
  const iso = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString() : '');
  return [
    p.key,
    p.citationKey ?? '',
    p.title,
    p.authors.join('; '),
    p.year ? String(p.year) : '',
    p.date ?? '',
    p.venue ?? '',
    p.type,
    p.ids.doi ?? '',
    p.ids.arxiv ?? '',
    p.absUrl ?? p.ids.url ?? '',
    p.pdfUrl ?? '',
    p.tags.join('; '),
    p.status,
    p.starred ? 'yes' : 'no',
    p.note,
    p.abstract ?? '',
    iso(p.addedAt),
    iso(p.updatedAt),
  ];
}

/** `bom` adds U+FEFF so Excel opens the file as UTF-8. */
export function toCsv(papers: Paper[], options: { bom?: boolean } = {}): string {
  const lines = [[...CSV_COLUMNS], ...papers.map(row)].map((cells) => cells.map(csvCell).join(','));
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
