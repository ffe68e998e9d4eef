import { describe, expect, it } from 'vitest';
import { ObserveWindow } from './window';

const win = (n: number, size = 4) => {
  const w = new ObserveWindow<number>((a, b) => a < b, size);
  for (let i = 0; i < n; i++) w.add(i);
  return w;
};

describe('the observed window', () => {
  it('watches a few entries on each side of the screen, not the whole listing', () => {
    const w = win(100);
    expect(w.place(50).observe.sort((a, b) => a - b)).toEqual([46, 47, 48, 49, 50, 51, 52, 53]);
    expect(w.watching.size).toBe(8);
  });

  it('a listing no longer than the window is watched whole', () => {
    const w = win(6);
    expect(w.place(3).observe).toHaveLength(6);
  });

  it('follows the entries on screen once they are a quarter window away, and only then', () => {
    const w = win(100);
    w.place(50);
    expect(w.follow([50])).toBeUndefined();
    const p = w.follow([60, 61])!;
    expect(p.observe.sort((a, b) => a - b)).toEqual([57, 58, 59, 60, 61, 62, 63, 64]);
    expect(p.unobserve.sort((a, b) => a - b)).toEqual([46, 47, 48, 49, 50, 51, 52, 53]);
    expect(w.follow([])).toBeUndefined();
  });

  it('keeps document order when an entry comes out of order, and forgets removed ones', () => {
    const w = new ObserveWindow<number>((a, b) => a < b, 2);
    for (const k of [10, 30, 20, 40, 5]) w.add(k);
    expect(w.entries).toEqual([5, 10, 20, 30, 40]);
    w.place(2);
    w.remove(20);
    expect(w.entries).toEqual([5, 10, 30, 40]);
    expect(w.watching.has(20)).toBe(false);
    expect(w.indexOf(30)).toBe(2);
  });
});
