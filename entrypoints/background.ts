import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '@/lib/background/handlers';
import { getDb } from '@/lib/db/database';
import { clearTabDetections } from '@/lib/tabs/detections';

export default defineBackground({
  type: 'module',
  main() {
    const db = getDb();
    const setBadge = async (tabId: number, text: string) => {
      const suffix = text ? '' : '-off';
      await Promise.all([
        browser.action.setBadgeText({ tabId, text }),
        browser.action.setBadgeBackgroundColor({ tabId, color: '#2457c5' }),
        browser.action.setIcon({ tabId, path: { 16: `/icon/16${suffix}.png`, 32: `/icon/32${suffix}.png` } }),
      ]);
    };

    browser.runtime.onMessage.addListener((raw, sender) =>
      handleMessage(raw, { extensionId: browser.runtime.id, senderId: sender.id, tabId: sender.tab?.id }, { db, setBadge }).catch(
        (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
      ),
    );

    // A new page in a tab starts with nothing detected until its content script reports.
    browser.tabs.onUpdated.addListener((tabId, info) => {
      if (info.status === 'loading' && info.url) {
        void clearTabDetections(tabId);
        void browser.action.setBadgeText({ tabId, text: '' });
      }
    });
    browser.tabs.onRemoved.addListener((tabId) => void clearTabDetections(tabId));
  },
});
