// A dismissal made on one listing reaches the other open tabs showing that paper at once: the
// background tells their content scripts (tabs.sendMessage, frame 0), which re-dim in place.
import { browser } from 'wxt/browser';
import type { ToContent } from '../messaging/guards';
import { onRemoteDismissals } from '../library/remote';
import { tabsShowing } from './tabs';

export async function broadcastDismissal(key: string, dismissed: boolean, exceptTab?: number): Promise<void> {
  const msg: ToContent = { type: 'dismissed', key, dismissed };
  const tabs = (await tabsShowing(key)).filter((id) => id !== exceptTab);
  // A tab that went away (or whose page has no content script any more) is no one's concern.
  await Promise.all(tabs.map((id) => browser.tabs.sendMessage(id, msg, { frameId: 0 }).catch(() => undefined)));
}

/**
 * Dismissals another device made or undid, as sync wrote them here: every open tab showing the
 * key or one of the aliases the dismissal carries re-dims (or un-dims) at once.
 */
export async function broadcastSyncedDismissals(
  changes: { key: string; aliases: string[]; dismissed: boolean }[],
  send: (key: string, dismissed: boolean) => Promise<void> = broadcastDismissal,
): Promise<void> {
  for (const c of changes) for (const k of new Set([c.key, ...c.aliases])) await send(k, c.dismissed);
}

/**
 * Relays the dismissals sync writes in this context to the open tabs: the background syncs on
 * its alarm, the options page on "Sync now" (each runs the merge in its own context). Returns
 * the function that stops it.
 */
export function relaySyncedDismissals(): () => void {
  return onRemoteDismissals((changes) => {
    broadcastSyncedDismissals(changes).catch((e: unknown) => console.warn('Papershelf: could not re-dim the open tabs', e));
  });
}
