// Reads the mirror of a paper's highlights (lib/paper/highlightMirror.ts) from storage.local: a
// content script's storage read is answered by the browser process, without waking or waiting
// for the background's service worker and its IndexedDB reads. Read only: the library writes it.
import { browser } from 'wxt/browser';
import type { Highlight } from '../paper/highlight';
import { mirrorKey, parseMirror } from '../paper/highlightMirror';

/** The mirrored highlights of `key`, or undefined when there is no mirror (ask the background). */
export async function readMirror(key: string): Promise<Highlight[] | undefined> {
  try {
    const k = mirrorKey(key);
    return parseMirror((await browser.storage.local.get(k))[k]);
  } catch {
    return undefined;
  }
}
