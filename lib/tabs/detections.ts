// Papers detected per tab, kept in storage.session so they survive the service worker's stops.
import { browser } from 'wxt/browser';
import type { PaperMeta } from '../paper/schema';

export interface TabDetections {
  url: string;
  papers: PaperMeta[];
  at: number;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function getTabDetections(tabId: number): Promise<TabDetections | undefined> {
  const got = await browser.storage.session.get(keyOf(tabId));
  return got[keyOf(tabId)] as TabDetections | undefined;
}

export async function setTabDetections(tabId: number, value: TabDetections): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: value });
}

export async function clearTabDetections(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

export function tabIdFromStorageKey(key: string): number | undefined {
  const m = /^tab:(\d+)$/.exec(key);
  return m ? Number(m[1]) : undefined;
}
