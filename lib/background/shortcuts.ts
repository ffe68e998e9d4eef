// Keyboard shortcuts (manifest `commands`; users change the keys at chrome://extensions/shortcuts).
// `_execute_action` opens the popup by itself; "save-page" is handled here.
import { browser } from 'wxt/browser';
import type { PapershelfDB } from '../library/db';
import type { ToContent } from '../messaging/guards';
import { flashBadge } from './badge';

export const SAVE_PAGE_COMMAND = 'save-page';
export const HIGHLIGHT_COMMAND = 'highlight-selection';

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/**
 * Asks the tab's content script to save every paper it found, and shows how many on the badge
 * ("✓3"; "0" when the page has none or no content script runs there). Returns the count.
 */
export async function savePage(db: PapershelfDB, tabId: number): Promise<number> {
  const msg: ToContent = { type: 'savePage' };
  let count = 0;
  try {
    // The top frame only: it is the one whose papers the badge counts.
    const reply = await browser.tabs.sendMessage<typeof msg, { count?: unknown } | undefined>(tabId, msg, { frameId: 0 });
    count = typeof reply?.count === 'number' ? reply.count : 0;
  } catch {
    count = 0; // no content script (browser page, nothing detected) or nothing valid to save
  }
  await flashBadge(db, tabId, count ? `✓${count}` : '0', count > 0);
  return count;
}

export async function onCommand(db: PapershelfDB, command: string, tabId?: number): Promise<number | undefined> {
  if (command === HIGHLIGHT_COMMAND) {
    // The page's content script highlights its selection (a browser shortcut: a trusted act).
    const id = tabId ?? (await activeTabId());
    if (id === undefined) return undefined;
    const msg: ToContent = { type: 'highlight' };
    const reply = (await browser.tabs.sendMessage(id, msg, { frameId: 0 }).catch(() => undefined)) as { count?: unknown } | undefined;
    return typeof reply?.count === 'number' ? reply.count : 0;
  }
  if (command !== SAVE_PAGE_COMMAND) return undefined;
  const id = tabId ?? (await activeTabId());
  return id === undefined ? undefined : savePage(db, id);
}
