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

/**
 * The same signal, sent without waiting for it: a command replies once its write has committed,
 * not after the storage round trip of the signal (which only tells other tabs to look again).
 */
export function announceSoon(keys: string[]): void {
  announceChange(keys).catch((e: unknown) => console.warn('Papershelf: could not tell other tabs about a change', e));
}
