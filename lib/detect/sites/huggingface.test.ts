import { describe, expect, it } from 'vitest';
import { adaptersFor } from '@/lib/detect/registry';
import { parsePage } from '../../../tests/helpers/dom';
import { huggingface } from './huggingface';

const card = (id: string, title: string) =>
  `<a href="/papers/${id}" class="peer"><img src="x.png" alt=""></a><div><h3 class="mb-1"><a href="/papers/${id}">${title}</a></h3>` +
  `<a href="/papers/${id}" class="flex"><ul><li title="Some Author"></li></ul></a><a href="/papers/${id}#community">3</a></div>`;

describe('Hugging Face papers', () => {
  it('handles only /papers pages of huggingface.co', () => {
    for (const u of [
      'https://huggingface.co/papers',
      'https://huggingface.co/papers/trending',
      'https://huggingface.co/papers/week/2025-W40',
      'https://huggingface.co/papers?q=diffusion',
    ])
      expect(adaptersFor(new URL(u)), u).toContain(huggingface);
    expect(adaptersFor(new URL('https://huggingface.co/meta-llama/Llama-3.1-8B'))).not.toContain(huggingface);
  });

  it('gives one paper per card whatever number of links to it the card holds', () => {
    const doc = parsePage(
      `<div class="grid"><article>${card('2410.05001', 'First')}</article><article>${card('2410.05002', 'Second')}</article></div>`,
    );
    const found = huggingface.detect(doc, new URL('https://huggingface.co/papers/trending'));
    expect(found.map((d) => d.paper.key)).toEqual(['arxiv:2410.05001', 'arxiv:2410.05002']);
    expect(found[0].anchor).toBe(doc.querySelector('h3'));
    expect(found[0].paper).toMatchObject({ absUrl: 'https://arxiv.org/abs/2410.05001', pdfUrl: 'https://arxiv.org/pdf/2410.05001' });
  });

  it('parses an entry rendered after the first scan, alone', () => {
    const doc = parsePage('<div class="grid"></div>');
    const el = doc.createElement('article');
    el.innerHTML = card('2410.05009', 'Late &amp; Lazy');
    doc.querySelector('.grid')!.append(el);
    expect(el.matches(huggingface.entrySelector!)).toBe(true);
    const d = huggingface.parseEntry!(el, new URL('https://huggingface.co/papers/date/2024-10-08'));
    expect(d?.paper).toMatchObject({ key: 'arxiv:2410.05009', title: 'Late & Lazy', source: 'huggingface' });
  });

  it('returns null for cards that are not papers, without throwing', () => {
    const url = new URL('https://huggingface.co/papers');
    for (const html of [
      '',
      '<h3>No link</h3>',
      '<h3><a href="/papers/date/2024-10-07">Oct 7</a></h3>',
      '<h3><a href="/papers/not-an-id">X</a></h3>',
      '<h3><a href="/papers/2410.05001"> </a></h3>',
    ]) {
      const el = parsePage(`<article>${html}</article>`).querySelector('article')!;
      expect(huggingface.parseEntry!(el, url), html).toBeNull();
    }
  });

  it('on a paper page, falls back to og:title and ignores the cards beside the paper', () => {
    const html = `<head><meta property="og:title" content="Paper page - A Title"></head><body><article>${card('2409.00001', 'Other')}</article></body>`;
    const found = huggingface.detect(parsePage(html), new URL('https://huggingface.co/papers/2410.05001'));
    expect(found.map((d) => [d.paper.key, d.paper.title])).toEqual([['arxiv:2410.05001', 'A Title']]);
  });
});
