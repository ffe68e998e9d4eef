/** "A. Author et al. · NeurIPS 2023" */
export function byline(p: { authors: string[]; venue?: string; year?: number }): string {
  const who = p.authors.length > 2 ? `${p.authors[0]}, ${p.authors[1]} et al.` : p.authors.join(' and ');
  return [who, [p.venue, p.year].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
}
