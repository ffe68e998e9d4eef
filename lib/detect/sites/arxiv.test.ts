import { describe, expect, it } from 'vitest';
import { runDetection } from '@/lib/detect/registry';
import { parsePage } from '../../../tests/helpers/dom';
import { arxiv } from './arxiv';

const run = (html: string, url: string) => arxiv.detect(parsePage(html), new URL(url));

const row = (id: string, title: string) =>
  `<dt><a name="i">[1]</a> <a href="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a> [<a href="/pdf/${id}" title="Download PDF">pdf</a>]</dt>` +
  `<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> ${title}</div>` +
  `<div class="list-authors"><a href="/a/x">A. Author</a>, <a href="/a/y">B. Author</a></div>` +
  `<div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span></div></div></dd>`;

describe('arXiv /pdf/ and /html/ pages: identified from the URL', () => {
  it('names the paper of an /abs/ or /html/ URL before the page is parsed, and no other', () => {
    expect(arxiv.keyAtUrl!(new URL('https://arxiv.org/html/2401.01234v2'))).toBe('arxiv:2401.01234');
    expect(arxiv.keyAtUrl!(new URL('https://arxiv.org/abs/hep-th/9901001'))).toBe('arxiv:hep-th/9901001');
    expect(arxiv.keyAtUrl!(new URL('https://arxiv.org/list/cs.LG/new'))).toBeUndefined();
    expect(arxiv.keyAtUrl!(new URL('https://arxiv.org/pdf/1706.03762v7'))).toBeUndefined();
    expect(arxiv.keyAtUrl!(new URL('https://arxiv.org/html/'))).toBeUndefined();
  });

  it('uses the viewer title when it names the paper', () => {
    const [d] = run('<title>Attention Is All You Need</title>', 'https://arxiv.org/pdf/1706.03762v7');
    expect(d.paper).toMatchObject({ key: 'arxiv:1706.03762', title: 'Attention Is All You Need', arxivVersion: 7, year: 2017 });
    expect(d.anchor).toBeUndefined();
  });

  it.each(['', '<title>1706.03762v7.pdf</title>', '<title>arXiv:1706.03762v7 [cs.CL] 2 Aug 2023</title>', '<title>untitled</title>'])(
    'falls back to arXiv:<id> for a title that is no title: %s',
    (head) => {
      const [d] = run(`<html><head>${head}</head><body><embed type="application/pdf"></body></html>`, 'https://arxiv.org/pdf/1706.03762v7');
      expect(d.paper.title).toBe('arXiv:1706.03762');
    },
  );

  it('reads old-style ids and .pdf suffixes', () => {
    expect(run('', 'https://arxiv.org/pdf/hep-th/9711200v1.pdf')[0].paper).toMatchObject({
      key: 'arxiv:hep-th/9711200',
      title: 'arXiv:hep-th/9711200',
      year: 1997,
    });
  });

  it('finds nothing on a /pdf/ URL without an id', () => {
    expect(run('<title>x</title>', 'https://arxiv.org/pdf/')).toEqual([]);
  });
});

