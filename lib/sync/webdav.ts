// A small WebDAV client over fetch: the seven requests sync needs and nothing else, so it runs
// in a service worker as it is (no DOMParser, no Node modules). Every failure is a DavError
// saying what is wrong. Paths are relative to the sync folder's URL and use '/' separators.
import { DavError, fetchError, statusError } from './errors';
import { parseMultistatus, type DavEntry } from './xml';

export type FetchFn = (url: string, init?: RequestInit) => Promise<Response>;

export interface DavOptions {
  /** The folder's URL (from serverUrl), ending in '/'. */
  base: string;
  user: string;
  password: string;
  fetch?: FetchFn;
  /** Per request, body included. */
  timeoutMs?: number;
  /** This device's clock (compared with the server's Date header). */
  now?: () => number;
}

export interface PutOptions {
  /** Replace only the version with this ETag (412 otherwise). */
  ifMatch?: string;
  /** Create only: fail with 412 if the file exists. */
  ifNoneMatch?: '*';
  contentType?: string;
}

export interface Got {
  body: Uint8Array;
  etag?: string;
}

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getetag/><D:getcontentlength/><D:getlastmodified/></D:prop></D:propfind>';

function basic(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

export class DavClient {
  readonly base: string;
  private readonly auth: string;
  private readonly fetchFn: FetchFn;
  private readonly timeoutMs: number;
  /** Bytes sent in request bodies (the bench reads it). */
  bytesSent = 0;
  bytesReceived = 0;
  /**
   * The server's clock minus this device's, from the last answer's Date header (whole seconds;
   * undefined until a server sent one). Sync does not depend on it: it only warns.
   */
  clockSkewMs?: number;
  private readonly now: () => number;

  constructor(opts: DavOptions) {
    if (!opts.base.endsWith('/')) throw new DavError('url', 'the folder URL must end with "/"');
    this.base = opts.base;
    this.auth = basic(opts.user, opts.password);
    this.fetchFn = opts.fetch ?? ((u, i) => fetch(u, i));
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.now = opts.now ?? Date.now;
  }

  url(path: string): string {
    if (path.split('/').some((s) => s === '..')) throw new DavError('url', `bad path ${path}`);
    return this.base + path.split('/').map(encodeURIComponent).join('/');
  }

  /** One request with auth and a deadline; the body is read inside the deadline too. */
  private async request(method: string, path: string, what: string, init: { headers?: Record<string, string>; body?: Uint8Array | string } = {}) {
    const ctrl = new AbortController();
    const timer = setTimeout(
      () => ctrl.abort(new DavError('timeout', `${what}: the server did not answer within ${this.timeoutMs / 1000} s`)),
      this.timeoutMs,
    );
    try {
      const body = typeof init.body === 'string' ? new TextEncoder().encode(init.body) : init.body;
      const res = await this.fetchFn(this.url(path), {
        method,
        headers: { authorization: this.auth, ...init.headers },
        body: body as BodyInit | undefined,
        signal: ctrl.signal,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
      });
      if (body) this.bytesSent += body.byteLength;
      const date = Date.parse(res.headers.get('date') ?? '');
      // (Date has whole seconds: the local time is rounded the same way.)
      if (!Number.isNaN(date)) this.clockSkewMs = date - Math.floor(this.now() / 1000) * 1000;
      const bytes = new Uint8Array(await res.arrayBuffer());
      this.bytesReceived += bytes.byteLength;
      return { res, bytes };
    } catch (e) {
      if (ctrl.signal.aborted && ctrl.signal.reason instanceof DavError) throw ctrl.signal.reason;
      throw fetchError(e, what);
    } finally {
      clearTimeout(timer);
    }
  }

  private async propfind(path: string, depth: 0 | 1): Promise<DavEntry[] | null> {
    const what = `Listing ${path || 'the folder'}`;
    const { res, bytes } = await this.request('PROPFIND', path, what, {
      headers: { depth: String(depth), 'content-type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
    });
    if (res.status === 404) return null;
    if (res.status !== 207) {
      // A web page answering 200 to PROPFIND is a plain web server, not WebDAV.
      if (res.ok)
        throw new DavError(
          'no-webdav',
          `${what}: the server answered a web page, not a WebDAV listing (HTTP ${res.status}): check the URL`,
          res.status,
        );
      throw statusError(res.status, what);
    }
    return parseMultistatus(new TextDecoder().decode(bytes), this.url(path));
  }

  /** The entry at `path` (file or folder), or null if there is none. */
  async stat(path: string): Promise<DavEntry | null> {
    const entries = await this.propfind(path, 0);
    if (!entries) return null;
    if (entries.length === 0) throw new DavError('protocol', `Listing ${path}: the server's answer lists nothing`);
    return entries[0];
  }

  /** The entries directly inside folder `path` ('' = the base), without the folder itself; null if it does not exist. */
  async list(path = ''): Promise<DavEntry[] | null> {
    const dir = path === '' || path.endsWith('/') ? path : `${path}/`;
    const entries = await this.propfind(dir, 1);
    if (!entries) return null;
    const self = new URL(this.url(dir)).pathname;
    const selfPath = decodeURIComponent(self).replace(/\/$/, '');
    return entries.filter((e) => e.href.replace(/\/$/, '') !== selfPath).map((e) => ({ ...e, href: e.href.slice(selfPath.length + 1) }));
  }

  /** The file's bytes and ETag, or null on 404. */
  async get(path: string): Promise<Got | null> {
    const { res, bytes } = await this.request('GET', path, `Reading ${path}`);
    if (res.status === 404) return null;
    if (!res.ok) throw statusError(res.status, `Reading ${path}`);
    return { body: bytes, etag: res.headers.get('etag') ?? undefined };
  }

  async put(path: string, body: Uint8Array | string, opts: PutOptions = {}): Promise<{ etag?: string }> {
    const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/octet-stream' };
    // If-Match compares strongly: a weak ETag never matches. Apache hands out weak ETags for a
    // file written less than a second ago and strong ones after, with the same value.
    if (opts.ifMatch) headers['if-match'] = opts.ifMatch.replace(/^W\//, '');
    if (opts.ifNoneMatch) headers['if-none-match'] = opts.ifNoneMatch;
    const { res } = await this.request('PUT', path, `Writing ${path}`, { headers, body });
    if (!res.ok) throw statusError(res.status, `Writing ${path}`);
    return { etag: res.headers.get('etag') ?? undefined };
  }

  /** Creates folder `path`; true if it made it, false if it was already there. */
  async mkcol(path: string): Promise<boolean> {
    const dir = path === '' || path.endsWith('/') ? path : `${path}/`;
    const { res } = await this.request('MKCOL', dir, `Creating folder ${dir}`);
    if (res.status === 201) return true;
    // 405 is both "already exists" (RFC 4918 §9.3.1) and "no WebDAV here": look.
    if (res.status === 405 || res.status === 301) {
      const st = await this.stat(dir);
      if (st?.collection) return false;
      if (st) throw new DavError('protocol', `Creating folder ${dir}: a file of that name is in the way`);
    }
    throw statusError(res.status, `Creating folder ${dir}`);
  }

  /** Creates every missing folder of `path` from the base (included) down. */
  async ensureDir(path: string): Promise<void> {
    const parts = path.split('/').filter(Boolean);
    for (let i = 0; i <= parts.length; i++) {
      const dir = i === 0 ? '' : parts.slice(0, i).join('/') + '/';
      if (!(await this.stat(dir))?.collection) await this.mkcol(dir);
    }
  }

  async move(from: string, to: string, overwrite: boolean): Promise<void> {
    const what = `Moving ${from} to ${to}`;
    const { res } = await this.request('MOVE', from, what, { headers: { destination: this.url(to), overwrite: overwrite ? 'T' : 'F' } });
    if (!res.ok) throw statusError(res.status, what);
  }

  /** Deletes `path`; a file already gone is not an error. */
  async delete(path: string): Promise<void> {
    const { res } = await this.request('DELETE', path, `Deleting ${path}`);
    if (!res.ok && res.status !== 404) throw statusError(res.status, `Deleting ${path}`);
  }

  /**
   * Writes `path` so that readers see either the old file or the whole new one: the bytes go to
   * a temporary name first, then MOVE replaces the target in one step. A failed upload leaves
   * only a `.tmp-` file, which readers ignore.
   */
  async putAtomic(path: string, body: Uint8Array | string): Promise<void> {
    const slash = path.lastIndexOf('/');
    const tmp = `${path.slice(0, slash + 1)}.tmp-${Math.random().toString(36).slice(2, 10)}-${path.slice(slash + 1)}`;
    await this.put(tmp, body);
    try {
      await this.move(tmp, path, true);
    } catch (e) {
      await this.delete(tmp).catch(() => undefined);
      throw e;
    }
  }
}
