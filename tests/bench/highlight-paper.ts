// A generated 100-page paper in arXiv's HTML (LaTeXML) markup, and 200 highlights on it: text
// quote selectors (exact, prefix, suffix) cut from its paragraphs, with a position hint.
import { selectorsAt } from '../../lib/highlight/anchor';
import type { Highlight } from '../../lib/paper/highlight';
import { HIGHLIGHT_COLORS } from '../../lib/paper/highlightLimits';

const WORDS = (
  'attention model token block gate sparse dense layer network training loss gradient benchmark memory sequence length ' +
  'document encoder decoder softmax linear parameter estimate variance bias sample batch optimiser schedule warmup dropout residual ' +
  'projection embedding vocabulary corpus evaluation baseline ablation figure table theorem lemma proof bound'
).split(' ');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

/** ~3,500 characters of text per page, in paragraphs of ~600 (LaTeXML's ltx_para > ltx_p). */
export function longPaper(pages = 100, count = 200, key = 'arxiv:2401.01234', url = 'http://arxiv.org/html/2401.01234v1') {
  const r = rng(7);
  const paras: string[] = [];
  for (let i = 0; i < pages * 6; i++) {
    const words: string[] = [];
    while (words.join(' ').length < 580) words.push(WORDS[Math.floor(r() * WORDS.length)] + (r() < 0.08 ? `${i}.` : ''));
    paras.push(words.join(' ') + '.');
  }
  const sections: string[] = [];
  for (let s = 0; s < paras.length; s += 12) {
    const body = paras
      .slice(s, s + 12)
      .map((p, j) => `<div id="S${s / 12 + 1}.p${j + 1}" class="ltx_para"><p class="ltx_p">${p}</p></div>`)
      .join('\n');
    sections.push(`<section class="ltx_section"><h2 class="ltx_title ltx_title_section">Section ${s / 12 + 1}</h2>\n${body}\n</section>`);
  }
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>[2401.01234v1] A long paper</title></head><body>
<div class="ltx_page_main"><div class="ltx_page_content"><article class="ltx_document">
<h1 class="ltx_title ltx_title_document">A long paper</h1>
${sections.join('\n')}
</article></div></div></body></html>`;
  // The page's text as the anchoring index reads it: title, headings and paragraphs, one space
  // apart (the markup's newlines collapse to one); where each paragraph starts in it.
  const parts = ['A long paper'];
  const at: number[] = [];
  let len = parts[0].length + 1;
  paras.forEach((p, i) => {
    if (i % 12 === 0) {
      const h = `Section ${i / 12 + 1}`;
      parts.push(h);
      len += h.length + 1;
    }
    at.push(len);
    parts.push(p);
    len += p.length + 1;
  });
  const text = parts.join(' ');
  const highlights: Highlight[] = [];
  for (let i = 0; i < count; i++) {
    const p = Math.floor((i + 0.5) * (paras.length / count));
    const start = at[p] + 40;
    const sel = selectorsAt(text, start, start + 80 + (i % 5) * 30);
    highlights.push({
      id: `bench${String(i).padStart(6, '0')}`,
      key,
      selectors: sel,
      color: HIGHLIGHT_COLORS[i % 4],
      url,
      createdAt: i,
      updatedAt: i,
    });
  }
  return { html, highlights, text };
}
