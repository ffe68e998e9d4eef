import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeLook, badgeLookNew } from './badge';

describe('badgeLook', () => {
  it('is grey and empty without papers', () => {
    expect(badgeLook([], new Set())).toMatchObject({ text: '', off: true });
  });
  it('is blue while some papers here are not saved', () => {
    const look = badgeLook(['a', 'b', 'a'], new Set(['a']));
    expect(look).toMatchObject({ text: '2', color: BADGE_COLORS.here, off: false });
    expect(look.title).toBe('Papershelf — 2 papers on this page, 1 saved');
  });
  it('turns green when every paper here is saved', () => {
    expect(badgeLook(['a', 'b'], new Set(['a', 'b']))).toMatchObject({
      text: '2',
      color: BADGE_COLORS.saved,
      title: 'Papershelf — 2 papers on this page, all saved',
    });
    expect(badgeLook(['a'], new Set(['a'])).title).toBe('Papershelf — 1 paper on this page, saved');
  });
  it('counts only the new papers when asked, among those still on the tab', () => {
    expect(badgeLookNew(['a', 'b', 'c'], new Set(), ['b', 'c', 'gone'])).toMatchObject({
      text: '2',
      off: false,
      title: 'Papershelf — 3 papers on this page, 0 saved; 2 new',
    });
    expect(badgeLookNew(['a'], new Set(), [])).toMatchObject({ text: '', off: false });
    expect(badgeLookNew([], new Set(), ['a'])).toMatchObject({ off: true });
  });
});
