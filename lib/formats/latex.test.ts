import { describe, expect, it } from 'vitest';
import { cleanField, encodeTitle, escapeBib, splitMath, verbatim } from './latex';

describe('escapeBib', () => {
  it('escapes every special character', () => {
    expect(escapeBib('# $ % & _ ~ ^ \\')).toBe('\\# \\$ \\% \\& \\_ \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  });
  it('escapes paired braces as \\{ \\} and lone ones by name (BibTeX counts escaped braces)', () => {
    expect(escapeBib('{a}')).toBe('\\{a\\}');
    expect(escapeBib('a } b {')).toBe('a \\textbraceright{} b \\textbraceleft{}');
  });
  it('keeps UTF-8 or converts to LaTeX with unicode2latex', () => {
    expect(escapeBib('Müller Łukasz')).toBe('Müller Łukasz');
    expect(escapeBib('Müller Łukasz Erdős', 'latex')).toBe('M{\\"u}ller {\\L}ukasz Erd{\\H o}s');
  });
  it('keeps non-Latin scripts and math-only symbols as UTF-8 in LaTeX mode', () => {
    expect(escapeBib('Колмогоров 深度 ≤', 'latex')).toBe('Колмогоров 深度 ≤');
  });
});

describe('encodeTitle', () => {
  it('protects acronyms and inner capitals, not whole titles', () => {
    expect(encodeTitle('BERT: Pre-training with GPT-4 on ImageNet', 'utf8')).toBe('{BERT}: Pre-training with {GPT}-4 on {ImageNet}');
  });
  it('leaves safe math intact and escapes unsafe math', () => {
    expect(encodeTitle('Sorting in $O(n \\log n)$ time', 'latex')).toBe('Sorting in $O(n \\log n)$ time');
    expect(encodeTitle('Bad $\\end{document}$', 'utf8')).toBe('Bad \\$\\textbackslash{}end\\{document\\}\\$');
    expect(encodeTitle('costs $5 and $x', 'utf8')).toBe('costs \\$5 and \\$x');
  });
  it('drops control characters and newlines', () => {
    expect(encodeTitle('a\u0001b\nc', 'utf8')).toBe('ab c');
  });
});

describe('helpers', () => {
  it('splitMath honours \\$ when reading LaTeX', () => {
    expect(splitMath('a \\$5 $x$', true)).toEqual([
      { math: false, text: 'a \\$5 ' },
      { math: true, text: '$x$' },
    ]);
  });
  it('verbatim fields cannot unbalance an entry', () => {
    expect(verbatim('https://x.org/a{b}c d')).toBe('https://x.org/a%7Bb%7Dc%20d');
  });
  it('cleanField collapses whitespace and removes lone surrogates', () => {
    expect(cleanField(' a\t\r\n b\uD800 ')).toBe('a b');
  });
});
