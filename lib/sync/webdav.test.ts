// @vitest-environment node
// The client against two real servers (Apache mod_dav and rclone), started on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { davAvailable, freePort, setFull, startDav, type DavKind, type DavServer } from '../../tests/helpers/dav-servers';
import { DavError } from './errors';
import { DavClient } from './webdav';

const kinds: DavKind[] = ['apache', 'rclone'];

async function rejects(p: Promise<unknown>): Promise<DavError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DavError);
  return e as DavError;
}

for (const kind of kinds) {
  describe.skipIf(!davAvailable(kind))(`WebDAV client against ${kind}`, () => {
    let server: DavServer;
    let dav: DavClient;
    beforeAll(async () => {
      server = await startDav(kind);
      dav = new DavClient({ base: `${server.url}shelf/`, user: server.user, password: server.password, timeoutMs: 5000 });
    }, 20_000);
    afterAll(() => server?.dispose());

    it("measures this device's clock against the server's Date header", async () => {
      const behind = new DavClient({
        base: `${server.url}shelf/`,
        user: server.user,
        password: server.password,
        now: () => Date.now() - 10 * 60_000,
      });
      expect(behind.clockSkewMs).toBeUndefined();
      await behind.stat('');
      expect(Math.abs(behind.clockSkewMs! - 10 * 60_000)).toBeLessThan(3000);
      await dav.stat('');
      expect(Math.abs(dav.clockSkewMs!)).toBeLessThan(3000);
    });

    it('creates the folder, lists it, and reads back what it wrote', async () => {
      expect(await dav.stat('')).toBeNull();
      await dav.ensureDir('devices/abc/');
      // Apache answers 405 to MKCOL on an existing folder, rclone 201: both are fine.
      expect(await dav.mkcol('devices/')).toBe(kind === 'rclone');
      await dav.put('devices/abc/seg 1.json', '{"a":"é"}');
      const entries = await dav.list('devices/abc/');
      expect(entries?.map((e) => [e.href, e.collection, e.size])).toEqual([['seg 1.json', false, 10]]);
      const got = await dav.get('devices/abc/seg 1.json');
      expect(new TextDecoder().decode(got!.body)).toBe('{"a":"é"}');
      expect((await dav.list(''))!.map((e) => [e.href, e.collection])).toEqual([['devices/', true]]);
      expect(await dav.get('devices/abc/none.json')).toBeNull();
      expect(await dav.list('nothing/')).toBeNull();
    });

    it('moves atomically with and without Overwrite, and deletes', async () => {
      await dav.putAtomic('devices/abc/head.json', 'one');
      await dav.putAtomic('devices/abc/head.json', 'two');
      expect(new TextDecoder().decode((await dav.get('devices/abc/head.json'))!.body)).toBe('two');
      expect((await dav.list('devices/abc/'))!.some((e) => e.href.startsWith('.tmp-'))).toBe(false);
      await dav.put('devices/abc/x', 'x');
      const e = await rejects(dav.move('devices/abc/x', 'devices/abc/head.json', false));
      expect(e.status).toBe(412);
      await dav.delete('devices/abc/x');
      await dav.delete('devices/abc/x');
      expect(await dav.stat('devices/abc/x')).toBeNull();
    });

    it('says 401 when the password is wrong', async () => {
      const bad = new DavClient({ base: `${server.url}shelf/`, user: server.user, password: 'wrong' });
      const e = await rejects(bad.stat(''));
      expect(e.kind).toBe('auth');
      expect(e.message).toMatch(/user name or password \(401\)/);
    });

    it('gives ETags, and the server that honours conditions refuses a stale or existing write', async () => {
      const first = await dav.put('cond.json', '1', { ifNoneMatch: '*' });
      const st = await dav.stat('cond.json');
      expect(st?.etag).toBeTruthy();
      if (first.etag) expect(first.etag).toBe(st!.etag);
      if (kind === 'apache') {
        expect((await rejects(dav.put('cond.json', '2', { ifNoneMatch: '*' }))).kind).toBe('conflict');
        expect((await rejects(dav.put('cond.json', '2', { ifMatch: '"stale"' }))).kind).toBe('conflict');
        // Apache's ETag is weak within the second of the write (mod_dav_fs) and If-Match needs a strong one.
        await new Promise((r) => setTimeout(r, 1100));
        await dav.put('cond.json', '3', { ifMatch: st!.etag });
        expect(new TextDecoder().decode((await dav.get('cond.json'))!.body)).toBe('3');
      }
    });
  });
}

