// Sync tests with real libraries: a browser profile (its library, sync state and port), and a
// real Apache WebDAV server for the describe block that asks for one.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PapershelfDB } from '../../lib/library/db';
import { syncPort } from '../../lib/library/remote';
import { syncNow, type SyncConfig } from '../../lib/sync/engine';
import { SyncDB, dexieStore } from '../../lib/sync/store';
import { startDav, type DavServer } from './dav-servers';
import { uniqueName } from './random';

/** One browser profile: its own library and sync state, synced through the real engine. */
export class SyncProfile {
  readonly db = new PapershelfDB(uniqueName('lib'));
  readonly store = dexieStore(new SyncDB(uniqueName('sync')));
  readonly port = syncPort(this.db);
  sync(cfg: SyncConfig) {
    return syncNow(cfg, this.port, this.store);
  }
}

/** Starts Apache for the enclosing describe block (stopped after it); the fake browser is reset before each test. */
export function apacheForSuite(): () => DavServer {
  let server: DavServer | undefined;
  beforeAll(async () => {
    server = await startDav('apache');
  }, 20_000);
  afterAll(() => server?.dispose());
  beforeEach(() => fakeBrowser.reset());
  return () => {
    if (!server) throw new Error('the WebDAV server did not start');
    return server;
  };
}
