// Markdown reading list: one item per paper with its link, authors, year, venue, tags and note.
import { doiUrl } from '../paper/identity';
import type { Highlight } from '../paper/highlight';
import type { Paper } from '../paper/schema';
import { textFragmentUrl } from '../paper/fragment';
import { cleanField } from './latex';

/** Escapes what Markdown would read as markup (links, emphasis, code, HTML, headings). */
export function escapeMarkdown(s: string): string {
  return cleanField(s).replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&');
}

function authorsLine(authors: string[]): string {
  if (authors.length > 5) return `${authors.slice(0, 5).join(', ')} et al.`;
  return authors.join(', ');
}

function safeUrl(u: string | undefined): string | undefined {
  return u && /^https?:\/\//i.test(u) ? u.replace(/[()<>\s]/g, encodeURIComponent) : undefined;
}

/** Highlights as Obsidian-friendly quote blocks, each with a deep link to its passage. */
function highlightsMarkdown(hs: Highlight[]): string {
  return hs
    .map((h) => {
      const quote = h.selectors.quote.exact.replace(/\s+/g, ' ').replace(/[<>]/g, '\\$&');
      const link = safeUrl(textFragmentUrl(h.url, h.selectors.quote.exact));
      const lines = [`  > ${quote}${link ? ` [↗](${link})` : ''}`];
      const comment = h.comment?.trim();
      if (comment) lines.push('  >', ...comment.split(/\r?\n/).map((l) => `  > ${l.replace(/[<>]/g, '\\$&')}`.trimEnd()));
      return lines.join('\n');
    })
    .join('\n\n');
}

export function paperToMarkdown(p: Paper, highlights: Highlight[] = []): string {
  const url = safeUrl(p.absUrl ?? p.ids.url ?? (p.ids.arxiv ? `https://arxiv.org/abs/${p.ids.arxiv}` : p.ids.doi ? doiUrl(p.ids.doi) : undefined));
  const title = escapeMarkdown(p.title);
  const head = url ? `[${title}](${url})` : `**${title}**`;
  const bits = [authorsLine(p.authors.map(escapeMarkdown)), p.year && `(${p.year})`, p.venue && `*${escapeMarkdown(p.venue)}*`].filter(Boolean);
  let out = `- ${head}${bits.length ? ' — ' + bits.join(' ') : ''}`;
  if (p.tags.length) out += `\n  Tags: ${p.tags.map((t) => '`' + cleanField(t).replace(/`/g, "'") + '`').join(' ')}`;
  const note = p.note.trim();
  if (note)
    out +=
      '\n' +
      note
        .split(/\r?\n/)
        .map((l) => `  > ${l.replace(/[<>]/g, '\\$&')}`.trimEnd())
        .join('\n');
  if (highlights.length) out += `\n\n  Highlights:\n\n${highlightsMarkdown(highlights)}\n`;
  return out;
}

/** `highlights`: each paper's highlights by its key (issue 20), listed under the paper. */
export function toMarkdown(papers: Paper[], heading = 'Papers', highlights?: Map<string, Highlight[]>): string {
  return `# ${escapeMarkdown(heading)}\n\n${papers.map((p) => paperToMarkdown(p, highlights?.get(p.key))).join('\n')}\n`;
}
