/** Offers `text` as a file download through a plain `<a download>`: no permission needed. */
export function downloadText(doc: Document, filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function datedName(ext: string, date = new Date()): string {
  return `papershelf-${date.toISOString().slice(0, 10)}.${ext}`;
}
