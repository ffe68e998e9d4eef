// Sync as the extension runs it: the settings and the last outcome in storage.local (the
// credentials never leave it: not in exports, backups or logs), one round at a time across the
// background and the extension pages (Web Locks), automatic rounds on an alarm and shortly after
// each change to the library, and the server's origin as an optional host permission.
import { browser } from 'wxt/browser';
import type { PapershelfDB } from '../library/db';
import { syncPort } from '../library/remote';
import { stopShipping } from '../library/compact';
import { openLibrary } from '../library/db';
import { CHANGE_KEY } from '../messaging/changes';
import { forgetServerDevice, serverDevices, syncNow, testConnection, type SyncConfig, type SyncOutcome } from './engine';
import { DavError } from './errors';
import { restoreVersion } from '../library/restoring';
import type { DeviceInfo } from './protocol';
import { isEmptyPlan, previewFromServer, type RestorePreview } from './restore';
import { STATUS_KEY, type SyncStatus } from './status';
import { SyncDB, dexieStore } from './store';
import { originPattern, serverUrl } from './url';

export const CONFIG_KEY = 'sync:config';
export const SYNC_ALARM = 'papershelf-sync';
const PERIOD_MIN = 5;
const DEBOUNCE_MS = 8000;

export { STATUS_KEY, type SyncStatus };

export async function loadConfig(): Promise<SyncConfig | undefined> {
  const got = await browser.storage.local.get(CONFIG_KEY);
  return got[CONFIG_KEY] as SyncConfig | undefined;
}

export async function loadStatus(): Promise<SyncStatus | undefined> {
  const got = await browser.storage.local.get(STATUS_KEY);
  return got[STATUS_KEY] as SyncStatus | undefined;
}

async function setStatus(s: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS_KEY]: s });
}

/** The permission pattern for the config's server (throws the URL policy's error). */
export function permissionFor(config: SyncConfig): string {
  return originPattern(serverUrl(config.url, config.folder, config.allowInsecure).origin);
}

export async function hasPermission(config: SyncConfig): Promise<boolean> {
  return browser.permissions.contains({ origins: [permissionFor(config)] });
}

/** Asks for the server's origin (must run in the click's handler: a user gesture). */
export async function requestPermission(config: SyncConfig): Promise<boolean> {
  const origins = [permissionFor(config)];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}

let sharedStore: SyncDB | undefined;
const store = () => dexieStore((sharedStore ??= new SyncDB()));

function describe(e: unknown): { message: string; kind?: string } {
  if (e instanceof DavError) return { message: e.message, kind: e.kind };
  return { message: e instanceof Error ? e.message : String(e) };
}

/** One at a time across contexts; a round asked for while one runs waits for it. */
async function exclusive<T>(f: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request('papershelf-sync', () => f()) : f();
}

/** Beyond this, the sync status says this device's clock looks wrong. */
export const SKEW_WARN_MS = 5 * 60_000;

/**
 * A gentle note when this device's clock and the server's disagree by more than 5 minutes. Sync
 * stays correct (hybrid logical clocks order what each device has seen), but when two devices
 * edit the same field without syncing in between, the one whose clock runs ahead wins.
 */
export function skewNote(skewMs: number | undefined): string | undefined {
  if (skewMs === undefined || Math.abs(skewMs) <= SKEW_WARN_MS) return undefined;
  const min = Math.round(Math.abs(skewMs) / 60_000);
  return `this device's clock is ${min} minutes ${skewMs > 0 ? 'behind' : 'ahead of'} the server's: check its date and time (nothing is lost, but when this device and another edit the same field between two syncs, the clock that is ahead wins)`;
}

export function summary(o: SyncOutcome): string {
  const parts = [`Synced at ${new Date(o.at).toLocaleTimeString()}`];
  if (o.uploaded || o.downloaded) parts.push(`${o.uploaded} change${o.uploaded === 1 ? '' : 's'} sent, ${o.downloaded} received`);
  if (o.conflicts) parts.push(`${o.conflicts} note conflict${o.conflicts === 1 ? '' : 's'} to resolve`);
  if (o.problems.length) parts.push(o.problems.join('; '));
  const skew = skewNote(o.clockSkewMs);
  if (skew) parts.push(skew);
  return parts.join(' · ');
}

