import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getBackupDb } from '@/lib/backup/db';
import { takeSnapshot } from '@/lib/backup/snapshots';
import type { PapershelfDB } from '@/lib/library/db';
import type { SyncConfig } from '@/lib/sync/engine';
import { describeRestore } from '@/lib/sync/restore';
import {
  CONFIG_KEY,
  applyServerRestore,
  STATUS_KEY,
  checkConnection,
  disconnect,
  loadConfig,
  loadStatus,
  previewServerRestore,
  requestPermission,
  runSync,
  saveConfig,
  type SyncStatus,
} from '@/lib/sync/service';
import { serverUrl } from '@/lib/sync/url';
import { SyncDevices } from './SyncDevices';

const EMPTY: SyncConfig = { url: '', user: '', password: '', folder: 'Papershelf/', passphrase: '' };

/** Settings → Sync: a WebDAV server the user already has (Nextcloud, ownCloud, a NAS…). */
export function SyncSection({ db }: { db: PapershelfDB }) {
  const [form, setForm] = useState<SyncConfig>(EMPTY);
  const [connected, setConnected] = useState(false);
  const [status, setStatus] = useState<SyncStatus>();
  const [note, setNote] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState(false);
  const [asOf, setAsOf] = useState('');
  const [restoreNote, setRestoreNote] = useState<{ text: string; error: boolean }>();
  /** The date last previewed: Restore writes only a version the user has seen the counts of. */
  const [previewed, setPreviewed] = useState<string>();

  useEffect(() => {
    void loadConfig().then((c) => {
      if (c) {
        setForm({ ...EMPTY, ...c });
        setConnected(true);
      }
    });
    void loadStatus().then(setStatus);
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (STATUS_KEY in changes) setStatus(changes[STATUS_KEY].newValue as SyncStatus | undefined);
      if (CONFIG_KEY in changes) setConnected(!!changes[CONFIG_KEY].newValue);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);

  const field = (name: keyof SyncConfig) => (e: Event) => setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value });
  let insecure = false;
  try {
    insecure = form.url ? serverUrl(form.url, form.folder, true).insecure : false;
  } catch {
    insecure = false;
  }

  /** Checks the URL, asks for the server's origin (this click is the user gesture), then runs `f`. */
  const withServer = async (f: (config: SyncConfig) => Promise<string>, show = setNote) => {
    show(undefined);
    const config: SyncConfig = { ...form, url: form.url.trim(), user: form.user.trim(), folder: form.folder.trim() || 'Papershelf/' };
    try {
      serverUrl(config.url, config.folder, config.allowInsecure);
      if (!(await requestPermission(config)))
        throw new Error(`Papershelf was not allowed to reach ${new URL(config.url).host}; it needs that to sync.`);
      setBusy(true);
      show({ text: await f(config), error: false });
    } catch (e) {
      show({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  const test = () => withServer((c) => checkConnection(c));
  const syncNowClick = () =>
    withServer(async (c) => {
      await saveConfig(c);
      setConnected(true);
      const s = await runSync(db);
      if (s?.state === 'error') throw new Error(s.message);
      return '';
    });
  const at = () => (asOf ? new Date(asOf).getTime() : Number.NaN);
  const preview = () =>
    withServer(async (c) => {
      setPreviewed(undefined);
      const text = describeRestore(await previewServerRestore(db, c, at()), at(), false);
      setPreviewed(asOf);
      return text;
    }, setRestoreNote);
  const restoreClick = () =>
    withServer(async (c) => {
      const done = await applyServerRestore(db, c, at(), () => takeSnapshot(db, getBackupDb()));
      setPreviewed(undefined);
      return describeRestore(done, at(), true);
    }, setRestoreNote);
  const leave = async () => {
    await disconnect();
    setForm(EMPTY);
    setConnected(false);
    setNote({ text: 'Disconnected: this browser no longer syncs (the files on the server stay).', error: false });
  };

  return (
    <section aria-labelledby="sync-h" class="card">
      <h2 id="sync-h">Sync</h2>
      <p class="hint">
        Keep one library on every browser through a WebDAV server you already have (Nextcloud, ownCloud, a university drive, a NAS). Use an app
        password. Each browser writes only its own files; nothing is ever overwritten by another device.
      </p>
      <form class="sync-form" onSubmit={(e) => e.preventDefault()}>
        <label>
          Server URL{' '}
          <input
            type="url"
            value={form.url}
            onInput={field('url')}
            placeholder="https://cloud.example.org/remote.php/dav/files/me/"
            autocomplete="url"
          />
        </label>
        <label>
          User name <input type="text" value={form.user} onInput={field('user')} autocomplete="username" />
        </label>
        <label>
          Password <input type="password" value={form.password} onInput={field('password')} autocomplete="current-password" />
        </label>
        <label>
          Folder <input type="text" value={form.folder} onInput={field('folder')} />
        </label>
        <label>
          Passphrase{' '}
          <input
            type="password"
            value={form.passphrase ?? ''}
            onInput={field('passphrase')}
            autocomplete="new-password"
            aria-describedby="sync-pass-hint"
          />
        </label>
        <p id="sync-pass-hint" class="hint">
          Optional: encrypts everything before it leaves this browser. Every browser needs the same passphrase; it cannot be recovered.
        </p>
        {insecure && (
          <label class="warning">
            <input type="checkbox" checked={!!form.allowInsecure} onChange={(e) => setForm({ ...form, allowInsecure: e.currentTarget.checked })} />{' '}
            Send my password and library over plain HTTP anyway (anyone on the network can read them)
          </label>
        )}
        <div class="row">
          <button type="button" onClick={() => void test()} disabled={busy}>
            Test connection
          </button>
          <button type="button" onClick={() => void syncNowClick()} disabled={busy}>
            Sync now
          </button>
          {connected && (
            <button type="button" onClick={() => void leave()} disabled={busy}>
              Disconnect
            </button>
          )}
        </div>
      </form>
      {note?.text && (
        <p role={note.error ? 'alert' : undefined} class={note.error ? 'error' : 'hint'}>
          {note.text}
        </p>
      )}
      <p role="status" class={status?.state === 'error' ? 'error' : 'muted'}>
        {!connected && !status
          ? 'Not connected.'
          : status?.state === 'syncing'
            ? 'Syncing…'
            : status?.state === 'error'
              ? `Sync failed: ${status.message}${status.lastSuccess ? ` (last synced ${new Date(status.lastSuccess).toLocaleString()})` : ''}`
              : status
                ? status.message
                : 'Connected; not synced yet.'}
      </p>
      {connected && status?.lastSuccess && <SyncDevices db={db} refresh={status.lastSuccess} />}
      <div class="sync-restore" role="group" aria-labelledby="sync-restore-h">
        <h3 id="sync-restore-h">Restore from the server</h3>
        <p class="hint">
          The library as it was at a date and time, rebuilt from every browser's changes on the server. Before it is written, a backup of the library
          as it is now is taken (see Backup), so you can undo. Other browsers will get this version at their next sync.
        </p>
        <div class="row">
          <label>
            Restore as of{' '}
            <input
              type="datetime-local"
              step={1}
              value={asOf}
              onInput={(e) => {
                setAsOf(e.currentTarget.value);
                setPreviewed(undefined);
              }}
            />
          </label>
          <button type="button" onClick={() => void preview()} disabled={busy || !asOf}>
            Preview
          </button>
          <button type="button" onClick={() => void restoreClick()} disabled={busy || !asOf || previewed !== asOf}>
            Restore
          </button>
        </div>
        {restoreNote?.text && (
          <p role={restoreNote.error ? 'alert' : 'status'} class={restoreNote.error ? 'error' : 'hint'}>
            {restoreNote.text}
          </p>
        )}
      </div>
    </section>
  );
}
