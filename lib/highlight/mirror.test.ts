// @vitest-environment node
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../paper/highlight';
import { mirrorKey } from '../paper/highlightMirror';
import { readMirror } from './mirror';

const h: Highlight = {
  id: 'aaaaaaaa1',
  key: 'arxiv:2401.01234',
  selectors: { quote: { type: 'TextQuoteSelector', exact: 'a passage' } },
  color: 'yellow',
  url: 'https://arxiv.org/abs/2401.01234',
  createdAt: 1,
  updatedAt: 1,
};

beforeEach(() => fakeBrowser.reset());

describe('readMirror', () => {
  it('reads the list stored under the paper key; undefined when there is none or it is not a list', async () => {
    expect(await readMirror('arxiv:2401.01234')).toBeUndefined();
    await fakeBrowser.storage.local.set({ [mirrorKey('arxiv:2401.01234')]: [h], [mirrorKey('arxiv:2401.99999')]: { not: 'a list' } });
    expect(await readMirror('arxiv:2401.01234')).toEqual([h]);
    expect(await readMirror('arxiv:2401.99999')).toBeUndefined();
  });
});