describe.skipIf(!davAvailable('apache'))('WebDAV faults', () => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDav('apache');
  }, 20_000);
  afterAll(() => server?.dispose());
  const client = (path = '', timeoutMs = 5000) =>
    new DavClient({ base: `${server.url}${path}`, user: server.user, password: server.password, timeoutMs });

  it('says 507 when the server is full', async () => {
    setFull(server, true);
    try {
      const e = await rejects(client().put('a.json', 'x'));
      expect([e.kind, e.status]).toEqual(['full', 507]);
      expect(e.message).toMatch(/no space left/);
    } finally {
      setFull(server, false);
    }
    await client().put('a.json', 'x');
  });

  it('says 409/404 for a missing parent folder', async () => {
    const e = await rejects(client().put('no/such/dir/a.json', 'x'));
    expect(e.kind).toBe('not-found');
  });

  it('says the server cannot be reached when nothing listens', async () => {
    const port = await freePort();
    const e = await rejects(new DavClient({ base: `http://127.0.0.1:${port}/`, user: 'u', password: 'p' }).stat(''));
    expect(e.kind).toBe('network');
    expect(e.retryable).toBe(true);
  });

  it('says so when the server stops answering', async () => {
    // A listener that accepts and never answers.
    const { createServer } = await import('node:net');
    const sockets: import('node:net').Socket[] = [];
    const s = createServer((sock) => sockets.push(sock));
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const port = (s.address() as { port: number }).port;
    try {
      const e = await rejects(new DavClient({ base: `http://127.0.0.1:${port}/`, user: 'u', password: 'p', timeoutMs: 300 }).stat(''));
      expect(e.kind).toBe('timeout');
    } finally {
      sockets.forEach((x) => x.destroy());
      s.close();
    }
  });
});

describe('servers that lie', () => {
  const fake = (status: number, body: string, headers: Record<string, string> = {}) =>
    new DavClient({ base: 'https://dav.example/x/', user: 'u', password: 'p', fetch: async () => new Response(body, { status, headers }) });

  it('a web page answering PROPFIND is "no WebDAV"', async () => {
    const e = await rejects(fake(200, '<html><body>Welcome</body></html>').stat(''));
    expect(e.kind).toBe('no-webdav');
  });

  it('405 on PROPFIND is "no WebDAV"', async () => {
    expect((await rejects(fake(405, '').stat(''))).message).toMatch(/does not speak WebDAV/);
  });

  it('broken XML in a 207 is a protocol error, not an empty folder', async () => {
    for (const body of [
      '<D:multistatus xmlns:D="DAV:"><D:response>',
      'not xml at all',
      '<x:multistatus xmlns:x="other"/>',
      '<D:multistatus><D:response/></D:multistatus>',
    ]) {
      const e = await rejects(fake(207, body).list(''));
      expect(e.kind).toBe('protocol');
    }
  });

  it('403 and 5xx are told apart', async () => {
    expect((await rejects(fake(403, '').get('a'))).kind).toBe('forbidden');
    const e = await rejects(fake(503, '').get('a'));
    expect([e.kind, e.retryable]).toEqual(['server', true]);
  });

  it('DNS and TLS failures are named', async () => {
    const failing = (cause: object) =>
      new DavClient({
        base: 'https://dav.example/',
        user: 'u',
        password: 'p',
        fetch: async () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause })),
      });
    expect((await rejects(failing({ code: 'ENOTFOUND' }).stat(''))).kind).toBe('dns');
    expect(
      (await rejects(failing({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate' }).stat(''))).kind,
    ).toBe('tls');
  });
});
