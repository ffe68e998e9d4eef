// Which server URLs sync accepts: HTTPS, or plain HTTP on this machine (a server beside the
// browser, and the tests). Plain HTTP elsewhere sends the password in clear, so it takes an
// explicit `allowInsecure` that the settings only set after showing a warning.
import { DavError } from './errors';

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface ServerUrl {
  /** The folder's URL, ending in '/'. */
  base: string;
  /** `scheme://host[:port]` — what the optional host permission is asked for. */
  origin: string;
  /** Plain HTTP to another machine. */
  insecure: boolean;
}

/** `server` + `folder` → the URL of the sync folder, or a DavError('url') saying why not. */
export function serverUrl(server: string, folder = 'Papershelf/', allowInsecure = false): ServerUrl {
  let url: URL;
  try {
    url = new URL(server.trim());
  } catch {
    throw new DavError('url', `"${server}" is not a URL (it should look like https://cloud.example.org/remote.php/dav/files/me/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DavError('url', `${url.protocol} URLs are not WebDAV: use https://`);
  if (url.username || url.password) throw new DavError('url', 'put the user name and password in their own fields, not in the URL');
  if (url.search || url.hash) throw new DavError('url', 'the server URL cannot have a ?query or #fragment');
  const insecure = url.protocol === 'http:' && !LOCAL.has(url.hostname);
  if (insecure && !allowInsecure) {
    throw new DavError('url', `plain HTTP to ${url.hostname} would send your password and library unencrypted: use https://`);
  }
  const dir = folder
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s && s !== '.');
  if (dir.some((s) => s === '..')) throw new DavError('url', 'the folder cannot contain ".."');
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const sub = dir.map((s) => `${encodeURIComponent(s)}/`).join('');
  return { base: `${url.origin}${path}${sub}`, origin: url.origin, insecure };
}

/** The optional host permission pattern for a server URL. */
export function originPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}
