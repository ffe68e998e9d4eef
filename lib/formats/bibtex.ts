// BibTeX export (first version: the walking skeleton; extended by the options-page work).
import type { Paper } from '../paper/schema';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

export function escapeBib(s: string): string {
  return s.replace(/[\\{}#$%&_~^]/g, (c) => SPECIAL[c]);
}

function family(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

export function citationKey(p: Paper): string {
  const fam = (p.authors[0] ? family(p.authors[0]) : 'anon').normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase() || 'anon';
  const word = p.title.normalize('NFKD').toLowerCase().split(/[^a-z0-9]+/).find((w) => w.length > 3) ?? 'paper';
  return `${fam}${p.year ?? ''}${word}`;
}

export function toBibtex(papers: Paper[]): string {
  return papers
    .map((p) => {
      const fields: [string, string][] = [
        ['title', `{${escapeBib(p.title)}}`],
        ['author', p.authors.map(escapeBib).join(' and ')],
        ['year', p.year ? String(p.year) : ''],
        ['eprint', p.ids.arxiv ?? ''],
        ['archivePrefix', p.ids.arxiv ? 'arXiv' : ''],
        ['doi', p.ids.doi ?? ''],
        ['url', p.absUrl ?? ''],
      ];
      const body = fields.filter(([, v]) => v).map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
      return `@misc{${p.citationKey ?? citationKey(p)},\n${body}\n}\n`;
    })
    .join('\n');
}
