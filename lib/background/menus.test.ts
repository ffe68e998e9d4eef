import { describe, expect, it } from 'vitest';
import { paperFromLink } from '../paper/fromLink';
import { paperOfPage } from './menus';

const a = paperFromLink('https://arxiv.org/abs/2401.00001')!;
const b = paperFromLink('https://arxiv.org/abs/2401.00002')!;

describe('paperOfPage', () => {
  it('takes the only paper detected', () => {
    expect(paperOfPage({ url: 'https://example.org/x', papers: [a, a], at: 0 })?.key).toBe(a.key);
  });
  it('takes the paper whose page this is among several', () => {
    expect(paperOfPage({ url: 'https://arxiv.org/abs/2401.00002#refs', papers: [a, b], at: 0 })?.key).toBe(b.key);
  });
  it('has no answer on a listing or a page without papers', () => {
    expect(paperOfPage({ url: 'https://arxiv.org/list/cs/new', papers: [a, b], at: 0 })).toBeUndefined();
    expect(paperOfPage(undefined)).toBeUndefined();
  });
});
