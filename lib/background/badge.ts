// The toolbar button's look per tab: blue count = papers here, green = all of them saved,
// grey icon = nothing found. Recomputed from the tab's stored detections whenever they or the
// library change, so every way of saving (inline, popup, menu, shortcut) updates it.
import { browser } from 'wxt/browser';
import type { PapershelfDB } from '../library/db';
import { savedAmong } from '../library/db';
import { getTabDetections, tabIdFromStorageKey, type TabDetections } from '../tabs/detections';
import { loadSettings } from '../settings/store';
import { getTabTriage } from '../triage/tabs';

export const BADGE_COLORS = { here: '#2457c5', saved: '#17703f', info: '#5d6a80' } as const;
const SIZES = [16, 19, 32, 38, 48] as const;

export interface BadgeLook {
  text: string;
  color: string;
  /** Grey icon when nothing was found on the tab. */
  off: boolean;
  title: string;
}

export function badgeLook(keys: string[], saved: Set<string>): BadgeLook {
  const distinct = [...new Set(keys)];
  const n = distinct.length;
  if (!n) return { text: '', color: BADGE_COLORS.here, off: true, title: 'Papershelf' };
  const nSaved = distinct.filter((k) => saved.has(k)).length;
  const all = nSaved === n;
  const papers = `${n} ${n === 1 ? 'paper' : 'papers'} on this page`;
  return {
    text: String(n),
    color: all ? BADGE_COLORS.saved : BADGE_COLORS.here,
    off: false,
    title: `Papershelf — ${papers}, ${all ? (n === 1 ? 'saved' : 'all saved') : `${nSaved} saved`}`,
  };
}

/** The badge counting only the papers never seen before (setting badgeCount: 'new'). */
export function badgeLookNew(keys: string[], saved: Set<string>, newKeys: string[]): BadgeLook {
  const look = badgeLook(keys, saved);
  if (look.off) return look;
  const here = new Set(keys);
  const n = new Set(newKeys.filter((k) => here.has(k))).size;
  return { ...look, text: n ? String(n) : '', title: `${look.title}; ${n ? `${n} new` : 'none new'}` };
}

export async function showBadge(tabId: number, look: Pick<BadgeLook, 'text' | 'color'> & Partial<BadgeLook>): Promise<void> {
  const jobs: Promise<unknown>[] = [
    browser.action.setBadgeText({ tabId, text: look.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
  ];
  // White on both colours (Chrome would pick black on the green otherwise); Firefox MV2 lacks it.
  if (browser.action.setBadgeTextColor) jobs.push(browser.action.setBadgeTextColor({ tabId, color: '#ffffff' }));
  if (look.title !== undefined) jobs.push(browser.action.setTitle({ tabId, title: look.title }));
  if (look.off !== undefined) {
    const suffix = look.off ? '-off' : '';
    jobs.push(browser.action.setIcon({ tabId, path: Object.fromEntries(SIZES.map((s) => [s, `/icon/${s}${suffix}.png`])) }));
  }
  // A tab closed meanwhile rejects: nothing to show it on.
  await Promise.allSettled(jobs);
}

/** Tabs showing a flash, until when: the refresh that a save triggers must not cut it short. */
const flashing = new Map<number, number>();

export async function refreshBadge(db: PapershelfDB, tabId: number, known?: TabDetections): Promise<void> {
  const d = known ?? (await getTabDetections(tabId));
  const keys = d?.papers.map((p) => p.key) ?? [];
  const saved = await savedAmong(db, keys);
  const triage = (await loadSettings()).badgeCount === 'new' ? await getTabTriage(tabId) : undefined;
  const look = triage ? badgeLookNew(keys, saved, triage.newKeys) : badgeLook(keys, saved);
  if ((flashing.get(tabId) ?? 0) > Date.now()) return; // the flash's own timer refreshes after it
  await showBadge(tabId, look);
}

/** After a library change: refreshes the tabs showing any of `keys` (every tab when empty). */
export async function refreshBadges(db: PapershelfDB, keys: string[]): Promise<void> {
  const all = await browser.storage.session.get<Record<string, TabDetections | undefined>>(null);
  const changed = new Set(keys);
  const jobs: Promise<void>[] = [];
  for (const [k, d] of Object.entries(all)) {
    const tabId = tabIdFromStorageKey(k);
    if (tabId === undefined || !d?.papers) continue;
    if (changed.size && !d.papers.some((p) => changed.has(p.key))) continue;
    jobs.push(refreshBadge(db, tabId, d));
  }
  await Promise.all(jobs);
}

/** Shows `text` for a moment (the result of a shortcut or menu action), then the usual badge. */
export async function flashBadge(db: PapershelfDB, tabId: number, text: string, ok: boolean, ms = 1800): Promise<void> {
  flashing.set(tabId, Date.now() + ms);
  await showBadge(tabId, { text, color: ok ? BADGE_COLORS.saved : BADGE_COLORS.info });
  setTimeout(() => {
    flashing.delete(tabId);
    void refreshBadge(db, tabId);
  }, ms);
}
