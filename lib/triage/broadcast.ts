// A dismissal made on one listing reaches the other open tabs showing that paper at once: the
// background tells their content scripts (tabs.sendMessage, frame 0), which re-dim in place.
import { browser } from 'wxt/browser';
import type { ToContent } from '../messaging/guards';
import { tabsShowing } from './tabs';

export async function broadcastDismissal(key: string, dismissed: boolean, exceptTab?: number): Promise<void> {
  const msg: ToContent = { type: 'dismissed', key, dismissed };
  const tabs = (await tabsShowing(key)).filter((id) => id !== exceptTab);
  // A tab that went away (or whose page has no content script any more) is no one's concern.
  await Promise.all(tabs.map((id) => browser.tabs.sendMessage(id, msg, { frameId: 0 }).catch(() => undefined)));
}
