// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { originPattern, serverUrl } from './url';

describe('serverUrl', () => {
  it('joins the server and the folder, each segment encoded', () => {
    expect(serverUrl('https://cloud.example.org/remote.php/dav/files/me', 'Papershelf/')).toEqual({
      base: 'https://cloud.example.org/remote.php/dav/files/me/Papershelf/',
      origin: 'https://cloud.example.org',
      insecure: false,
    });
    expect(serverUrl('https://h.example/dav/', '/My Papers//x/').base).toBe('https://h.example/dav/My%20Papers/x/');
  });

  it('accepts plain HTTP on this machine only, elsewhere only with the explicit flag', () => {
    expect(serverUrl('http://127.0.0.1:8080/', 'P/').base).toBe('http://127.0.0.1:8080/P/');
    expect(serverUrl('http://localhost/dav', 'P').insecure).toBe(false);
    expect(() => serverUrl('http://nas.local/dav', 'P')).toThrow(/unencrypted: use https/);
    expect(serverUrl('http://nas.local/dav', 'P', true).insecure).toBe(true);
  });

  it('refuses what is not a usable WebDAV URL, saying why', () => {
    expect(() => serverUrl('cloud.example.org')).toThrow(/not a URL/);
    expect(() => serverUrl('ftp://x.example/')).toThrow(/not WebDAV/);
    expect(() => serverUrl('https://me:pw@x.example/')).toThrow(/own fields/);
    expect(() => serverUrl('https://x.example/?a=1')).toThrow(/query/);
    expect(() => serverUrl('https://x.example/', '../etc')).toThrow(/\.\./);
  });

  it('asks the permission for the host, any port', () => {
    expect(originPattern('http://127.0.0.1:8080')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://cloud.example.org')).toBe('https://cloud.example.org/*');
  });
});
