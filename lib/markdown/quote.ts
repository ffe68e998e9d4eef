/** `text` as a Markdown block quote appended to `note` (a blank line apart). */
export function appendQuote(note: string, text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((l) => l.trim());
  if (!lines.join('')) return note;
  // Runs of blank lines inside the selection become one quoted blank line.
  const quote = lines
    .filter((l, i) => l || lines[i - 1])
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
  const head = note.replace(/\s+$/, '');
  return head ? `${head}\n\n${quote}\n` : `${quote}\n`;
}
