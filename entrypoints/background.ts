import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeLook, refreshBadge, refreshBadges, showBadge } from '@/lib/background/badge';
import { handleMessage } from '@/lib/background/handlers';
import { createMenus, onMenuClick, type MenuClick } from '@/lib/background/menus';
import { onCommand } from '@/lib/background/shortcuts';
import { startBackups } from '@/lib/backup/schedule';
import { startSync } from '@/lib/sync/service';
import { openLibrary } from '@/lib/library/db';
import { startEnrichment } from '@/lib/enrich/service';
import { refreshFirstRows } from '@/lib/library/firstRows';
import { rebuildMirror } from '@/lib/library/highlightMirror';
import { CHANGE_KEY, type LibraryChange } from '@/lib/messaging/changes';
import { clearTabDetections } from '@/lib/tabs/detections';
import { loadSettings } from '@/lib/settings/store';
import { getSeenDb } from '@/lib/triage/store';
import { broadcastDismissal, relaySyncedDismissals } from '@/lib/triage/broadcast';
import { clearTabTriage, deviceId } from '@/lib/triage/tabs';
import { migrateDismissals } from '@/lib/triage/migrate';

export default defineBackground({
  type: 'module',
  main() {
    const db = openLibrary();
    // The badge's colour depends on what is saved too: recomputed from the stored detections.
    const setBadge = (tabId: number) => refreshBadge(db, tabId);
    // Metadata completion from public APIs: drains its persistent queue now, on changes, on alarms.
    startEnrichment(db);
    // Rolling automatic backups (a separate database), daily on an alarm.
    startBackups(db);
    // Sync through the user's WebDAV server, when set up: on an alarm and after changes.
    startSync(db);

    // Daily triage's seen ledger: a database of its own, opened here only (never in a page).
    const triage = {
      seen: getSeenDb(),
      ledgerOn: async () => (await loadSettings()).seenLedger,
      device: deviceId,
      refreshBadge: setBadge,
      broadcastDismissal,
    };
    // Dismissals kept in the ledger before they synced move to the library (once), for the next sync.
    migrateDismissals(triage.seen, db).catch((e: unknown) => console.warn('Papershelf: could not move the dismissals', e));
    // Dismissals synced from another device re-dim the open tabs at once, as a local one does.
    relaySyncedDismissals();

    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the promise is the reply (WebExtension onMessage)
    browser.runtime.onMessage.addListener((raw, sender) => {
      // The popup or options page shown in a tab has a tab too: its URL says it is ours.
      const extensionPage = !!sender.url?.startsWith(browser.runtime.getURL('/'));
      return handleMessage(
        raw,
        { extensionId: browser.runtime.id, senderId: sender.id, tabId: sender.tab?.id, extensionPage },
        { db, setBadge, triage },
      ).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
    });

    // A new page in a tab starts with nothing detected until its content script reports.
    browser.tabs.onUpdated.addListener((tabId, info) => {
      if (info.status === 'loading' && info.url) {
        void clearTabDetections(tabId);
        void clearTabTriage(tabId);
        void showBadge(tabId, badgeLook([], new Set()));
      }
    });
    browser.tabs.onRemoved.addListener((tabId) => {
      void clearTabDetections(tabId);
      void clearTabTriage(tabId);
    });

    // Saved or removed anywhere (inline, popup, options, another tab): recolour the badges.
    browser.storage.onChanged.addListener((changes, area) => {
      const change = changes[CHANGE_KEY]?.newValue as LibraryChange | undefined;
      if (area === 'local' && change) void refreshBadges(db, change.keys);
      // The badge may count new papers only (a setting): every tab follows a change of it.
      else if (area === 'local' && changes.settings) void refreshBadges(db, []);
    });

    // storage.session starts empty with the browser and with each install or update: the popup's
    // first rows are stored again at once (every write keeps them after that; see openLibrary).
    // The highlights' mirror is stored again too: an update from a version without it, or a
    // storage.local cleared; every write keeps it after that.
    const rebuild = () => void rebuildMirror(db).catch((e: unknown) => console.warn('Papershelf: could not build the highlights’ mirror', e));
    browser.runtime.onStartup.addListener(() => {
      void refreshFirstRows(db);
      rebuild();
    });
    browser.runtime.onInstalled.addListener(({ reason }) => {
      void refreshFirstRows(db);
      rebuild();
      void createMenus();
      // First run: the options page's Welcome section explains what happens where.
      if (reason === 'install') void browser.runtime.openOptionsPage();
    });
    const menuClick = (info: MenuClick, tabId?: number) => onMenuClick(db, info, tabId);
    const command = (name: string, tabId?: number) => onCommand(db, name, tabId);
    browser.contextMenus.onClicked.addListener((info, tab) => void menuClick(info, tab?.id));
    browser.commands.onCommand.addListener((name, tab) => void command(name, tab?.id));
    // Browser-level shortcuts and menus can't be triggered from tests: they call these instead.
    Object.assign(globalThis, { papershelf: { menuClick, command } });
  },
});
