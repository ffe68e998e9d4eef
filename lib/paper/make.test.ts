import { describe, expect, it } from 'vitest';
import { paperMetaSchema } from './schema';
import { makePaper } from './make';

describe('makePaper', () => {
  it('cleans text, names and ids and passes the zod schema', () => {
    const p = makePaper({
      ids: { arxiv: 'arXiv:2401.01234v2', doi: ' https://doi.org/10.1000/ABC ' },
      title: '  Attention\n   Is   All <b>You</b> Need\u0007 ',
      authors: ['Vaswani, Ashish', ' Noam   Shazeer ', '', null],
      date: '2017/06/12',
      source: 'test',
      absUrl: '/abs/2401.01234',
      pdfUrl: 'javascript:alert(1)',
    }, 'https://arxiv.org/list/cs/new');
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
    const p = makePaper({ ids: { doi: '10.1000/x' }, title: 'Déplacement de Knight — ζ-fonctions 深層学習', authors: ['Erwin Schrödinger'], source: 't' });
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
      const p = makePaper({ ids: { doi: '10.1234/evil', url: bad }, title: 'T', absUrl: bad, pdfUrl: bad, source: 't' }, 'https://journal.example.org/a')!;
      expect(p.key).toBe('doi:10.1234/evil');
      expect('url' in p.ids).toBe(false);
      expect(p.absUrl).toBeUndefined();
      expect(p.pdfUrl).toBeUndefined();
    }
  });
});
