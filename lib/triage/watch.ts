// The watch list: keywords, authors, categories and venues; an entry that matches any of them is
// highlighted on its control and counted. Local and instant: rules are compiled once into folded
// words, and a match is a few word comparisons per entry.
import { words } from '../search/normalize';

export type WatchKind = 'keyword' | 'author' | 'category' | 'venue';

export interface WatchRule {
  kind: WatchKind;
  /** As the user wrote it (shown in tooltips). */
  label: string;
  words: string[];
  /** A trailing `*`: the last word matches as a prefix. */
  prefix: boolean;
}

/** What matching reads of a paper (a PaperMeta fits). */
export interface Watchable {
  title: string;
  authors: string[];
  abstract?: string;
  venue?: string;
  arxivCategory?: string;
}

const KINDS: Record<string, WatchKind> = { author: 'author', au: 'author', cat: 'category', category: 'category', venue: 'venue' };
export const MAX_WATCH_RULES = 200;

/**
 * One rule per line: `author: Hinton`, `cat: cs.LG` (or `cat: cs` for the whole archive),
 * `venue: NeurIPS`, anything else a keyword or phrase (`sparse routing`, `diffusion*`).
 * Blank lines and `#` comments are skipped; a line that folds to no word is ignored.
 */
export function compileWatchList(lines: string[]): WatchRule[] {
  const out: WatchRule[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-z]+)\s*:\s*(.+)$/i.exec(line);
    const kind = (m && KINDS[m[1].toLowerCase()]) || 'keyword';
    const term = kind === 'keyword' ? line : m![2].trim();
    const prefix = term.endsWith('*');
    const w = kind === 'category' ? [term.toLowerCase().replace(/\*$/, '')] : words(term);
    if (!w.length || !w[0]) continue;
    out.push({ kind, label: line, words: w, prefix });
    if (out.length >= MAX_WATCH_RULES) break;
  }
  return out;
}

/** Whether `phrase` occurs as consecutive words in `text` (the last one a prefix if asked). */
function hasPhrase(text: string[], phrase: string[], prefix: boolean): boolean {
  const last = phrase.length - 1;
  outer: for (let i = 0; i + last < text.length; i++) {
    for (let j = 0; j <= last; j++) {
      const t = text[i + j];
      const p = phrase[j];
      if (!(t === p || (prefix && j === last && t.startsWith(p)))) continue outer;
    }
    return true;
  }
  return false;
}

/** The rules a paper matches (empty: none). */
export function matchWatch(paper: Watchable, rules: WatchRule[]): WatchRule[] {
  if (!rules.length) return [];
  let text: string[] | undefined;
  let authors: string[][] | undefined;
  let venue: string[] | undefined;
  const out: WatchRule[] = [];
  for (const r of rules) {
    let hit = false;
    if (r.kind === 'keyword') {
      text ??= words(paper.title + ' ' + (paper.abstract ?? ''));
      hit = hasPhrase(text, r.words, r.prefix);
    } else if (r.kind === 'author') {
      authors ??= paper.authors.map(words);
      // Every word of the rule in one author's name: "hinton" matches "Geoffrey E. Hinton".
      hit = authors.some((a) => r.words.every((w) => a.includes(w)));
    } else if (r.kind === 'venue') {
      venue ??= words(paper.venue ?? '');
      hit = hasPhrase(venue, r.words, r.prefix);
    } else {
      const cat = (paper.arxivCategory ?? '').toLowerCase();
      const want = r.words[0];
      hit = !!cat && (cat === want || (!want.includes('.') && cat.startsWith(want + '.')) || (r.prefix && cat.startsWith(want)));
    }
    if (hit) out.push(r);
  }
  return out;
}