/** Runs one round with the stored settings; the outcome goes to storage.local (sync:status). */
export async function runSync(db: PapershelfDB): Promise<SyncStatus | undefined> {
  return exclusive(async () => {
    const config = await loadConfig();
    if (!config) return undefined;
    const prev = await loadStatus();
    await setStatus({ ...(prev ?? { message: '' }), state: 'syncing', at: Date.now() });
    let status: SyncStatus;
    try {
      if (!(await hasPermission(config)))
        throw new DavError('forbidden', `Papershelf may not reach ${new URL(config.url).host}: press "Sync now" in Settings to allow it`);
      const out = await syncNow(config, syncPort(db), store());
      status = { state: 'ok', at: out.at, message: summary(out), lastSuccess: out.at };
    } catch (e) {
      status = { state: 'error', at: Date.now(), ...describe(e), lastSuccess: prev?.lastSuccess };
    }
    await setStatus(status);
    return status;
  });
}

export async function checkConnection(config: SyncConfig): Promise<string> {
  return testConnection(config);
}

/** Saves the settings; a new server or folder starts over (the state belongs to the old one). */
export async function saveConfig(config: SyncConfig): Promise<void> {
  const old = await loadConfig();
  if (old && (old.url !== config.url || old.folder !== config.folder || old.user !== config.user)) await store().clear();
  await browser.storage.local.set({ [CONFIG_KEY]: config });
}

/** Forgets the server: settings, outcome and sync state (the library stays as it is). */
export async function disconnect(): Promise<void> {
  const config = await loadConfig();
  await browser.storage.local.remove([CONFIG_KEY, STATUS_KEY]);
  await store().clear();
  // The change log no longer has anything to keep for sync (lib/library/compact.ts).
  await stopShipping(openLibrary());
  if (config) await browser.permissions.remove({ origins: [permissionFor(config)] }).catch(() => false);
}

/** The background's side: a round every few minutes and a few seconds after each change. */
export function startSync(db: PapershelfDB): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const kick = () => void runSync(db).catch((e: unknown) => console.warn('Papershelf sync:', describe(e).message));
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(kick, DEBOUNCE_MS);
  };
  browser.alarms.onAlarm.addListener((a) => a.name === SYNC_ALARM && kick());
  void browser.alarms.get(SYNC_ALARM).then(async (a) => {
    if (!a) await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: PERIOD_MIN });
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (changes[CHANGE_KEY]) soon();
    if (changes[CONFIG_KEY]?.newValue) soon();
  });
}

/** "Preview" of a restore as of `at`: what it would add, change and remove here (nothing is written). */
export async function previewServerRestore(db: PapershelfDB, config: SyncConfig, at: number): Promise<RestorePreview> {
  return exclusive(async () => previewFromServer(config, await db.papers.toArray(), at, { highlights: await db.highlights.toArray() }));
}

/**
 * "Restore": plans again (the library may have changed since the preview), runs `backup` (the
 * options page's automatic local backup, so the user can undo), then writes the version as new
 * local changes of origin 'restore' — the next sync sends them to the other browsers.
 */
export async function applyServerRestore(db: PapershelfDB, config: SyncConfig, at: number, backup: () => Promise<unknown>): Promise<RestorePreview> {
  return exclusive(async () => {
    const preview = await previewFromServer(config, await db.papers.toArray(), at, { highlights: await db.highlights.toArray() });
    const { add, change, remove } = preview.plan;
    if (!isEmptyPlan(preview.plan)) {
      await backup();
      await restoreVersion(db, [...add, ...change], remove, Date.now(), preview.plan.revived, preview.plan.highlights);
    }
    return preview;
  });
}

async function connected(): Promise<SyncConfig> {
  const config = await loadConfig();
  if (!config) throw new DavError('url', 'sync is not set up');
  return config;
}

/** The devices that sync through the folder (Settings → Sync). */
export async function listServerDevices(db: PapershelfDB): Promise<DeviceInfo[]> {
  const config = await connected();
  return exclusive(() => serverDevices(config, syncPort(db), store()));
}

/** "Forget this device", then a round: this device's old segments can now be compacted. */
export async function forgetDeviceOnServer(db: PapershelfDB, id: string): Promise<SyncStatus | undefined> {
  const config = await connected();
  await exclusive(() => forgetServerDevice(config, syncPort(db), store(), id));
  return runSync(db);
}
