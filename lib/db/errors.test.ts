import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CLOSED_MESSAGE, describeDbError, QUOTA_MESSAGE } from './errors';

describe('database errors for people', () => {
  it('a full disk, however Dexie wraps it, suggests exporting a JSON backup', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    for (const e of [
      quota,
      new Dexie.QuotaExceededError('full'),
      new Dexie.AbortError('Transaction aborted', quota),
      { name: 'AbortError', inner: { name: 'QuotaExceededError' } },
    ]) {
      expect(describeDbError(e)).toBe(QUOTA_MESSAGE);
    }
    expect(QUOTA_MESSAGE).toMatch(/JSON backup/);
  });

  it('a closed database asks to reopen the page; anything else keeps its message', () => {
    expect(describeDbError(new Dexie.DatabaseClosedError('closed'))).toBe(CLOSED_MESSAGE);
    expect(describeDbError(new Error('boom'))).toBe('boom');
    expect(describeDbError('text')).toBe('text');
    expect(describeDbError(null)).toBe('null');
  });
});
