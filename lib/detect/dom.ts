// Small DOM helpers shared by site adapters (append only: several adapters use them).
import { arxivIdFromUrl, normalizeDoi } from '../paper/identity';
import { buildPaper, identityOf, makePaper, type Identity, type PaperInput } from '../paper/make';
import type { Identifiers, PaperMeta, PaperType } from '../paper/schema';
import { cleanText, textOf } from '../paper/text';
import { findTitleHeading } from './anchor';
import { highwire } from './generic/highwire';
import { metaAll, metaFirst } from './meta';
import type { Detection, Placement } from './types';
import { qs, qsa } from './select';

/** The texts of every `sel` under `root`, empty ones dropped. */
export function textsOf(root: ParentNode, sel: string): string[] {
  return qsa(root, sel).map(textOf).filter(Boolean);
}

/** A link's href resolved against the page URL (null if none or unparsable). */
export function hrefOf(a: Element | null | undefined, base: URL): URL | null {
  const href = a?.getAttribute('href');
  if (href == null) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** One pass over a listing's entries; an entry that fails is skipped, never the whole page. */
export function entries(root: ParentNode, sel: string, parse: (el: Element, url: URL) => Detection | null, url: URL): Detection[] {
  const out: Detection[] = [];
  for (const el of qsa(root, sel)) {
    try {
      const d = parse(el, url);
      if (d) out.push(d);
    } catch {
      /* odd markup in one entry */
    }
  }
  return out;
}

/**
 * A listing entry whose paper is built on first read. The key and title (all an inline control
 * needs) are read at once; `more` (authors, abstract…) and the paper itself wait until someone
 * reads `paper` (the report to the background, a click on Save), so the controls of a long
 * listing go in before the page's first layout and the rest runs after. Null when `input` has no
 * title or no identity, as makePaper. If `more` throws, the paper keeps what `input` had.
 */
export function lazyEntry(
  input: PaperInput,
  more: () => Omit<Partial<PaperInput>, 'ids' | 'title'>,
  url: URL,
  anchor: Element | null | undefined,
  placement: Placement,
): Detection | null {
  const title = cleanText(input.title);
  const identity = title ? identityOf(input.ids, url.href) : undefined;
  return identity?.key ? new LazyEntry(input, more, url.href, title, identity as Identity & { key: string }, anchor ?? undefined, placement) : null;
}

// A class, not an object literal with a getter: a listing makes thousands, and each literal
// would carry its own getter closure.
class LazyEntry implements Detection {
  readonly key: string;
  readonly placement: Placement | undefined;
  private built: PaperMeta | undefined;

  constructor(
    private readonly input: PaperInput,
    private readonly more: () => Omit<Partial<PaperInput>, 'ids' | 'title'>,
    private readonly baseUrl: string,
    readonly title: string,
    private readonly identity: Identity & { key: string },
    readonly anchor: Element | undefined,
    placement: Placement,
  ) {
    this.key = identity.key;
    this.placement = anchor ? placement : undefined;
  }

  get paper(): PaperMeta {
    if (!this.built) {
      let extra: Omit<Partial<PaperInput>, 'ids' | 'title'> = {};
      try {
        extra = this.more();
      } catch {
        /* odd markup in the entry: what it showed at once is kept */
      }
      // The title and identity read above, not read again: the key stays the one given.
      this.built = buildPaper({ ...this.input, ...extra }, this.title, this.identity, this.baseUrl);
    }
    return this.built;
  }
}

/**
 * The page title of a PDF (or bare) page when it names the paper: viewers show the file name
 * (`2401.01234v2.pdf`) or nothing when the PDF has no title metadata.
 */
export function pdfTitle(doc: Document, id: string): string | undefined {
  const t = cleanText(doc.title);
  return t && !t.includes(id) && !/\.pdf$|^(pdf|untitled|about:blank)$/i.test(t) ? t : undefined;
}

// --- listings and site-completed meta pages (pmlr, neurips, cvf, pubmed, biorxiv) ---

/** Names from `A, B and C` / `A; B` (NBSPs and stray spaces collapsed). */
export function splitNames(s: string | null | undefined): string[] {
  return cleanText(s)
    .split(/\s*[,;]\s*|\s+and\s+/)
    .filter(Boolean);
}

// Drops unset values so that they never overwrite known ones when objects are spread.
const set = <T extends object>(o: T = {} as T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && !v.length))) as T;

