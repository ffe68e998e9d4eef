// What the background does with each message. Entry wiring lives in entrypoints/background.ts.
import type { PapershelfDB } from '../library/db';
import { findSaved, savedAmong } from '../library/db';
import * as library from '../library/commands';
import { toBackground, validPapers, type Replies, type ToBackground, type ErrorReply } from '../messaging/protocol';
import { setTabDetections } from '../tabs/detections';
import { handleHighlightMessage } from './highlights';
import { MENU_QUOTE, onMenuClick } from './menus';
import { handleTriage, type TriageEnv } from '../triage/handle';

export interface Sender {
  /** Our own extension's id, and the sender's (messages from elsewhere are refused). */
  extensionId: string;
  senderId?: string;
  tabId?: number;
  /** Sent by one of the extension's own pages (popup, options), even when shown in a tab. */
  extensionPage?: boolean;
}

export interface BackgroundEnv {
  db: PapershelfDB;
  /** Recomputes the tab's badge from its stored detections and the library (production: refreshBadge). */
  setBadge(tabId: number): Promise<void>;
  /** Daily triage's seen ledger and what it needs (lib/triage/handle.ts). */
  triage?: Omit<TriageEnv, 'db'>;
}

export async function handleMessage(raw: unknown, sender: Sender, env: BackgroundEnv): Promise<Replies[ToBackground['type']] | ErrorReply> {
  if (sender.senderId !== sender.extensionId) return { error: 'Unknown sender' };
  const parsed = toBackground.safeParse(raw);
  if (!parsed.success) return { error: 'Malformed message' };
  const msg = parsed.data;
  const { db } = env;
  switch (msg.type) {
    case 'detected': {
      if (sender.tabId === undefined) return { error: 'detected: not from a tab' };
      const { papers } = validPapers(msg.papers);
      await setTabDetections(sender.tabId, { url: msg.url, papers, at: Date.now() });
      await env.setBadge(sender.tabId);
      const saved = await savedAmong(
        db,
        papers.map((p) => p.key),
      );
      return { saved: [...saved] };
    }
    case 'save': {
      const { papers } = validPapers(msg.papers);
      if (!papers.length) return { error: 'Nothing valid to save' };
      const saved = await library.save(db, papers);
      return { saved: [...new Set(papers.map((p) => p.key))].filter((k) => saved.some((s) => s.key === k || s.aliases.includes(k))) };
    }
    case 'remove': {
      const kept: string[] = [];
      let keys = msg.keys;
      if (msg.ifBare) {
        keys = [];
        for (const k of msg.keys) {
          const p = await findSaved(db, [k]);
          if (p && (p.note.trim() || p.tags.length)) kept.push(k);
          else keys.push(k);
        }
      }
      const removed = await library.remove(db, keys);
      return { removed: removed.map((p) => p.key), kept };
    }
    case 'savedAmong':
      return { saved: [...(await savedAmong(db, msg.keys))] };
    case 'highlightsOf':
    case 'highlightAdd':
      return handleHighlightMessage(db, msg, sender.tabId);
    case 'quoteToNote':
      // The toolbar's "Add to note": the context menu's own path, for this tab's paper.
      if (sender.tabId === undefined) return { error: 'quoteToNote: not from a tab' };
      return { key: await onMenuClick(db, { menuItemId: MENU_QUOTE, selectionText: msg.text }, sender.tabId) };
    default:
      if (!env.triage) return { error: `${msg.type}: triage is not available` };
      return handleTriage(msg, sender, { ...env.triage, db });
  }
}
