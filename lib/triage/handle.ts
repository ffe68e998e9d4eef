// The background's side of triage: every triage message, after the protocol has validated it.
// Dismissals are the library's (lib/library/dismissals.ts: written through its one writer, so
// that sync carries them); the seen ledger is this browser's own.
import { savedAmong, type PapershelfDB } from '../library/db';
import * as library from '../library/commands';
import { dismiss, dismissedAmong, undismiss, undismissAll } from '../library/dismissals';
import { validPapers, type Sighting, type ToBackground } from '../messaging/protocol';
import type { ErrorReply, Replies } from '../messaging/replies';
import { allKeys } from '../paper/identity';
import { getTabDetections } from '../tabs/detections';
import { whereOf, type SeenEvent } from './ledger';
import { migrateDismissals } from './migrate';
import { clearLedger, lookup, recentSeen, recordSightings, type SeenDB } from './store';
import { getTabTriage, setTabTriage } from './tabs';

export type TriageMessage = Extract<ToBackground, { type: 'seen' | 'seenLookup' | 'dismiss' | 'markSeen' | 'seenRecent' | 'clearSeen' | 'annotate' }>;

export interface TriageEnv {
  db: PapershelfDB;
  seen: SeenDB;
  /** The seenLedger setting, read when a message needs it. */
  ledgerOn(): Promise<boolean>;
  device(): Promise<string>;
  refreshBadge(tabId: number): Promise<void>;
  /** A dismissal or its undo, told to the other tabs showing the paper (their listings re-dim at once). */
  broadcastDismissal?(key: string, dismissed: boolean, exceptTab?: number): Promise<void>;
  now?: () => number;
}

const DAY = 86_400_000;

const events = (url: string, list: Sighting[], at: number): SeenEvent[] => list.map((s) => ({ ...s, at, where: whereOf(url) }));

/** The other keys of the entry dismissed: as its tab detected it, or as the ledger saw it. */
async function aliasesOf(env: TriageEnv, key: string, tabId?: number): Promise<string[]> {
  const onTab = tabId === undefined ? undefined : (await getTabDetections(tabId))?.papers.find((p) => p.key === key);
  if (onTab) return allKeys(onTab.ids).filter((k) => k !== key);
  return (await env.seen.seen.get(key))?.aliases ?? [];
}

export async function handleTriage(
  msg: TriageMessage,
  from: { tabId?: number; extensionPage?: boolean },
  env: TriageEnv,
): Promise<Replies[TriageMessage['type']] | ErrorReply> {
  const now = (env.now ?? Date.now)();
  const { tabId } = from;
  // History is read and changed by the extension's pages only, never by a page's content script.
  const pageOnly = (what: string) => ({ error: `${what}: extension pages only` });
  switch (msg.type) {
    case 'seen': {
      if (tabId === undefined) return { error: 'seen: not from a tab' };
      if (!(await env.ledgerOn())) return { recorded: 0 };
      return { recorded: await recordSightings(env.seen, events(msg.url, msg.entries, now)) };
    }
    case 'seenLookup': {
      const on = await env.ledgerOn();
      await migrateDismissals(env.seen, env.db);
      const [found, saved, dismissed] = await Promise.all([
        lookup(env.seen, msg.keys),
        savedAmong(env.db, msg.keys),
        dismissedAmong(env.db, msg.keys),
      ]);
      // A saved paper is not news, whatever the ledger says; nor, with the ledger off, is anything.
      const seen = on ? [...new Set([...found.seen, ...saved])] : [];
      // A listing's tab keeps its new keys for the badge and the popup (an extension page's tab
      // has none). The reply does not wait for the badge: the page's marks come first.
      if (tabId !== undefined && !from.extensionPage) {
        const before = new Set(seen);
        await setTabTriage(tabId, { newKeys: on ? [...new Set(msg.keys.filter((k) => !before.has(k)))] : [], at: now });
        env.refreshBadge(tabId).catch(() => {});
      }
      return { ledger: on, seen, dismissed };
    }
    case 'dismiss': {
      await migrateDismissals(env.seen, env.db);
      let keys: string[];
      if (msg.undo) keys = await undismiss(env.db, msg.key);
      else {
        const d = await dismiss(env.db, { key: msg.key, aliases: await aliasesOf(env, msg.key, tabId), device: await env.device(), at: now });
        keys = [d.key, ...d.aliases];
      }
      // The tabs showing it under any of its keys re-dim (each listing knows it by its own key).
      for (const k of new Set([msg.key, ...keys])) await env.broadcastDismissal?.(k, !msg.undo, tabId);
      return { dismissed: !msg.undo };
    }
    case 'markSeen': {
      if (!from.extensionPage) return pageOnly('markSeen');
      const recorded = (await env.ledgerOn()) ? await recordSightings(env.seen, events(msg.url, msg.entries, now)) : 0;
      const t = await getTabTriage(msg.tabId);
      if (t) {
        await setTabTriage(msg.tabId, { ...t, newKeys: [] });
        await env.refreshBadge(msg.tabId);
      }
      return { recorded };
    }
    case 'seenRecent': {
      if (!from.extensionPage) return pageOnly('seenRecent');
      return { records: await recentSeen(env.seen, now - msg.days * DAY, msg.limit) };
    }
    case 'clearSeen': {
      if (!from.extensionPage) return pageOnly('clearSeen');
      // As before dismissals moved to the library: clearing history undoes them too (on every
      // synced device, since each undo is logged).
      await migrateDismissals(env.seen, env.db);
      await clearLedger(env.seen);
      await undismissAll(env.db);
      return { cleared: true };
    }
    case 'annotate': {
      const { papers } = validPapers(msg.papers);
      if (!papers.length) return { error: 'Nothing valid to annotate' };
      const [saved] = await library.save(env.db, papers);
      if (!saved) return { error: 'Could not save' };
      const tags = msg.tags?.length ? [...new Set([...saved.tags, ...msg.tags.map((t) => t.trim()).filter(Boolean)])] : undefined;
      const note = msg.note?.trim() ? (saved.note.trim() ? `${saved.note.trimEnd()}\n\n${msg.note.trim()}` : msg.note.trim()) : undefined;
      if (tags || note !== undefined) await library.update(env.db, saved.key, { ...(tags && { tags }), ...(note !== undefined && { note }) });
      return { saved: [papers[0].key, saved.key, ...saved.aliases] };
    }
  }
}
