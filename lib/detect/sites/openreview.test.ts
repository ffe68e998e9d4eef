import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { openreview } from './openreview';

const note = (id: string, title: string, authors = '<a href="/profile?id=~A_B1">A B</a>') =>
  `<h4><a href="/forum?id=${id}&amp;referrer=%5BAuthor%20Console%5D">${title}</a> <a href="/pdf?id=${id}" class="pdf-link"><img></a></h4>` +
  `<div class="note-authors">${authors}</div><div class="note-meta-info"><span class="date">Published: 01 May 2023, Last Modified: 02 Jun 2024</span></div>`;

describe('OpenReview', () => {
  it('parses a venue entry rendered after the first scan, alone', () => {
    const doc = parsePage('<ul class="list-unstyled submissions-list"></ul>');
    const li = doc.createElement('li');
    li.className = 'note';
    li.innerHTML = note('aB3-_x9', 'Late Tab Entry');
    doc.querySelector('ul')!.append(li);
    expect(li.matches(openreview.entrySelector!)).toBe(true);
    const d = openreview.parseEntry!(li, new URL('https://openreview.net/group?id=NeurIPS.cc/2023/Conference#tab-accept'));
    expect(d?.paper).toMatchObject({
      key: 'openreview:aB3-_x9',
      title: 'Late Tab Entry',
      authors: ['A B'],
      year: 2023,
      pdfUrl: 'https://openreview.net/pdf?id=aB3-_x9',
    });
    expect(d?.anchor).toBe(li.querySelector('h4'));
  });

  it('drops "Anonymous" author placeholders and odd entries without throwing', () => {
    const url = new URL('https://openreview.net/group?id=ICLR.cc/2025/Conference');
    const one = (html: string) => openreview.parseEntry!(parsePage(`<ul><li class="note">${html}</li></ul>`).querySelector('li')!, url);
    expect(one(note('abc', 'T', '<a>Anonymous</a>'))?.paper.authors).toEqual([]);
    expect(one('<h4>No link</h4>')).toBeNull();
    expect(one('<h4><a href="/forum?id=">Empty id</a></h4>')).toBeNull();
    expect(one('<h4><a href="/forum?id=a%20b%3Cc">Bad id</a></h4>')).toBeNull();
  });

  it('identifies a /pdf?id= page from its URL and keeps a real viewer title', () => {
    const [d] = openreview.detect(
      parsePage('<title>Provable Guarantees for Learned Index Structures</title>'),
      new URL('https://openreview.net/pdf?id=Xk3pQ9rT2a'),
    );
    expect(d.paper).toMatchObject({ key: 'openreview:Xk3pQ9rT2a', title: 'Provable Guarantees for Learned Index Structures' });
    expect(d.anchor).toBeUndefined();
  });

  it('finds nothing on a forum URL without an id', () => {
    expect(openreview.detect(parsePage('<h2 class="citation_title">X</h2>'), new URL('https://openreview.net/forum'))).toEqual([]);
  });
});

describe('OpenReview forum after in-app navigation', () => {
  it('ignores citation meta that names another forum and reads the page', () => {
    const html =
      '<head><meta name="citation_title" content="Previous Paper"><meta name="citation_author" content="Old Author">' +
      '<meta name="citation_pdf_url" content="https://openreview.net/pdf?id=OLD123"></head>' +
      '<body><div class="forum-title"><h2 class="citation_title">Current Paper</h2></div>' +
      '<div class="forum-authors"><h3><span><a href="/profile?id=~New_Author1">New Author</a></span></h3></div></body>';
    const [d] = openreview.detect(parsePage(html), new URL('https://openreview.net/forum?id=NEW456'));
    expect(d.paper).toMatchObject({ key: 'openreview:NEW456', title: 'Current Paper', authors: ['New Author'] });
  });
});
