// Reading <meta> tags once per document: name/property → values, keys lower-cased.

type MetaMap = Map<string, string[]>;

const cache = new WeakMap<Document, MetaMap>();

export function metaMap(doc: Document): MetaMap {
  const hit = cache.get(doc);
  if (hit) return hit;
  const map: MetaMap = new Map();
  for (const m of doc.querySelectorAll('meta[name], meta[property]')) {
    const name = (m.getAttribute('name') ?? m.getAttribute('property') ?? '').trim().toLowerCase();
    const content = m.getAttribute('content');
    if (!name || content == null) continue;
    const list = map.get(name);
    if (list) list.push(content);
    else map.set(name, [content]);
  }
  cache.set(doc, map);
  return map;
}

/** Drops the cached meta of `doc`: client-side navigation rewrites the tags in place. */
export function forgetMeta(doc: Document): void {
  cache.delete(doc);
}

export function metaFirst(doc: Document, ...names: string[]): string | undefined {
  const map = metaMap(doc);
  for (const n of names) {
    const v = map.get(n.toLowerCase())?.find((s) => s.trim());
    if (v) return v.trim();
  }
  return undefined;
}

export function metaAll(doc: Document, name: string): string[] {
  return (metaMap(doc).get(name.toLowerCase()) ?? []).map((s) => s.trim()).filter(Boolean);
}
