import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tests/helpers/random';
import { paperMetaSchema } from './schema';
import { absolute, makePaper } from './make';

describe('makePaper', () => {
  it('cleans text, names and ids and passes the zod schema', () => {
    const p = makePaper(
      {
        ids: { arxiv: 'arXiv:2401.01234v2', doi: ' https://doi.org/10.1000/ABC ' },
        title: '  Attention\n   Is   All <b>You</b> Need\u0007 ',
        authors: ['Vaswani, Ashish', ' Noam   Shazeer ', '', null],
        date: '2017/06/12',
        source: 'test',
        absUrl: '/abs/2401.01234',
        pdfUrl: 'javascript:alert(1)',
      },
      'https://arxiv.org/list/cs/new',
    );
    expect(p).not.toBeNull();
    expect(p!.key).toBe('arxiv:2401.01234');
    expect(p!.arxivVersion).toBe(2);
    expect(p!.ids.doi).toBe('10.1000/abc');
    expect(p!.title).toBe('Attention Is All <b>You</b> Need');
    expect(p!.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
    expect(p!.year).toBe(2017);
    expect(p!.type).toBe('preprint');
    expect(p!.absUrl).toBe('https://arxiv.org/abs/2401.01234');
    expect(p!.pdfUrl).toBeUndefined();
    expect(paperMetaSchema.safeParse(p).success).toBe(true);
  });

  it('keeps Unicode as it is', () => {
    const p = makePaper({
      ids: { doi: '10.1000/x' },
      title: 'Déplacement de Knight — ζ-fonctions 深層学習',
      authors: ['Erwin Schrödinger'],
      source: 't',
    });
    expect(p!.title).toBe('Déplacement de Knight — ζ-fonctions 深層学習');
    expect(p!.authors).toEqual(['Erwin Schrödinger']);
  });

  it('refuses a paper without title or identity', () => {
    expect(makePaper({ ids: { doi: '10.1000/x' }, title: '   ', source: 't' })).toBeNull();
    expect(makePaper({ ids: {}, title: 'A title', source: 't' })).toBeNull();
  });

  it('clamps a 50,000-character title to what the schema allows', () => {
    const p = makePaper({ ids: { doi: '10.1000/x' }, title: 'x'.repeat(50_000), source: 't' });
    expect(p!.title.length).toBe(20_000);
    expect(paperMetaSchema.safeParse(p).success).toBe(true);
  });

  it('guesses the type from the venue', () => {
    expect(makePaper({ ids: { doi: '10.1000/x' }, title: 'T', venue: 'Proceedings of ACL', source: 't' })!.type).toBe('conference');
    expect(makePaper({ ids: { doi: '10.1000/x' }, title: 'T', venue: 'Nature', source: 't' })!.type).toBe('journal');
  });
});

describe('hostile links', () => {
  it('a javascript: or data: URL is dropped, not kept as undefined, and the paper survives', () => {
    for (const bad of ['javascript:window.__pwned=1', 'data:text/html,<script>1</script>', 'vbscript:x']) {
      const p = makePaper(
        { ids: { doi: '10.1234/evil', url: bad }, title: 'T', absUrl: bad, pdfUrl: bad, source: 't' },
        'https://journal.example.org/a',
      )!;
      expect(p.key).toBe('doi:10.1234/evil');
      expect('url' in p.ids).toBe(false);
      expect(p.absUrl).toBeUndefined();
      expect(p.pdfUrl).toBeUndefined();
    }
  });
});

describe('absolute URLs', () => {
  const parsed = (u: string, base?: string) => {
    try {
      const x = new URL(u, base);
      return x.protocol === 'http:' || x.protocol === 'https:' ? x.href : undefined;
    } catch {
      return undefined;
    }
  };
  it('the fast path for already serialized URLs answers as the URL parser does', () => {
    const parts = [
      'https://',
      'http://',
      'HTTPS://',
      'ftp://',
      'arxiv.org',
      'ArXiv.org',
      'a.b-c.org',
      '127.0.0.1',
      'x.1a',
      'xn--bcher-kva.de',
      'xn--a.org',
      'x.xn--zz',
      ':443',
      '@',
      '/',
      '/abs/2401.01234',
      '/a/./b',
      '/a/../b',
      '/.',
      '/..',
      '/%2e%2E/',
      '/a b',
      "/it's",
      '/~user/',
      '/a|b',
      '/{x}',
      '/é',
      '\\\\',
      '/a\\b',
      '?',
      '?q=1&r=%20',
      "?it's",
      '?a b',
      '?#',
      '#',
      '#frag',
      "#it's",
      '#a b',
      '#x#y',
      '#`',
      '%',
      '%zz',
      ';',
      '/.x',
      '/x.',
      '/..x',
      '\t',
      '\n',
      ' ',
    ];
    const rnd = seededRandom(7);
    let checked = 0;
    for (let i = 0; i < 20_000; i++) {
      let u = '';
      const n = 1 + Math.floor(rnd() * 7);
      for (let j = 0; j < n; j++) u += parts[Math.floor(rnd() * parts.length)];
      if (i % 3 === 0) u = 'https://arxiv.org' + u;
      expect(absolute(u, 'https://base.example.org/dir/page'), u).toBe(parsed(u, 'https://base.example.org/dir/page'));
      checked++;
    }
    expect(checked).toBe(20_000);
    expect(absolute('https://arxiv.org/abs/2401.01234')).toBe('https://arxiv.org/abs/2401.01234');
    expect(absolute('https://arxiv.org/a/../abs')).toBe('https://arxiv.org/abs');
    expect(absolute('https://ArXiv.org/abs')).toBe('https://arxiv.org/abs');
  });
});
