// Tags as stored: whitespace collapsed, empty ones dropped, each once, in first-seen order.

export function normalizeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  for (const t of tags) {
    const s = t.replace(/\s+/g, ' ').trim();
    if (s) seen.add(s);
  }
  return [...seen];
}
