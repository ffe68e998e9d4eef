import { describe, expect, it } from 'vitest';
import { SeenTracker } from './threshold';

describe('seen threshold', () => {
  it('half on screen for a second: seen, and reported once', () => {
    const t = new SeenTracker<string>();
    t.update('a', 0.5, 0);
    expect(t.due(999)).toEqual([]);
    expect(t.due(1000)).toEqual(['a']);
    expect(t.due(5000)).toEqual([]);
    expect(t.isSeen('a')).toBe(true);
  });

  it('less than half is not enough, however long', () => {
    const t = new SeenTracker<string>();
    t.update('a', 0.49, 0);
    expect(t.due(60_000)).toEqual([]);
    expect(t.nextDue()).toBeUndefined();
  });

  it('scrolled past before a second: the clock starts again', () => {
    const t = new SeenTracker<string>();
    t.update('a', 1, 0);
    t.update('a', 0, 600);
    t.update('a', 1, 700);
    expect(t.due(1500)).toEqual([]);
    expect(t.nextDue()).toBe(1700);
    expect(t.due(1700)).toEqual(['a']);
  });

  it('a later entry does not reset an earlier one', () => {
    const t = new SeenTracker<number>();
    expect(t.update(1, 0.8, 0)).toBe(true);
    t.update(2, 0.8, 500);
    t.update(1, 0.9, 600); // a ratio change while still visible keeps its start
    expect(t.due(1000)).toEqual([1]);
    expect(t.due(1500)).toEqual([2]);
  });

  it('marked seen by hand: nothing left pending', () => {
    const t = new SeenTracker<string>();
    t.update('a', 1, 0);
    t.markSeen(['a', 'b']);
    expect(t.due(2000)).toEqual([]);
    expect(t.isSeen('b')).toBe(true);
  });
});
