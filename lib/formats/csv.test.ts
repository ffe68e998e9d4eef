import { describe, expect, it } from 'vitest';
import { newPaper } from '../paper/schema';
import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('l1\nl2')).toBe('"l1\nl2"');
    expect(csvCell('plain')).toBe('plain');
  });
  it('defuses formulas', () => {
    for (const s of ['=1+1', '+cmd', '-2', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
  });
  it('has a header, CRLF rows and an optional BOM', () => {
    const p = newPaper({ key: 'doi:10.1/x', ids: { doi: '10.1/x' }, title: 'T', authors: ['A', 'B'], type: 'other', source: 't' }, 0);
    const csv = toCsv([p], { bom: true });
    expect(csv.startsWith('\uFEFFkey,citationKey,title')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('doi:10.1/x,,T,A; B,,,,other,10.1/x,,,,,unread,no,,,1970-01-01T00:00:00.000Z,1970-01-01T00:00:00.000Z');
  });
});
