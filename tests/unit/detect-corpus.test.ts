// The real pages of ../shared/corpus, against their expected detections.
import { describe, expect, it } from 'vitest';
import { runDetection } from '@/lib/detect/registry';
import type { PaperMeta } from '@/lib/paper/schema';
import { cleanText } from '@/lib/paper/text';
import { parsePage } from '../helpers/dom';
import { CORPUS_SKIP_MESSAGE, corpusCases, corpusPresent, type ExpectedPaper } from '../helpers/corpus';

/** Pages whose site adapter has not landed yet (the detection-engine issue empties this list). */
export const PENDING = new Set<string>([]);

const norm = (s: string) => cleanText(s).toLowerCase();

export function matchesExpected(p: PaperMeta, want: ExpectedPaper): boolean {
  if (norm(p.title) !== norm(want.title)) return false;
  if (want.doi && p.ids.doi?.toLowerCase() !== want.doi.toLowerCase()) return false;
  if (want.arxiv && p.ids.arxiv !== want.arxiv.replace(/v\d+$/, '')) return false;
  for (const k of ['pmid', 'pmcid', 'acl', 'dblp', 's2'] as const) if (want[k] && p.ids[k] !== want[k]) return false;
  return true;
}

describe.skipIf(!corpusPresent)('shared corpus', () => {
  for (const c of corpusCases()) {
    // Real pages reach 1 MB: parsing them in happy-dom takes seconds on a busy machine.
    it.skipIf(PENDING.has(c.name))(`${c.name} (${c.kind}, ${c.count})`, { timeout: 30_000 }, () => {
      const { detections, errors } = runDetection(parsePage(c.html()), new URL(c.url));
      expect(errors).toEqual([]);
      const papers = detections.map((d) => d.paper);
      expect(papers, papers.map((p) => `${p.key} ${p.title}`).join('\n')).toHaveLength(c.count);
      for (const want of c.papers) {
        expect(
          papers.some((p) => matchesExpected(p, want)),
          `missing: ${JSON.stringify(want)}\nfound:\n${papers.map((p) => `${p.key} | ${p.title} | ${JSON.stringify(p.ids)}`).join('\n')}`,
        ).toBe(true);
      }
    });
  }
});

if (!corpusPresent) {
  describe('shared corpus', () => {
    it.skip(CORPUS_SKIP_MESSAGE, () => {});
  });
  console.warn(CORPUS_SKIP_MESSAGE);
}
