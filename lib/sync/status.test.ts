import { describe, expect, it } from 'vitest';
import { shortReason } from './status';

describe('shortReason', () => {
  it('drops the operation and the file, keeping the reason', () => {
    const long = 'Writing devices/6ee4f4e08c2e0bbf/.tmp-b3xa0e2h-seg-00000002.json.gz: the server could not be reached (offline)';
    expect(shortReason(long)).toBe('The server could not be reached (offline)');
    expect(shortReason('Moving a/.tmp-x to a/seg-1.json.gz: the server is full (507)')).toBe('The server is full (507)');
  });

  it('keeps a message without an operation, and cuts a long one', () => {
    expect(shortReason('Wrong passphrase')).toBe('Wrong passphrase');
    const cut = shortReason(`Reading x: ${'a'.repeat(200)}`, 40);
    expect(cut).toHaveLength(40);
    expect(cut.endsWith('…')).toBe(true);
  });
});
