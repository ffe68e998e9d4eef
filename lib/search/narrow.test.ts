import { describe, expect, it } from 'vitest';
import { narrows } from './narrow';
import { parseQuery } from './query';

const f = (q: string) => parseQuery(q).filters;
const narrow = (a: string, b: string) => narrows(f(a), f(b));

describe('a query narrowing the one before', () => {
  it('is one adding filters, or making one stricter', () => {
    expect(narrow('', 'tag:ml')).toBe(true);
    expect(narrow('tag:ml', 'tag:ml status:read')).toBe(true);
    expect(narrow('author:h', 'author:hint')).toBe(true);
    expect(narrow('author:"ann s"', 'author:"anna smith"')).toBe(true);
    expect(narrow('year:>2', 'year:>2018')).toBe(true);
  });

  it('is not one widening, changing or dropping a filter', () => {
    expect(narrow('tag:m', 'tag:ml')).toBe(false);
    expect(narrow('tag:ml', '')).toBe(false);
    expect(narrow('author:hint', 'author:hin')).toBe(false);
    expect(narrow('author:h', 'author:"h x"')).toBe(false);
    expect(narrow('year:>2018', 'year:>2010')).toBe(false);
    expect(narrow('-author:h', '-author:hint')).toBe(false);
    expect(narrow('-tag:ml', '-tag:ml tag:x')).toBe(true);
    expect(narrow('status:read', 'status:unread')).toBe(false);
  });
});
