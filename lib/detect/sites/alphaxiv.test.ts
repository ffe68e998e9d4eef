import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { alphaxiv } from './alphaxiv';

const page = (ogUrl: string) =>
  `<head><meta property="og:title" content="Old Paper | alphaXiv"><meta property="og:url" content="${ogUrl}"></head>` +
  `<body><h1 class="text-2xl font-bold">New Paper</h1></body>`;

describe('alphaXiv', () => {
  it('trusts meta tags that name the paper of the URL', () => {
    const [d] = alphaxiv.detect(parsePage(page('https://www.alphaxiv.org/abs/2401.01234')), new URL('https://www.alphaxiv.org/abs/2401.01234v1'));
    expect(d.paper).toMatchObject({ key: 'arxiv:2401.01234', title: 'Old Paper', arxivVersion: 1 });
  });

  it('ignores meta tags left by the previous paper after in-app navigation', () => {
    const doc = parsePage(page('https://www.alphaxiv.org/abs/2312.09999'));
    const [d] = alphaxiv.detect(doc, new URL('https://www.alphaxiv.org/overview/2401.01234'));
    expect(d.paper).toMatchObject({ key: 'arxiv:2401.01234', title: 'New Paper' });
    expect(d.anchor).toBe(doc.querySelector('h1'));
  });

  it('finds nothing on pages that name no paper', () => {
    expect(alphaxiv.detect(parsePage(page('https://www.alphaxiv.org/')), new URL('https://www.alphaxiv.org/explore'))).toEqual([]);
  });
});
