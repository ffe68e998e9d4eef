// 8. Sync of 10,000 papers through a real WebDAV server (rclone serve webdav on 127.0.0.1): the
// first upload of a library, the first download on a fresh profile, and an incremental round of
// one change — time and bytes on the wire. An incremental round must cost O(changes): its
// bytes sent are compared with the first upload's. The library is the real one (Dexie on
// fake-indexeddb, the real writer and commands), so times include its IndexedDB work.
import './fake-extension-env';
import { restore, update } from '../../lib/library/commands';
import { PapershelfDB } from '../../lib/library/db';
import { syncPort } from '../../lib/library/remote';
import { generatePapers } from '../../lib/search/generate';
import { syncNow, type SyncConfig, type SyncOutcome } from '../../lib/sync/engine';
import { SyncDB, dexieStore } from '../../lib/sync/store';
import { startDav } from '../helpers/dav-servers';
import { single, summary, type Result } from './stats';

async function timed(f: () => Promise<SyncOutcome>): Promise<{ ms: number; out: SyncOutcome }> {
  const t = performance.now();
  const out = await f();
  return { ms: performance.now() - t, out };
}

export async function syncBench(count: number, runs: number, passphrase = ''): Promise<Result[]> {
  const server = await startDav('rclone');
  const label = `sync ${count / 1000}k${passphrase ? ' encrypted' : ''}`;
  const up: number[] = [];
  const down: number[] = [];
  const inc: number[] = [];
  const incDown: number[] = [];
  let bytesUp = 0;
  let bytesDown = 0;
  let bytesInc = 0;
  let bytesIncDown = 0;
  try {
    const papers = generatePapers(count);
    for (let run = 0; run < runs; run++) {
      const cfg: SyncConfig = {
        url: server.url,
        user: server.user,
        password: server.password,
        folder: `bench-${run}${passphrase ? '-enc' : ''}/`,
        passphrase,
      };
      const id = `${run}-${Math.random().toString(36).slice(2)}`;
      const a = new PapershelfDB(`bench-a-${id}`);
      const b = new PapershelfDB(`bench-b-${id}`);
      await restore(a, papers);
      const dbs = [new SyncDB(`bench-sa-${id}`), new SyncDB(`bench-sb-${id}`)];
      const [sa, sb] = dbs.map(dexieStore);
      const first = await timed(() => syncNow(cfg, syncPort(a), sa));
      up.push(first.ms);
      bytesUp = first.out.bytesSent;
      const fresh = await timed(() => syncNow(cfg, syncPort(b), sb));
      down.push(fresh.ms);
      bytesDown = fresh.out.bytesReceived;
      if ((await b.papers.count()) !== count) throw new Error(`the fresh profile has ${await b.papers.count()} of ${count} papers`);
      await update(a, papers[run].key, { status: 'read' });
      const one = await timed(() => syncNow(cfg, syncPort(a), sa));
      inc.push(one.ms);
      bytesInc = one.out.bytesSent;
      const oneDown = await timed(() => syncNow(cfg, syncPort(b), sb));
      incDown.push(oneDown.ms);
      bytesIncDown = oneDown.out.bytesReceived;
      if ((await b.papers.get(papers[run].key))?.status !== 'read') throw new Error('the change did not arrive');
      await Promise.all([a.delete(), b.delete(), ...dbs.map((d) => d.delete())]);
    }
  } finally {
    await server.dispose();
  }
  return [
    summary(`${label}: first upload`, up, 'ms'),
    single(`${label}: first upload, bytes sent`, bytesUp, 'B'),
    summary(`${label}: first download (fresh profile)`, down, 'ms'),
    single(`${label}: first download, bytes received`, bytesDown, 'B'),
    summary(`${label}: one change, upload round`, inc, 'ms'),
    single(
      `${label}: one change, bytes sent`,
      bytesInc,
      'B',
      'lower',
      undefined,
      `O(changes): ${((bytesInc / Math.max(1, bytesUp)) * 100).toFixed(2)} % of the first upload`,
    ),
    summary(`${label}: one change, download round`, incDown, 'ms'),
    single(`${label}: one change, bytes received`, bytesIncDown, 'B'),
  ];
}
