import { describe, expect, it } from 'vitest';
import { isToContent } from './guards';

describe('messages to content scripts', () => {
  it('accepts the commands and a well-formed dismissal, nothing else', () => {
    expect(isToContent({ type: 'rescan' })).toBe(true);
    expect(isToContent({ type: 'dismissed', key: 'arxiv:2401.00001', dismissed: true })).toBe(true);
    expect(isToContent({ type: 'dismissed', key: 'arxiv:2401.00001' })).toBe(false);
    expect(isToContent({ type: 'dismissed', key: '', dismissed: false })).toBe(false);
    expect(isToContent({ type: 'dismissed', key: 'x'.repeat(3000), dismissed: false })).toBe(false);
    expect(isToContent({ type: 'dismissed', key: 'k', dismissed: 'yes' })).toBe(false);
    expect(isToContent({ type: 'rescan', extra: 1 })).toBe(false);
  });
});