describe('arXiv listings', () => {
  it('anchors the control after the abstract link of each dt', () => {
    const doc = parsePage(`<div id="dlpage"><dl id="articles">${row('2405.00001', 'One')}${row('2405.00002', 'Two')}</dl></div>`);
    const found = arxiv.detect(doc, new URL('https://arxiv.org/list/cs.LG/recent'));
    expect(found.map((d) => d.paper.key)).toEqual(['arxiv:2405.00001', 'arxiv:2405.00002']);
    expect(found[0].anchor).toBe(doc.querySelector('a[title="Abstract"]'));
    expect(found[0].placement).toBe('after');
    expect(found[0].paper).toMatchObject({ authors: ['A. Author', 'B. Author'], arxivCategory: 'cs.LG' });
  });

  it('reads the id from any form of abstract link: relative, absolute, versioned, with dot segments or escapes', () => {
    const link = (href: string, id: string) => row(id, 'T').replace(`href="/abs/${id}"`, `href="${href}"`);
    const html = `<dl id="articles">${link('/abs/2405.00001v3', '2405.00001')}${link('https://arxiv.org/abs/2405.00002', '2405.00002')}${link('/abs/./2405.00003', '2405.00003')}${link('/abs/x/../2405.00004', '2405.00004')}${link('/abs/hep-th%2F9711200', 'hep-th/9711200')}${link('/abs/not-an-id', '2405.00005')}</dl>`;
    const found = arxiv.detect(parsePage(html), new URL('https://arxiv.org/list/cs.LG/recent'));
    expect(found.map((d) => d.key ?? d.paper.key)).toEqual([
      'arxiv:2405.00001',
      'arxiv:2405.00002',
      'arxiv:2405.00003',
      'arxiv:2405.00004',
      'arxiv:hep-th/9711200',
    ]);
    expect(found[0].paper.arxivVersion).toBe(3);
  });

  it('counts a paper listed in two sections once', () => {
    const html = `<dl id="articles"><h3>New submissions</h3>${row('2405.00001', 'One')}</dl><dl id="articles"><h3>Replacements</h3>${row('2405.00001', 'One')}</dl>`;
    expect(runDetection(parsePage(html), new URL('https://arxiv.org/list/cs.LG/new')).detections).toHaveLength(1);
  });

  it('skips rows without an id or a dd, without throwing', () => {
    const html = `<dl><dt>[1] (withdrawn)</dt><dd><div class="list-title">X</div></dd><dt><a href="/abs/2405.00003">arXiv:2405.00003</a></dt><dt></dt><dd></dd></dl>`;
    expect(run(html, 'https://arxiv.org/list/cs.LG/pastweek?show=25')).toEqual([]);
  });

  // A 2,000-entry page takes seconds to build in happy-dom; the property checked does not depend on size.
  it('parses a long /new page in one pass, with no per-entry document-wide query', () => {
    const rows = Array.from({ length: 200 }, (_, i) => row(`2405.${String(10000 + i)}`, `Paper number ${i}`)).join('');
    const doc = parsePage(`<div id="dlpage"><dl id="articles"><h3>New submissions</h3>${rows}</dl></div>`);
    let docQueries = 0;
    for (const m of ['querySelector', 'querySelectorAll'] as const) {
      const orig: (s: string) => unknown = doc[m].bind(doc);
      (doc as unknown as Record<string, unknown>)[m] = (s: string) => (docQueries++, orig(s));
    }
    const t = performance.now();
    const found = arxiv.detect(doc, new URL('https://arxiv.org/list/cs/new'));
    expect(found).toHaveLength(200);
    expect(docQueries).toBeLessThanOrEqual(3);
    // happy-dom is far slower than a browser: this only catches a quadratic blow-up.
    expect(performance.now() - t).toBeLessThan(4000);
  });
});

describe('arXiv search results', () => {
  it('takes the full abstract without its "Less" toggle and the primary category tag', () => {
    const html = `<ol><li class="arxiv-result"><div><p class="list-title"><a href="https://arxiv.org/abs/2403.01111">arXiv:2403.01111</a></p>
      <div class="tags"><span class="tag is-link">cs.CL</span><span class="tag">cs.LG</span></div></div>
      <p class="title is-5 mathjax">A Title</p><p class="authors"><span>Authors:</span> <a href="/search/?q">Jane Roe</a></p>
      <p class="abstract"><span class="abstract-short">Short&hellip; <a>&#9661; More</a></span><span class="abstract-full">Full text here. <a>&#9651; Less</a></span></p></li></ol>`;
    const doc = parsePage(html);
    const [d] = arxiv.detect(doc, new URL('https://arxiv.org/search/?query=x&searchtype=all'));
    expect(d.paper).toMatchObject({ title: 'A Title', abstract: 'Full text here.', arxivCategory: 'cs.CL', authors: ['Jane Roe'] });
    expect(d.anchor).toBe(doc.querySelector('p.title'));
  });
});
