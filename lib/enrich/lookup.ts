// Which services to ask about one paper, and in what order their answers apply: arXiv first
// (it knows its preprints best), then the published version (Crossref, then Semantic Scholar),
// OpenReview, and last arXiv's free-text journal_ref as a fallback venue.
import type { Paper } from '../paper/schema';
import { yearOf } from '../paper/text';
import { toCompletion, type ArxivEntry } from './arxiv';
import { isPreprintDoi, type Completion } from './completion';
import { fetchCrossref } from './crossref';
import { LookupError, type FetchFn } from './http';
import { fetchOpenReview } from './openreview';
import { fetchSemanticScholar } from './semanticscholar';

export interface ApiBases {
  arxiv: string;
  crossref: string;
  s2: string;
  openreview: string;
}
export const API_BASES: ApiBases = {
  arxiv: 'https://export.arxiv.org',
  crossref: 'https://api.crossref.org',
  s2: 'https://api.semanticscholar.org',
  openreview: 'https://api2.openreview.net',
};

export interface Lookup {
  completions: Completion[];
  /** The first failure worth retrying (offline, timeout, 429, 5xx). */
  failure?: LookupError;
}

const published = (doi: string | undefined) => (doi && !isPreprintDoi(doi) ? doi : undefined);

function journalRef(ref: string): Completion {
  const conf = /\b(proc\.|proceedings|conference|workshop|symposium|neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|ijcai)\b/i.test(ref);
  return { from: 'arxiv journal_ref', ids: {}, venue: ref, type: conf ? 'conference' : 'journal', year: yearOf(ref) };
}

export async function lookupPaper(paper: Paper, arxiv: ArxivEntry | undefined, f: FetchFn, bases: ApiBases = API_BASES): Promise<Lookup> {
  const out: Lookup = { completions: [] };
  const attempt = async <T>(fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof LookupError)) throw e;
      if (e.retryable) out.failure ??= e;
      return null;
    }
  };
  const ax = arxiv && toCompletion(arxiv);
  if (ax) out.completions.push(ax);
  const crossref = async (doi: string) => {
    const cr = await attempt(() => fetchCrossref(f, doi, bases.crossref));
    if (cr) out.completions.push(cr);
    // A preprint DOI (bioRxiv…) whose record names the published DOI.
    if (cr?.publishedDoi && cr.type === 'preprint') {
      const pub = await attempt(() => fetchCrossref(f, cr.publishedDoi!, bases.crossref));
      if (pub) out.completions.push(pub);
    }
    return cr;
  };
  const doi = published(paper.ids.doi) ?? published(ax?.ids.doi);
  const cr = doi ? await crossref(doi) : null;
  // Semantic Scholar links a preprint to its published DOI, and covers what Crossref does not.
  if (!doi || (!cr && !out.failure)) {
    const s2 = await attempt(() => fetchSemanticScholar(f, { ...paper.ids, ...ax?.ids }, bases.s2));
    const s2doi = published(s2?.ids.doi);
    if (s2doi && !doi) await crossref(s2doi);
    if (s2) out.completions.push(s2);
  }
  if (paper.ids.openreview) {
    const or = await attempt(() => fetchOpenReview(f, paper.ids.openreview!, bases.openreview));
    if (or) out.completions.push(or);
  }
  if (arxiv?.journalRef) out.completions.push(journalRef(arxiv.journalRef));
  return out;
}
