// Library change signal. Writers bump a record in storage.local; content scripts listen to
// storage.onChanged, which fires even while the background service worker sleeps.
import { browser } from 'wxt/browser';

export const CHANGE_KEY = 'library:changed';

export interface LibraryChange {
  at: number;
  /** Keys affected; empty means "anything may have changed". */
  keys: string[];
}

export async function announceChange(keys: string[]): Promise<void> {
  const change: LibraryChange = { at: Date.now() + Math.random(), keys: keys.length > 500 ? [] : keys };
  await browser.storage.local.set({ [CHANGE_KEY]: change });
}
