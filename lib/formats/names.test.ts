import { describe, expect, it } from 'vitest';
import { bibName, displayOf, parseName } from './names';

describe('names', () => {
  const cases: [string, string][] = [
    ['Ashish Vaswani', 'Vaswani, Ashish'],
    ['Jan van der Berg', 'van der Berg, Jan'],
    ['Ludwig van Beethoven', 'van Beethoven, Ludwig'],
    ['Martin Luther King Jr.', 'King, Jr., Martin Luther'],
    ['Aristotle', 'Aristotle'],
    ['Zofia Łukasiewicz', 'Łukasiewicz, Zofia'],
    ['The ATLAS Collaboration', '{The ATLAS Collaboration}'],
    ['Barnes and Noble', '{Barnes and Noble}'],
    ['Google, Inc.', '{Google, Inc.}'],
    ['Vaswani, Ashish', 'Vaswani, Ashish'],
  ];
  it.each(cases)('%s → %s', (display, bib) => expect(bibName(display, 'utf8')).toBe(bib));

  it('encodes names in LaTeX mode', () => {
    expect(bibName('Paul Erdős', 'latex')).toBe('Erd{\\H o}s, Paul');
  });
  it('round-trips the display form', () => {
    for (const d of ['Jan van der Berg', 'Martin Luther King Jr.', 'Aristotle', 'The Virgo Collaboration']) expect(displayOf(parseName(d))).toBe(d);
  });
});
