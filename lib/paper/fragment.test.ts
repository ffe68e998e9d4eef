import { describe, expect, it } from 'vitest';
import { textFragmentUrl } from './fragment';

describe('textFragmentUrl', () => {
  it('links a short passage whole, escaping the fragment syntax', () => {
    expect(textFragmentUrl('https://arxiv.org/html/2401.01234v1#S1', 'top-k blocks, kept & masked')).toBe(
      'https://arxiv.org/html/2401.01234v1#:~:text=top%2Dk%20blocks%2C%20kept%20%26%20masked',
    );
  });
  it('names a long passage by its first and last words', () => {
    const q = 'one two three four five six seven eight nine ten eleven twelve';
    expect(textFragmentUrl('https://x.org/p', q)).toBe(
      'https://x.org/p#:~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve',
    );
  });
});
