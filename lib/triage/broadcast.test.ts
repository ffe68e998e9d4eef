import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../paper/make';
import { setTabDetections } from '../tabs/detections';
import { broadcastDismissal, broadcastSyncedDismissals } from './broadcast';

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

describe('dismissals synced from another device', () => {
  it('are told under the key and every alias they carry, each once', async () => {
    const sent: [string, boolean][] = [];
    await broadcastSyncedDismissals(
      [
        { key: 'arxiv:2401.00002', aliases: ['doi:10.1000/two', 'arxiv:2401.00002'], dismissed: true },
        { key: 'arxiv:2401.00003', aliases: [], dismissed: false },
      ],
      async (k, d) => void sent.push([k, d]),
    );
    expect(sent).toEqual([
      ['arxiv:2401.00002', true],
      ['doi:10.1000/two', true],
      ['arxiv:2401.00003', false],
    ]);
  });
});
