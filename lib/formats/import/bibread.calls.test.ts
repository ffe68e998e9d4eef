// The fast reader leaves plain entries to itself and batches the rest: the parser runs once for
// all fields with TeX (whatever their number), never for a file without any.
import { parse as realParse } from '@retorquere/bibtex-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { readBib, type Parse, type ParserOptions } from './bibread';

let calls = 0;
const parse: Parse = (text, options) => {
  calls++;
  return realParse(text, options);
};

const OPTIONS: ParserOptions = { english: false, sentenceCase: false, caseProtection: false, unsupported: () => '' };
const entry = (i: number, title: string) =>
  `@article{k${i},\n  title = {${title}},\n  author = {Müller, Jan and Ng, W.},\n  year = {2020},\n  keywords = {b, a}\n}\n`;

describe('readBib calls the parser', () => {
  beforeEach(() => (calls = 0));
  it('not at all for plain entries', () => {
    const got = readBib(Array.from({ length: 50 }, (_, i) => entry(i, `Plain title ${i}`)).join('\n'), OPTIONS, parse);
    expect(got.entries).toHaveLength(50);
    expect(got.entries[3].fields).toEqual({
      title: 'Plain title 3',
      author: [
        { lastName: 'Müller', firstName: 'Jan' },
        { lastName: 'Ng', firstName: 'W.' },
      ],
      year: '2020',
      keywords: ['a', 'b'],
    });
    expect(calls).toBe(0);
  });
  it('once for every field with TeX in the file', () => {
    const got = readBib(Array.from({ length: 50 }, (_, i) => entry(i, i % 5 ? `Plain ${i}` : `{BERT} and \\"u ${i}`)).join('\n'), OPTIONS, parse);
    expect(got.entries[5].fields.title?.normalize('NFC')).toBe('BERT and ü 5');
    expect(got.entries[6].fields.title).toBe('Plain 6');
    expect(calls).toBe(1);
  });
});
