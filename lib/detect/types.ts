import type { PaperMeta } from '../paper/schema';

/** Where the inline control goes relative to its anchor element. */
export type Placement = 'append' | 'after' | 'before';

export interface Detection {
  /** May be built on first read (see lazyEntry): then `key` and `title` are given at once. */
  paper: PaperMeta;
  /** The paper's key and title, when known before `paper` is built. */
  key?: string;
  title?: string;
  /** Element the inline Save control attaches to (a title, a listing row). */
  anchor?: Element;
  placement?: Placement;
}

/**
 * One site. Pure: it reads `doc` and `url` it is given and never the page's globals,
 * so the same code runs in the content script, in unit tests and in benchmarks.
 */
export interface SiteAdapter {
  id: string;
  name: string;
  /** Host names handled (subdomains included): also the list of "known sites" in settings. */
  hosts: string[];
  /** Finer test than the host, when a site has pages of no interest. */
  test?(url: URL): boolean;
  /** Every paper on the page. */
  detect(doc: Document, url: URL): Detection[];
  /** For client-rendered listings: one entry's selector and parser, for incremental scans. */
  entrySelector?: string;
  parseEntry?(el: Element, url: URL): Detection | null;
  /**
   * The key of the one paper a page at this URL shows, where the URL alone names it: known
   * before the page is parsed, so that its highlights load meanwhile. Detection still decides.
   */
  keyAtUrl?(url: URL): string | undefined;
  /**
   * True where `detect` returns exactly the parsed entries (a listing page): a long listing is
   * then read entry by entry, its first screen first and the rest in idle time (lib/inline/session.ts).
   */
  entriesOnly?(url: URL): boolean;
  /** Example URLs of pages this adapter handles (checked by the registry meta-test). */
  examples: string[];
}

export type Generic = (doc: Document, url: URL) => Detection[];

/** A detection's key, without building a lazily built paper. */
export const keyOf = (d: Detection): string => d.key ?? d.paper.key;
