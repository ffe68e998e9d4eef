// schema.org JSON-LD (`<script type="application/ld+json">`): ScholarlyArticle and kin, also inside
// `@graph`, `mainEntity` and item lists. A news `Article` or a `WebPage` counts only with a DOI.
import { normalizeDoi, parseArxivId } from '../../paper/identity';
import { makePaper } from '../../paper/make';
import type { PaperType } from '../../paper/schema';
import { findTitleHeading } from '../anchor';
import { idsOfLink } from '../dom';
import type { Detection } from '../types';

type Rec = Record<string, unknown>;

const PAPER = /^(Scholarly|MedicalScholarly)Article$|^(Report|Thesis|Chapter)$/;
const MAYBE = /Article$|^(WebPage|ItemPage|CreativeWork)$/;
/** Larger scripts are some app's state, not metadata: not worth parsing on every page. */
export const MAX_JSONLD = 1_000_000;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);
const rec = (v: unknown): Rec | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined);
const nameOf = (v: unknown) =>
  str(v) ?? str(rec(v)?.name) ?? ([str(rec(v)?.givenName), str(rec(v)?.familyName)].filter(Boolean).join(' ') || undefined);

/** Every typed object reachable through the containers that hold a page's main items. */
function jsonldItems(doc: Document): Rec[] {
  const out: Rec[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6) return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    const o = rec(v);
    if (!o) return;
    if (o['@type']) out.push(o);
    for (const k of ['@graph', 'mainEntity', 'itemListElement', 'item']) walk(o[k], depth + 1);
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = s.textContent ?? '';
    if (text.length > MAX_JSONLD || !/ScholarlyArticle|"(Report|Thesis|Chapter)"|10\.\d{4,9}\/|arxiv/i.test(text)) continue;
    try {
      walk(JSON.parse(text), 0);
    } catch {
      /* broken JSON is the page's own business */
    }
  }
  return out;
}

function idsOf(o: Rec): { doi?: string; arxiv?: string } {
  const ids: { doi?: string; arxiv?: string } = {};
  for (const v of [...list(o.sameAs), ...list(o.identifier), ...list(o.url), o['@id']]) {
    const pv = rec(v);
    const s = str(pv ? pv.value : v);
    if (!s) continue;
    const arxivProp = /arxiv/i.test(str(pv?.propertyID) ?? '');
    ids.doi ??= (!arxivProp && normalizeDoi(s)) || undefined;
    ids.arxiv ??= idsOfLink(s).arxiv ?? ((arxivProp || /^arxiv:/i.test(s)) && parseArxivId(s) ? s : undefined);
  }
  return ids;
}

export function jsonld(doc: Document, url: URL): Detection[] {
  const items = jsonldItems(doc)
    .map((o) => ({ o, types: list(o['@type']).map(str), ids: idsOf(o) }))
    .filter(({ types, ids }) => types.some((t) => t && PAPER.test(t)) || ((ids.doi || ids.arxiv) && types.some((t) => t && MAYBE.test(t))));
  const out: Detection[] = [];
  for (const { o, types, ids } of items) {
    let venue: string | undefined, volume: string | undefined, number: string | undefined;
    for (let p = rec(list(o.isPartOf)[0]), i = 0; p && i < 4; p = rec(list(p.isPartOf)[0]), i++) {
      venue = str(p.name) ?? venue;
      volume ??= str(p.volumeNumber);
      number ??= str(p.issueNumber);
    }
    const own = str(o.url) ?? str(o['@id']);
    const start = str(o.pageStart);
    const type: PaperType | undefined = types.some((t) => t && /^(Report|Thesis|Chapter)$/.test(t)) ? 'other' : undefined;
    const paper = makePaper(
      {
        ids: { ...ids, url: own && /^https?:/.test(own) ? own : items.length === 1 ? url.href : undefined },
        title: str(o.name) || str(o.headline),
        authors: list(o.author ?? o.creator).map(nameOf),
        date: str(o.datePublished) ?? str(o.dateCreated),
        venue,
        type,
        abstract: str(o.abstract) ?? str(o.description),
        absUrl: own ?? url.href,
        source: url.hostname.replace(/^www\./, ''),
        volume,
        number,
        pages: str(o.pagination) ?? (start ? [start, str(o.pageEnd)].filter(Boolean).join('--') : undefined),
        publisher: nameOf(o.publisher),
      },
      url.href,
    );
    if (paper) out.push({ paper, anchor: findTitleHeading(doc, paper.title) });
  }
  return out;
}
