import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { adaptersFor } from '../registry';
import { pubmed } from './pubmed';

const docsum = (title: string, cit = '') =>
  parsePage(
    `<article class="full-docsum"><a class="docsum-title" data-article-id="123">${title}</a><span class="docsum-journal-citation full-journal-citation">${cit}</span></article>`,
  ).querySelector('article')!;
const url = new URL('https://pubmed.ncbi.nlm.nih.gov/?term=x');

describe('pubmed', () => {
  it('handles PubMed and PMC, not the rest of ncbi.nlm.nih.gov', () => {
    const on = (u: string) => adaptersFor(new URL(u)).includes(pubmed);
    expect(on('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1/')).toBe(true);
    expect(on('https://www.ncbi.nlm.nih.gov/pubmed/?term=x')).toBe(true);
    expect(on('https://www.ncbi.nlm.nih.gov/gene/672')).toBe(false);
  });

  it('drops the MEDLINE final period only', () => {
    expect(pubmed.parseEntry!(docsum('Is it safe?'), url)!.paper.title).toBe('Is it safe?');
    expect(pubmed.parseEntry!(docsum('Wait...'), url)!.paper.title).toBe('Wait...');
    expect(pubmed.parseEntry!(docsum('GenBank.'), url)!.paper.title).toBe('GenBank');
  });

  it('takes the PMID from the link when the PMID line is missing, and the DOI from the citation', () => {
    const d = pubmed.parseEntry!(docsum('T.', 'Nature. 2020;1:2. doi: 10.1038/ABC.1. Epub 2020 Jan 1.'), url)!;
    expect(d.paper).toMatchObject({ key: 'doi:10.1038/abc.1', ids: { pmid: '123' }, venue: 'Nature', year: 2020 });
  });

  it('reads the PMCID of a PMC page from its URL', () => {
    const [d] = pubmed.detect(parsePage('<h1>GenBank</h1>'), new URL('https://pmc.ncbi.nlm.nih.gov/articles/pmc3531190/'));
    expect(d.paper.ids.pmcid).toBe('PMC3531190');
  });
});