/**
 * A single-paper page: the page's citation_* meta over `base` (what the page shows), under `over`
 * (what the site adapter knows better). Null identity or title gives nothing.
 */
export function metaPaper(doc: Document, url: URL, over: Partial<PaperInput>, base: Partial<PaperInput> = {}, anchor?: Element | null): Detection[] {
  const hw = highwire(doc, url)[0];
  const input = { ...set(base), ...set(hw?.paper), ...set(over), ids: { ...set(base.ids), ...set(hw?.paper.ids), ...set(over.ids) } };
  const paper = makePaper(input, url.href);
  return paper ? [{ paper, anchor: hw?.anchor ?? anchor ?? undefined, placement: 'append' }] : [];
}

/**
 * A publisher's single-article page: the adapter gives identity, title and anchor, the generic
 * layer (`citation_*`, Dublin Core…) completes the rest under the same key.
 */
export function articlePage(doc: Document, url: URL, heading: Element | null, input: Omit<PaperInput, 'title'> & { title?: string }): Detection[] {
  const authors = metaAll(doc, 'citation_author');
  const paper = makePaper(
    {
      absUrl: url.href,
      ...input,
      title: input.title || metaFirst(doc, 'citation_title', 'dc.title') || textOf(heading),
      authors: input.authors?.length ? input.authors : authors,
      ids: { url: url.href, ...input.ids, doi: input.ids.doi ?? metaFirst(doc, 'citation_doi', 'prism.doi') },
    },
    url.href,
  );
  return paper ? [{ paper, anchor: heading ?? findTitleHeading(doc, paper.title), placement: 'append' }] : [];
}

// --- identifiers named by links (googlescholar, semanticscholar, dblp) ---

// A DOI in a link's path (`/doi/abs/10.1002/x`, `/article/10.1088/y/meta`) or in `?doi=`/`?id=`.
const DOI_IN_URL =
  /^[^?#]*?\/(10\.\d{4,9}\/[^?#]+?)(?:\/(?:abs|full|pdf|epdf|meta|html|fulltext))*\/?(?:[?#]|$)|[?&](?:doi|id)=(10\.\d{4,9}\/[^&#]+)/i;

/** The arXiv id or DOI a link names: arxiv.org/abs/…, doi.org/…, a DOI in a publisher's path. */
export function idsOfLink(href: string | null | undefined): { arxiv?: string; doi?: string } {
  const a = href ? arxivIdFromUrl(href) : null;
  if (a) return { arxiv: a.id + (a.version ? `v${a.version}` : '') };
  const m = href ? DOI_IN_URL.exec(href) : null;
  const doi = m && normalizeDoi(m[1] ?? m[2]);
  return doi ? { doi } : {};
}

/** The first arXiv id and the first DOI named by any of `links`. */
export function idsOfLinks(links: Iterable<Element>): { arxiv?: string; doi?: string } {
  const out: { arxiv?: string; doi?: string } = {};
  for (const l of links) {
    const ids = idsOfLink(l.getAttribute('href'));
    out.arxiv ??= ids.arxiv;
    out.doi ??= ids.doi;
  }
  return out;
}

// --- listing rows named by their title link (acm, wiley, springer, nature, sciencedirect) ---

export interface RowSpec {
  /** The title link, inside the row. */
  link: string;
  /** Where the paper's identity is: by default the DOI or arXiv id of the link. */
  ids?: (href: URL | null, row: Element) => Identifiers;
  authors?: string;
  venue?: string;
  date?: string;
  type?: (row: Element) => PaperType | undefined;
}

/** One listing row → a detection anchored on the title's heading (or after the bare link). */
export function rowPaper(row: Element, url: URL, spec: RowSpec, source: string): Detection | null {
  const link = qs(row, spec.link);
  if (!link) return null;
  const href = hrefOf(link, url);
  const one = (sel?: string) => (sel ? textOf(qs(row, sel)) || undefined : undefined);
  const paper = makePaper(
    {
      ids: spec.ids ? spec.ids(href, row) : idsOfLink(href?.href),
      title: textOf(link),
      authors: spec.authors ? textsOf(row, spec.authors).flatMap(splitNames) : [],
      venue: one(spec.venue),
      date: one(spec.date),
      type: spec.type?.(row),
      absUrl: href?.href,
      source,
    },
    url.href,
  );
  const heading = link.closest('h1, h2, h3, h4, h5, h6');
  return paper ? { paper, anchor: heading ?? link, placement: heading ? 'append' : 'after' } : null;
}
