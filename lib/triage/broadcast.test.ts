import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../paper/make';
import { setTabDetections } from '../tabs/detections';
import { broadcastDismissal } from './broadcast';

const paper = (id: string) => makePaper({ ids: { arxiv: id }, title: `Paper ${id}`, source: 'test' })!;

beforeEach(() => fakeBrowser.reset());

describe('a dismissal told to the other tabs', () => {
  it('reaches every other tab showing the paper, and only those', async () => {
    await setTabDetections(1, { url: 'https://arxiv.org/list/cs.LG/new', papers: [paper('2401.00001'), paper('2401.00002')], at: 1 });
    await setTabDetections(2, { url: 'https://huggingface.co/papers', papers: [paper('2401.00002')], at: 1 });
    await setTabDetections(3, { url: 'https://example.org/', papers: [paper('2401.00003')], at: 1 });
    await browser.storage.session.set({ 'triage:2': { newKeys: [], at: 1 } });
    const sent = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await broadcastDismissal('arxiv:2401.00002', true, 1);
    expect(sent.mock.calls).toEqual([[2, { type: 'dismissed', key: 'arxiv:2401.00002', dismissed: true }, { frameId: 0 }]]);
    sent.mockClear();
    // A tab that is gone does not stop the others.
    sent.mockRejectedValueOnce(new Error('No tab with id 1'));
    await broadcastDismissal('arxiv:2401.00002', false);
    expect(sent.mock.calls.map((c) => c[0]).sort()).toEqual([1, 2]);
  });
});
