// The sync status line: what a round's outcome reads as.
import { describe, expect, it } from 'vitest';
import type { SyncOutcome } from './engine';
import { skewNote, summary } from './service';

const outcome = (extra: Partial<SyncOutcome> = {}): SyncOutcome => ({
  at: Date.UTC(2026, 0, 2, 10, 0, 0),
  uploaded: 1,
  downloaded: 0,
  applied: 0,
  conflicts: 0,
  problems: [],
  bytesSent: 100,
  bytesReceived: 100,
  ...extra,
});

describe('the sync summary', () => {
  it('says Synced, and nothing about the clock when it agrees with the server within 5 minutes', () => {
    const text = summary(outcome({ clockSkewMs: 4 * 60_000 }));
    expect(text).toMatch(/^Synced at .* · 1 change sent, 0 received$/);
    expect(summary(outcome())).not.toContain('clock');
  });

  it("warns gently when this device's clock is 10 minutes off the server's Date, either way", () => {
    expect(summary(outcome({ clockSkewMs: 10 * 60_000 }))).toMatch(
      /^Synced at .* · this device's clock is 10 minutes behind the server's: check its date and time/,
    );
    expect(skewNote(-10 * 60_000 - 20_000)).toMatch(/^this device's clock is 10 minutes ahead of the server's/);
    expect(skewNote(-5 * 60_000)).toBeUndefined();
    expect(skewNote(undefined)).toBeUndefined();
  });
});
