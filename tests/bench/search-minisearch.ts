// The MiniSearch alternative, measured against lib/search/index.ts by search-bench.ts.
// Same query parser, filters and top-k; only the text matching differs.
import MiniSearch from 'minisearch';
import type { Paper } from '../../lib/paper/schema';
import { matchesAll, toSearchDoc, type SearchDoc } from '../../lib/search/filters';
import { FUZZY_MIN_LENGTH } from '../../lib/search/inverted';
import { fold, words } from '../../lib/search/normalize';
import { parseQuery } from '../../lib/search/query';
import { orderComparator, topK } from '../../lib/search/sort';

const BOOST = { title: 32, authors: 16, tags: 8, venue: 4, note: 2, abstract: 1 };

export function createMiniSearchIndex(papers: Paper[]) {
  const docs: SearchDoc[] = papers.map((p) => toSearchDoc(p));
  const ms = new MiniSearch<Paper & { id: number }>({
    fields: Object.keys(BOOST),
    tokenize: words,
    processTerm: (t) => fold(t),
    extractField: (doc, field) => {
      const v = (doc as unknown as Record<string, unknown>)[field];
      return Array.isArray(v) ? v.join(' ') : v;
    },
  });
  ms.addAll(papers.map((p, id) => ({ ...p, id })));
  return { ms, docs };
}

export function searchMiniSearch(index: ReturnType<typeof createMiniSearchIndex>, input: string, limit = 50) {
  const { ms, docs } = index;
  const q = parseQuery(input);
  const text = q.terms.filter((t) => !t.negated).flatMap((t) => t.words);
  const score = new Float32Array(docs.length);
  let candidates: number[];
  if (text.length) {
    const hits = ms.search(text.join(' '), {
      prefix: true,
      fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? 1 : false),
      combineWith: 'AND',
      boost: BOOST,
    });
    candidates = hits.map((h) => h.id as number);
    for (const h of hits) score[h.id as number] = h.score;
  } else candidates = docs.map((_, i) => i);
  const result = candidates.filter((id) => matchesAll(docs[id], q.filters));
  const added = orderComparator('added', docs);
  const cmp = text.length ? (a: number, b: number) => score[b] - score[a] || added(a, b) : added;
  return { keys: topK(result, cmp, limit).map((id) => docs[id].paper.key), total: result.length };
}
