import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { STATUS_KEY, shortReason, type SyncStatus } from '@/lib/sync/status';

const ago = (t: number) => {
  const min = Math.round((Date.now() - t) / 60_000);
  return min < 1 ? 'just now' : min < 60 ? `${min} min ago` : new Date(t).toLocaleString();
};

/** The popup's sync line: nothing without sync; "Synced 3 min ago", or the error's reason. */
export function SyncState() {
  const [s, setS] = useState<SyncStatus>();
  useEffect(() => {
    void browser.storage.local.get(STATUS_KEY).then((got) => setS(got[STATUS_KEY] as SyncStatus | undefined));
    const on = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && STATUS_KEY in changes) setS(changes[STATUS_KEY].newValue as SyncStatus | undefined);
    };
    browser.storage.onChanged.addListener(on);
    return () => browser.storage.onChanged.removeListener(on);
  }, []);
  if (!s) return null;
  if (s.state === 'error') {
    return (
      <span class="sync-state error" title={s.message}>
        ⚠ Sync: {shortReason(s.message)}
      </span>
    );
  }
  return (
    <span class="sync-state muted" title={s.message}>
      {s.state === 'syncing' ? 'Syncing…' : `Synced ${ago(s.at)}`}
    </span>
  );
}
