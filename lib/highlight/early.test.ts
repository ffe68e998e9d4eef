import { describe, expect, it } from 'vitest';
import { arxiv } from '../detect/sites/arxiv';
import { PAPER_PAGE_MATCHES, paperAtUrl } from './early';

/** Chromium's match pattern semantics for the patterns used here (scheme *, host *.x or x, path glob). */
function matches(pattern: string, href: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const u = new URL(href);
  if (m[1] === '*' ? !['http:', 'https:'].includes(u.protocol) : u.protocol !== m[1] + ':') return false;
  const host = m[2].startsWith('*.') ? m[2].slice(2) : m[2];
  if (!(u.hostname === host || (m[2].startsWith('*.') && u.hostname.endsWith('.' + host)))) return false;
  const glob = new RegExp(
    '^' +
      m[3]
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  );
  return glob.test(u.pathname + u.search);
}
const paperPage = (href: string) => PAPER_PAGE_MATCHES.some((p) => matches(p, href));

describe('paper pages by URL', () => {
  it('takes arXiv abstracts, HTML renderings, ar5iv and PMC articles', () => {
    for (const u of [
      'https://arxiv.org/abs/1706.03762',
      'https://arxiv.org/html/2401.01234v1',
      'https://www.arxiv.org/abs/2106.09608v2',
      'https://ar5iv.labs.arxiv.org/html/2401.01234',
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/',
      'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3531190/',
    ])
      expect(paperPage(u), u).toBe(true);
  });

  it('leaves out listings, searches and other sites: nothing is loaded there', () => {
    for (const u of [
      'https://arxiv.org/list/cs.LG/new',
      'https://arxiv.org/search/?query=transformers&searchtype=all',
      'https://arxiv.org/',
      'https://pmc.ncbi.nlm.nih.gov/search/?term=cancer',
      'https://www.ncbi.nlm.nih.gov/pmc/?term=cancer',
      'https://scholar.google.com/scholar?q=arxiv.org/abs/1706.03762',
      'https://example.org/arxiv.org/abs/1706.03762',
    ])
      expect(paperPage(u), u).toBe(false);
  });
});

describe('paperAtUrl', () => {
  it("agrees with the arXiv adapter's keyAtUrl", () => {
    for (const u of [
      'https://arxiv.org/abs/1706.03762',
      'https://arxiv.org/abs/2106.09608v2',
      'https://arxiv.org/html/2401.01234v1',
      'https://arxiv.org/html/2401.01234v2/',
      'https://ar5iv.labs.arxiv.org/html/2401.01234',
      'https://arxiv.org/abs/hep-th/9901001v1',
      'https://arxiv.org/list/cs.LG/new',
      'https://arxiv.org/pdf/1706.03762v7',
    ]) {
      const url = new URL(u);
      expect(paperAtUrl(url)?.key, u).toBe(arxiv.keyAtUrl!(url));
    }
    expect(paperAtUrl(new URL('https://arxiv.org/html/2401.01234v2'))).toEqual({ key: 'arxiv:2401.01234', site: 'arxiv' });
  });

  it('names no paper elsewhere', () => {
    for (const u of ['https://arxiv.org/list/cs.LG/new', 'https://example.org/abs/1706.03762', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/'])
      expect(paperAtUrl(new URL(u)), u).toBeUndefined();
  });
});
