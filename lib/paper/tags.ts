// Tags as the library keeps them: trimmed, inner whitespace collapsed, no empties, no repeats.

export function normalizeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  for (const t of tags) {
    const s = t.replace(/\s+/g, ' ').trim();
    if (s) seen.add(s);
  }
  return [...seen];
}
