// What went wrong talking to a WebDAV server, in words a user can act on. `kind` is for code
// (retry or not, which badge); `message` is shown as it is.
export type DavErrorKind =
  | 'url' // the URL itself is unusable or not allowed (plain HTTP)
  | 'dns'
  | 'tls'
  | 'network' // offline, refused, reset
  | 'timeout'
  | 'auth' // 401
  | 'forbidden' // 403
  | 'not-found' // 404 / 409 (missing parent)
  | 'no-webdav' // 405 / 501 on a WebDAV method, or a PROPFIND answered with a plain page
  | 'conflict' // 412: someone else changed the file first
  | 'full' // 507
  | 'server' // 5xx
  | 'protocol' // the server answered something that is not what WebDAV says (bad XML, wrong body)
  | 'crypto' // wrong passphrase, a file that does not decrypt
  | 'http'; // any other status

export class DavError extends Error {
  constructor(
    readonly kind: DavErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DavError';
  }

  /** Worth trying again later by itself (no user action needed). */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'dns';
  }
}

const STATUS: Record<number, [DavErrorKind, string]> = {
  401: ['auth', 'the server refused the user name or password (401)'],
  403: ['forbidden', 'the server does not allow this account to use that folder (403)'],
  404: ['not-found', 'the folder does not exist on the server (404)'],
  405: ['no-webdav', 'the server does not speak WebDAV at that URL (405): check the URL (Nextcloud: …/remote.php/dav/files/USER/)'],
  409: ['not-found', 'a parent folder does not exist on the server (409)'],
  412: ['conflict', 'another device changed the file first (412)'],
  501: ['no-webdav', 'the server does not speak WebDAV at that URL (501)'],
  507: ['full', 'the server has no space left for this account (507)'],
};

export function statusError(status: number, what: string): DavError {
  const known = STATUS[status];
  if (known) return new DavError(known[0], `${what}: ${known[1]}`, status);
  if (status >= 500) return new DavError('server', `${what}: the server failed (HTTP ${status}); try again later`, status);
  return new DavError('http', `${what}: unexpected answer HTTP ${status}`, status);
}

/**
 * `fetch` rejects with a bare TypeError whatever happened; the cause (Node/undici) or the
 * message (some engines) sometimes says more. Chromium says only "Failed to fetch", so an
 * unreachable server there reads as a network error.
 */
export function fetchError(e: unknown, what: string): DavError {
  if (e instanceof DavError) return e;
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } } | undefined;
  if (err?.name === 'TimeoutError' || /timed out/i.test(err?.message ?? ''))
    return new DavError('timeout', `${what}: the server did not answer in time`);
  if (err?.name === 'AbortError') return new DavError('timeout', `${what}: the request was cancelled (timeout)`);
  const code = err?.cause?.code ?? '';
  const text = `${err?.message ?? ''} ${err?.cause?.message ?? ''}`;
  if (/ENOTFOUND|EAI_AGAIN/.test(code) || /ERR_NAME_NOT_RESOLVED|getaddrinfo/i.test(text)) {
    return new DavError('dns', `${what}: the server's name could not be found (DNS); check the URL`);
  }
  if (/CERT|SSL|TLS|ERR_TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code) || /certificate|ssl|tls/i.test(text)) {
    return new DavError('tls', `${what}: the secure connection failed (TLS certificate or protocol)`);
  }
  if (/ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT/.test(code))
    return new DavError('timeout', `${what}: the server did not answer in time`);
  const detail = code || err?.cause?.message || '';
  return new DavError('network', `${what}: the server could not be reached (offline, or refused the connection)${detail ? ` [${detail}]` : ''}`);
}
