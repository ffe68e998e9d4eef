// Access to the shared corpus of real pages (../shared/corpus). It is read at test time and never
// copied into the repository; where it is absent, the tests that need it skip and say why.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS_DIR = resolve(process.env.PAPERSHELF_CORPUS ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus'));
export const corpusPresent = existsSync(join(CORPUS_DIR, 'expected'));

export interface ExpectedPaper {
  title: string;
  doi?: string;
  arxiv?: string;
  pmid?: string;
  pmcid?: string;
  acl?: string;
  dblp?: string;
  s2?: string;
}

export interface CorpusCase {
  name: string;
  url: string;
  kind: 'single' | 'listing' | 'none';
  count: number;
  papers: ExpectedPaper[];
  html: () => string;
}

export function corpusCases(): CorpusCase[] {
  if (!corpusPresent) return [];
  return readdirSync(join(CORPUS_DIR, 'expected'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.json$/, '');
      const exp = JSON.parse(readFileSync(join(CORPUS_DIR, 'expected', f), 'utf8')) as Omit<CorpusCase, 'name' | 'html'>;
      return { ...exp, name, html: () => readFileSync(join(CORPUS_DIR, 'pages', `${name}.html`), 'utf8') };
    });
}

export const CORPUS_SKIP_MESSAGE = `shared corpus not found at ${CORPUS_DIR}: corpus tests skipped (CI has it beside the clone)`;
