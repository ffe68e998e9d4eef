// Loads the triage chunk (entrypoints/triage.ts, built as /triage.js) on a listing: a dynamic
// import of a web-accessible file runs it in this content script's world. The controls are
// placed before it comes; their New marks and Dismiss buttons follow (issue 17: the marks must
// not delay the first controls).
import { browser } from 'wxt/browser';
import type { startKeyboardTriage } from '../inline/keyboard';
import type { InlineTriage } from '../inline/triage';

export const TRIAGE_CHUNK_KEY = '__papershelfTriage';

export interface TriageChunk {
  InlineTriage: typeof InlineTriage;
  startKeyboardTriage: typeof startKeyboardTriage;
}

export async function loadTriageChunk(): Promise<TriageChunk> {
  const g = globalThis as unknown as Record<string, TriageChunk | undefined>;
  if (!g[TRIAGE_CHUNK_KEY]) await import(/* @vite-ignore */ browser.runtime.getURL('/triage.js'));
  const chunk = g[TRIAGE_CHUNK_KEY];
  if (!chunk) throw new Error('triage.js did not load');
  return chunk;
}
