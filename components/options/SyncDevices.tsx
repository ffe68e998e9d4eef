import { useEffect, useState } from 'preact/hooks';
import type { PapershelfDB } from '@/lib/library/db';
import type { DeviceInfo } from '@/lib/sync/protocol';
import { forgetDeviceOnServer, listServerDevices } from '@/lib/sync/service';

/**
 * Settings → Sync: the browsers that sync through the folder. Old changes are compacted only
 * once every one of them has seen them, so a browser that is gone for good holds that back until
 * it is forgotten here (its files stay; if it ever syncs again it is simply back).
 */
export function SyncDevices({ db, refresh }: { db: PapershelfDB; refresh: unknown }) {
  const [devices, setDevices] = useState<DeviceInfo[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const load = () =>
    listServerDevices(db).then(
      (d) => {
        setDevices(d);
        setError(undefined);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  useEffect(() => void load(), [refresh]);

  const forget = async (d: DeviceInfo) => {
    const ok = confirm(
      `Forget the browser ${d.id.slice(0, 8)}, last seen ${new Date(d.lastSeen).toLocaleString()}?\n\n` +
        'Do this only for a browser you no longer use. Nothing it synced is lost; the other browsers stop keeping old changes for it. If it syncs again, it is back.',
    );
    if (!ok) return;
    setBusy(true);
    try {
      const s = await forgetDeviceOnServer(db, d.id);
      if (s?.state === 'error') setError(s.message);
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="sync-devices" role="group" aria-labelledby="sync-devices-h">
      <h3 id="sync-devices-h">Devices on the server</h3>
      {error && <p class="error">{error}</p>}
      {devices && (
        <ul aria-label="Devices on the server">
          {devices.map((d) => (
            <li key={d.id}>
              <code>{d.id}</code> {d.me ? '(this browser)' : `last seen ${new Date(d.lastSeen).toLocaleString()}`}
              {!d.me && d.segments > 0 && ` · ${d.segments} segment${d.segments === 1 ? '' : 's'} on the server`}
              {d.gone && ' · forgotten'}{' '}
              {!d.me && !d.gone && (
                <button type="button" disabled={busy} onClick={() => void forget(d)}>
                  Forget this device
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
