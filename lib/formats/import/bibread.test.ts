// The fast reader against the parser it stands in for: every .bib text the tests know, exports of
// generated and fixture libraries in each encoding, and hand-made edge cases give the very same
// entries (and undecoded twins) as `parse` over the whole file.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bigBib } from '../../../tests/helpers/bigbib';
import { FIXTURES, loadLibrary, realFiles } from '../../../tests/helpers/formats';
import { generatePapers } from '../../search/generate';
import { exportBibtex } from '../bibtex';
import { readBib, readWhole, type ParserOptions } from './bibread';
import { importBibtex } from './bibtex';

const OPTIONS: ParserOptions = { english: false, sentenceCase: false, caseProtection: false, unsupported: () => '' };
const same = (text: string) => {
  const fast = readBib(text, OPTIONS);
  const whole = readWhole(text, OPTIONS);
  expect(JSON.stringify(fast.entries)).toBe(JSON.stringify(whole.entries));
  // The twins are read for titles with math and for keywords only (a title without math is
  // taken decoded): other fields may stay decoded.
  const math = (s: string | undefined) => (s?.includes('$') ? s : '');
  const twin = (es: typeof fast.raw) => JSON.stringify(es.map((e) => [e.key, math(e.fields.title), math(e.fields.subtitle), e.fields.keywords]));
  expect(twin(fast.raw)).toBe(twin(whole.raw));
  expect(fast.errors).toEqual(whole.errors);
};

const EDGES = [
  `@Article { k1 ,\n  Title = " A  title\n   here " ,\n  doi = { 10.1/x  y },\n  author = {van der Berg, Jan and Jan van der Berg and Smith, Jr, John and Ng and de la Cruz and , X and Y, },\n  publisher = {Foo and Bar and },\n  keywords = {b; A, a , c},\n  year = 0042,\n  month = {JAN},\n  note = {x},\n}`,
  '@misc{k2, year = 2001 , author={and Smith}}\n@misc{k3, author = {and}, editor = {Smith and and Jones}, title = {T}}',
  '@misc{k4,\r\n  title = {Windows\r\n  lines},\r\n  author = {A, B, C, D},\r\n}',
  '% a comment line @misc{not, title={x}}\n@comment{jabref-meta: x;}\n@misc{k5, title = {{BERT}: a $x$ and \\"u}, keywords = {a$b$, c}, month = jan}\n@misc{k6, title = "q" # "r"}',
  '@misc{k7, title = {Plain}, author = {Li, W.}}\n@book{k8, title = {T}, location = {A and B}, url = {http://x.y/a_b?c=d&e}}\n@misc{k9, title = {Broken}\n@misc{k10, title = {After}}',
  '@misc{k11, title = {A}, title = {B}}\n@misc{k12, title = {x}, crossref = {k11}}',
  '@string{j = {Journal}}\n@article{k13, journal = j, title = {T}}',
  '@misc{k14, title = {Para\n\nbreak}, abstract = {One\n  \n two -- three}, note = {x}}',
  '@misc{k15, title = {T}, author = {given=Jan, family=Berg}}',
  '@misc{k16}\n@misc{, title = {no key}}\n@misc(k17, title = {parens})',
  '@misc{k18, title = {a { } b {X}{Y} -{}- {{Deep}} c}, year = {{2020}}, author = {{The Team} and Li, {W}}, doi = {{10.1/x}}, publisher = {{A and B}}}',
  '@misc{k19, title = {{Outer}}, booktitle = {In {\\em Proc.}}, note = {a\n  {b\n\n c}}}',
];

describe('readBib reads what the parser reads', () => {
  it('hand-made edge cases, one at a time and together', () => {
    for (const t of EDGES) same(t);
    same(EDGES.join('\n\n'));
  });
  it('the real-style and golden files', () => {
    for (const f of realFiles()) if (f.name.endsWith('.bib')) same(f.text);
    for (const name of readdirSync(FIXTURES + 'golden').filter((n) => n.endsWith('.bib'))) same(readFileSync(FIXTURES + 'golden/' + name, 'utf8'));
  });
  it('exports of the fixture and generated libraries, in every encoding', () => {
    const libs = [loadLibrary(), generatePapers(200, { seed: 7 })];
    for (const papers of libs)
      for (const encoding of ['utf8', 'latex'] as const)
        for (const flavour of ['bibtex', 'biblatex'] as const)
          same(exportBibtex(papers, { encoding, flavour, includeAbstract: true, includeNote: true }).text);
  }, 240_000);
  it('a big real-style bibliography', () => {
    same(
      bigBib(800)
        .map((e) => e.text)
        .join('\n'),
    );
  }, 240_000);
  it('imports the same papers as the parser alone', () => {
    const text =
      bigBib(400)
        .map((e) => e.text)
        .join('\n') + exportBibtex(loadLibrary()).text;
    const got = importBibtex(text);
    expect(got.papers.length).toBeGreaterThan(300);
    // The whole file through the parser: a @string no entry uses sends it there.
    expect(importBibtex('@string{unused = {x}}\n' + text)).toEqual(got);
  }, 240_000);
});
