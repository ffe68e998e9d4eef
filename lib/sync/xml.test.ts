// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseMultistatus } from './xml';

describe('parseMultistatus', () => {
  it('reads prefixed, default-namespace and entity-encoded answers alike', () => {
    const a = `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/P/a%20b&amp;c.json</d:href>
      <d:propstat><d:prop><d:resourcetype/><d:getetag>"e1"</d:getetag><d:getcontentlength>12</d:getcontentlength></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
      <d:propstat><d:prop><d:displayname/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response>
      <response xmlns="DAV:"><href>http://h.example/dav/P/sub/</href><propstat><prop><resourcetype><collection/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response>
      <!-- a comment --></d:multistatus>`;
    expect(parseMultistatus(a, 'http://h.example/dav/P/')).toEqual([
      { href: '/dav/P/a b&c.json', collection: false, etag: '"e1"', size: 12, modified: undefined },
      { href: '/dav/P/sub/', collection: true, etag: undefined, size: undefined, modified: undefined },
    ]);
  });

  it('does not take elements of another namespace for DAV ones', () => {
    expect(() => parseMultistatus('<x:multistatus xmlns:x="urn:other"/>', 'http://h/')).toThrow(/no DAV:multistatus/);
  });

  it('refuses unbalanced or undeclared markup', () => {
    expect(() => parseMultistatus('<D:multistatus xmlns:D="DAV:"><D:response></D:multistatus>', 'http://h/')).toThrow(/closes/);
    expect(() => parseMultistatus('<q:multistatus/>', 'http://h/')).toThrow(/undeclared prefix/);
    expect(() => parseMultistatus('<D:multistatus xmlns:D="DAV:">', 'http://h/')).toThrow(/never closed/);
  });
});
