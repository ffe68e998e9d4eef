// What triage knows about each tab (the keys new on it), in storage.session beside the tab's
// detections (lib/tabs/detections.ts): the badge and the popup's "N new" read it.
import { browser } from 'wxt/browser';
import { tabIdFromStorageKey, type TabDetections } from '../tabs/detections';

export interface TabTriage {
  /** Keys on the tab never seen before its page load (emptied by "Mark all seen"). */
  newKeys: string[];
  at: number;
}

export const tabTriageKey = (tabId: number) => `triage:${tabId}`;

export async function getTabTriage(tabId: number): Promise<TabTriage | undefined> {
  const k = tabTriageKey(tabId);
  return (await browser.storage.session.get(k))[k] as TabTriage | undefined;
}

export async function setTabTriage(tabId: number, value: TabTriage): Promise<void> {
  await browser.storage.session.set({ [tabTriageKey(tabId)]: value });
}

export async function clearTabTriage(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabTriageKey(tabId));
}

/** This device's id for dismissals (the sync change log's `device`), made once. */
export async function deviceId(): Promise<string> {
  const got = (await browser.storage.local.get('triage:device'))['triage:device'];
  if (typeof got === 'string' && got) return got;
  const id = crypto.randomUUID();
  await browser.storage.local.set({ 'triage:device': id });
  return id;
}

/** The tabs whose page shows a paper under `key` (from the detections their content scripts reported). */
export async function tabsShowing(key: string): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  const out: number[] = [];
  for (const [k, v] of Object.entries(all)) {
    const id = tabIdFromStorageKey(k);
    if (id !== undefined && (v as TabDetections | undefined)?.papers?.some((p) => p.key === key)) out.push(id);
  }
  return out;
}
