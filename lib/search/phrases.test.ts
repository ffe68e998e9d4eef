import { describe, expect, it } from 'vitest';
import { PhraseStore } from './phrases';

describe('phrase store', () => {
  it('gives back the term ids of each text, small and large', () => {
    const store = new PhraseStore();
    const texts = [[1, 127, 128, 16_383, 16_384], [], [2 ** 21, 2 ** 28 + 5, 3]];
    store.add(0, [[9]]);
    store.add(5000, texts);
    expect(store.texts(5000)).toEqual(texts);
    expect(store.texts(0)).toEqual([[9]]);
  });

  it('finds exact terms in a row then a term the last word accepts, never across two texts', () => {
    const store = new PhraseStore();
    store.add(0, [
      [1, 2, 3],
      [4, 5],
    ]);
    const is = (t: number) => (x: number) => x === t;
    expect(store.has(0, [1, 2], is(3))).toBe(true);
    expect(store.has(0, [2], is(3))).toBe(true);
    expect(store.has(0, [1], is(3))).toBe(false);
    expect(store.has(0, [3], is(4))).toBe(false);
    expect(store.has(0, [], is(5))).toBe(true);
    expect(store.has(0, [5], () => true)).toBe(false);
  });
});
