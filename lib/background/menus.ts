// Context menu: "Save link to Papershelf" on links to paper pages, "Add selection to note" on
// pages where a paper was detected.
import { browser } from 'wxt/browser';
import type { PapershelfDB } from '../library/db';
import { findSaved } from '../library/db';
import { editNote } from '../library/commands';
import * as library from '../library/commands';
import { appendQuote } from '../markdown/quote';
import { normalizeUrl } from '../paper/identity';
import { LINK_PATTERNS, paperFromLink } from '../paper/fromLink';
import type { PaperMeta } from '../paper/schema';
import { getTabDetections, type TabDetections } from '../tabs/detections';
import { flashBadge } from './badge';

export const MENU_SAVE_LINK = 'save-link';
export const MENU_QUOTE = 'add-selection-to-note';

/** Menus persist across service-worker restarts: created once per install or update. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_SAVE_LINK, title: 'Save link to Papershelf', contexts: ['link'], targetUrlPatterns: LINK_PATTERNS });
  browser.contextMenus.create({
    id: MENU_QUOTE,
    title: 'Add selection to note',
    contexts: ['selection'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

/**
 * The paper a selection on this page belongs to: the only one detected, or the one whose page
 * this is (a listing with many papers has no single answer).
 */
export function paperOfPage(d: TabDetections | undefined): PaperMeta | undefined {
  const distinct = [...new Map((d?.papers ?? []).map((p) => [p.key, p])).values()];
  if (distinct.length === 1) return distinct[0];
  const here = d && normalizeUrl(d.url);
  return here ? distinct.find((p) => [p.absUrl, p.pdfUrl].some((u) => u && normalizeUrl(u) === here)) : undefined;
}

export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  selectionText?: string;
}

/** Runs a menu item; returns the key of the paper saved or annotated, if any. */
export async function onMenuClick(db: PapershelfDB, info: MenuClick, tabId?: number): Promise<string | undefined> {
  let key: string | undefined;
  if (info.menuItemId === MENU_SAVE_LINK && info.linkUrl) {
    const paper = paperFromLink(info.linkUrl);
    if (paper) key = (await library.save(db, [paper]))[0]?.key;
  } else if (info.menuItemId === MENU_QUOTE && info.selectionText && tabId !== undefined) {
    const paper = paperOfPage(await getTabDetections(tabId));
    if (paper) {
      const saved = (await findSaved(db, [paper.key])) ?? (await library.save(db, [paper]))[0];
      key = (await editNote(db, saved.key, (note) => appendQuote(note, info.selectionText!)))?.key;
    }
  } else return undefined;
  if (tabId !== undefined) await flashBadge(db, tabId, key ? '✓' : '?', Boolean(key));
  return key;
}
