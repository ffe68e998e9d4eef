import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { highwire } from './highwire';

const page = (meta: Record<string, string>) =>
  parsePage(
    `<html><head>${Object.entries(meta)
      .map(([k, v]) => `<meta name="${k}" content="${v.replace(/"/g, '&quot;')}">`)
      .join('')}</head><body></body></html>`,
  );

describe('highwire', () => {
  it('reads a journal article with page range', () => {
    const [d] = highwire(
      page({
        citation_title: 'A Study',
        citation_doi: '10.1234/abc',
        citation_journal_title: 'J. Tests',
        citation_firstpage: '12',
        citation_lastpage: '19',
        citation_author: 'Doe, Jane',
      }),
      new URL('https://j.example/a'),
    );
    expect(d.paper).toMatchObject({ key: 'doi:10.1234/abc', venue: 'J. Tests', type: 'journal', pages: '12--19', authors: ['Jane Doe'] });
  });

  it('ignores a DOI suffix given as first page, markup in the abstract and DOI links as PDF', () => {
    const [d] = highwire(
      page({
        citation_title: 'Preprint',
        citation_doi: '10.1101/2020.03.22.002386',
        citation_firstpage: '2020.03.22.002386',
        citation_abstract: '<h3>Abstract</h3><p>We map <i>things</i>.</p>',
        citation_pdf_url: 'https://doi.org/10.1101/2020.03.22.002386',
      }),
      new URL('https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3'),
    );
    expect(d.paper.pages).toBeUndefined();
    expect(d.paper.abstract).toBe('Abstract We map things .');
    expect(d.paper.pdfUrl).toBeUndefined();
  });
});
