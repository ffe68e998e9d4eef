// A PROPFIND multistatus reader without DOMParser (a service worker has none). It reads only
// what sync needs — href, etag, length, collection or not, status — and refuses anything
// that is not a well-formed multistatus instead of guessing.
import { DavError } from './errors';

export interface DavEntry {
  /** Decoded path on the server, as in the href (collections end in '/'). */
  href: string;
  collection: boolean;
  etag?: string;
  size?: number;
  modified?: string;
}

interface Node {
  name: string; // local name, prefix dropped
  ns: string;
  children: Node[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

const bad = (why: string) => new DavError('protocol', `the server's folder listing is not valid WebDAV XML (${why})`);

/** A small, strict XML tree builder: namespaces resolved, comments/PIs/CDATA handled. */
export function parseXml(xml: string): Node {
  const root: Node = { name: '#root', ns: '', children: [], text: '' };
  const stack: { node: Node; raw: string; scope: Map<string, string> }[] = [{ node: root, raw: '', scope: new Map([['xml', 'xml']]) }];
  const re =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  for (let m; (m = re.exec(xml));) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.node.text += m[1];
    else if (m[6] !== undefined) top.node.text += decode(m[6]);
    else if (m[7] !== undefined) throw bad('a stray "<"');
    else if (m[3] !== undefined) {
      if (m[2] === '/') {
        if (top.raw !== m[3]) throw bad(`</${m[3]}> closes <${top.raw || 'nothing'}>`);
        stack.pop();
        continue;
      }
      const scope = new Map(top.scope);
      for (const a of (m[4] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] === 'xmlns') scope.set('', decode(a[2] ?? a[3]));
        else if (a[1].startsWith('xmlns:')) scope.set(a[1].slice(6), decode(a[2] ?? a[3]));
      }
      const [prefix, local] = m[3].includes(':') ? m[3].split(':', 2) : ['', m[3]];
      const ns = scope.get(prefix);
      if (ns === undefined && prefix) throw bad(`undeclared prefix "${prefix}:"`);
      const node: Node = { name: local, ns: ns ?? '', children: [], text: '' };
      top.node.children.push(node);
      if (m[5] !== '/') stack.push({ node, raw: m[3], scope });
    }
  }
  if (stack.length !== 1) throw bad(`<${stack[stack.length - 1].raw}> is never closed`);
  return root;
}

const dav = (n: Node, name: string) => n.children.filter((c) => c.ns === 'DAV:' && c.name === name);
const first = (n: Node | undefined, name: string) => (n ? dav(n, name)[0] : undefined);
const allText = (n: Node): string => n.text + n.children.map(allText).join('');

/** Entries of a 207 multistatus body. `base` resolves relative or absolute hrefs. */
export function parseMultistatus(xml: string, base: string): DavEntry[] {
  const root = parseXml(xml);
  const ms = first(root, 'multistatus');
  if (!ms) throw bad('no DAV:multistatus element');
  const out: DavEntry[] = [];
  for (const r of dav(ms, 'response')) {
    const hrefNode = first(r, 'href');
    if (!hrefNode) throw bad('a response without href');
    let href: string;
    try {
      href = decodeURIComponent(new URL(allText(hrefNode).trim(), base).pathname);
    } catch {
      throw bad(`an unreadable href "${allText(hrefNode).trim()}"`);
    }
    // Only the propstat that succeeded carries real values (404 ones list unknown properties).
    const ok = dav(r, 'propstat').find((ps) =>
      /\s2\d\d\s/.test(` ${allText(first(ps, 'status') ?? { name: '', ns: '', children: [], text: 'HTTP/1.1 200 OK' })} `),
    );
    const prop = first(ok, 'prop');
    const rtype = first(prop, 'resourcetype');
    const etag = first(prop, 'getetag');
    const len = first(prop, 'getcontentlength');
    const mod = first(prop, 'getlastmodified');
    const size = len ? Number(allText(len).trim()) : undefined;
    out.push({
      href,
      collection: !!(rtype && first(rtype, 'collection')) || (!prop && href.endsWith('/')),
      etag: etag ? allText(etag).trim() || undefined : undefined,
      size: size !== undefined && Number.isFinite(size) ? size : undefined,
      modified: mod ? allText(mod).trim() : undefined,
    });
  }
  return out;
}
