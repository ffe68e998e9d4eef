import { cleanText } from '../paper/text';

/** The heading that shows `title`, for placing a control on single-paper pages. */
export function findTitleHeading(doc: Document, title: string): Element | undefined {
  const want = cleanText(title).toLowerCase();
  if (!want) return undefined;
  for (const h of doc.querySelectorAll('h1, h2')) {
    const got = cleanText(h.textContent).toLowerCase();
    if (got && (got === want || (got.length > 20 && (got.includes(want) || want.includes(got))))) return h;
  }
  return undefined;
}
