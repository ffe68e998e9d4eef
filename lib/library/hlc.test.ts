import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, isHlc, maxHlc, newDeviceId, parseHlc, receive, tick } from './hlc';
import { seededRandom } from '../../tests/helpers/random';

describe('hybrid logical clock', () => {
  it('round-trips its parts and sorts as strings in clock order', () => {
    const a = formatHlc({ wall: 1_700_000_000_000, counter: 3, device: 'aa' });
    expect(parseHlc(a)).toEqual({ wall: 1_700_000_000_000, counter: 3, device: 'aa' });
    const b = formatHlc({ wall: 1_700_000_000_000, counter: 10, device: 'aa' });
    const c = formatHlc({ wall: 1_700_000_000_001, counter: 0, device: 'aa' });
    expect([c, b, a].sort()).toEqual([a, b, c]);
    expect(compareHlc(a, b)).toBeLessThan(0);
    expect(isHlc(a)).toBe(true);
    expect(isHlc('nope')).toBe(false);
  });

  it('never goes backwards when the wall clock does', () => {
    const t1 = tick(undefined, 5000, 'd1');
    const t2 = tick(t1, 4000, 'd1');
    const t3 = tick(t2, 4000, 'd1');
    expect(t1 < t2 && t2 < t3).toBe(true);
    expect(parseHlc(t3)).toMatchObject({ wall: 5000, counter: 2 });
    expect(parseHlc(tick(t3, 6000, 'd1'))).toMatchObject({ wall: 6000, counter: 0 });
  });

  it('orders a change after one it heard of, even from a device whose clock is 10 minutes ahead', () => {
    const ahead = tick(undefined, 1_000_000 + 600_000, 'fast');
    const mine = receive(tick(undefined, 1_000_000, 'slow'), ahead, 1_000_000, 'slow');
    expect(mine > ahead).toBe(true);
    expect(tick(mine, 1_000_001, 'slow') > mine).toBe(true);
  });

  it('is monotonic under random interleavings of local and received clocks', () => {
    const rnd = seededRandom(7);
    let last: string | undefined;
    let now = 10_000;
    for (let i = 0; i < 5000; i++) {
      now += Math.floor(rnd() * 5) - 2;
      const nextClock =
        rnd() < 0.3
          ? receive(last, formatHlc({ wall: now + Math.floor(rnd() * 100) - 50, counter: Math.floor(rnd() * 3), device: 'x' }), now, 'me')
          : tick(last, now, 'me');
      if (last) expect(nextClock > last).toBe(true);
      last = nextClock;
    }
  });

  it('ignores a malformed remote clock', () => {
    const t = tick(undefined, 100, 'd');
    expect(receive(t, 'garbage', 50, 'd')).toBe(t);
    expect(maxHlc(undefined, t)).toBe(t);
    expect(maxHlc(t, undefined)).toBe(t);
  });

  it('makes 16-hex-character device ids', () => {
    const id = newDeviceId();
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(newDeviceId()).not.toBe(id);
  });
});
