import { describe, expect, it } from 'vitest';
import { appendQuote } from './quote';

describe('appendQuote', () => {
  it('starts an empty note with the quote', () => {
    expect(appendQuote('', '  We scale routing.  ')).toBe('> We scale routing.\n');
  });
  it('appends after a blank line and quotes every line', () => {
    expect(appendQuote('My note.\n', 'line one\r\nline two\n\n\n\nline three')).toBe('My note.\n\n> line one\n> line two\n>\n> line three\n');
  });
  it('leaves the note alone for a blank selection', () => {
    expect(appendQuote('x', ' \n ')).toBe('x');
  });
});
