import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tests/helpers/random';
import { cleanText, textOf } from './text';

// What cleanText did before its fast path: the reference its answers are checked against.
const reference = (raw: string) =>
  raw
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('cleanText', () => {
  it('collapses whitespace, drops control characters, keeps Unicode', () => {
    expect(cleanText('  Attention\n\t is  all\u00a0you\u200bneed\u0007 ')).toBe('Attention is all you\u200bneed');
    expect(cleanText('Ünïcödé — “quotes” 𝔼')).toBe('Ünïcödé — “quotes” 𝔼');
    expect(cleanText(undefined)).toBe('');
    expect(cleanText('   ')).toBe('');
  });

  it('returns a clean string itself, and answers as the full cleaning does on 20,000 odd strings', () => {
    const clean = 'Graph Neural Networks: a Survey (2024)';
    expect(cleanText(clean)).toBe(clean);
    // Characters that matter to either path: spaces of every kind, line breaks, C0/C1 controls,
    // characters next to them that are not whitespace (U+0085 is a control, not \s; U+200B neither).
    const alphabet = [
      'a',
      'Z',
      'é',
      ' ',
      ' ',
      ' ',
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '\u00a0',
      '\u1680',
      '\u2003',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u3000',
      '\ufeff',
      '\u0000',
      '\u0007',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u009f',
      '\u200b',
      '-',
    ];
    const rnd = seededRandom(7);
    const rand = (n: number) => Math.floor(rnd() * n);
    const wrong: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      for (let n = rand(12); n >= 0; n--) s += alphabet[rand(alphabet.length)];
      if (cleanText(s) !== reference(s)) wrong.push(JSON.stringify(s));
    }
    expect(wrong).toEqual([]);
  });

  it('textOf reads an element’s text, never its markup', () => {
    const el = { textContent: '\n   <b>Title</b>\n   of a paper  ' } as unknown as Element;
    expect(textOf(el)).toBe('<b>Title</b> of a paper');
    expect(textOf(null)).toBe('');
  });
});
