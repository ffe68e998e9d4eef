// A small XML reader for the arXiv API's Atom feed. MV3 service workers have no DOMParser, and
// the feed is flat and regular: elements by local name, their attributes and decoded text.

export interface XmlElement {
  attrs: Record<string, string>;
  /** Raw inner markup (decode with xmlText). */
  inner: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** `&amp;`, `&#233;`, `&#xE9;` → characters; unknown entities are kept as written. */
export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e] ?? whole;
  });
}

/** Text content: CDATA kept verbatim, entities decoded, nested tags dropped. */
export function xmlText(inner: string): string {
  const parts = inner.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  return parts.map((p) => (p.startsWith('<![CDATA[') ? p.slice(9, -3) : decode(p.replace(/<[^>]*>/g, '')))).join('');
}

function parseAttrs(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1].replace(/^[\w-]+:(?!$)/, '')] = decode(m[2] ?? m[3] ?? '');
  return out;
}

/**
 * The elements named `local` (any namespace prefix) directly or deeply inside `xml`. Elements of
 * the same name must not nest, which holds for every element of the Atom feed we read.
 */
export function xmlElements(xml: string, local: string): XmlElement[] {
  const name = `(?:[\\w-]+:)?${local.replace(/[^\w-]/g, '')}`;
  const re = new RegExp(`<${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${name}\\s*>)`, 'g');
  const clean = xml.replace(/<!--[\s\S]*?-->/g, '');
  return [...clean.matchAll(re)].map((m) => ({ attrs: parseAttrs(m[1]), inner: m[2] ?? '' }));
}

/** Decoded text of the first `local` element, or undefined. */
export function xmlFirst(xml: string, local: string): string | undefined {
  const el = xmlElements(xml, local)[0];
  return el && xmlText(el.inner);
}
