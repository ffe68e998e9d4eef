import { cleanText } from '../paper/text';

// Where a page shows its paper's title: headings first, then prominent elements (a headline, a
// title-named block). A site-name h1 or a section-label h2 does not match the text and is passed.
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const PROMINENT = '[itemprop="headline"], [itemprop="name"], [class*="title" i], [id*="title" i], strong, b';
const norm = (s: string | null | undefined) =>
  cleanText(s)
    .toLowerCase()
    .replace(/[\s.:;,!?]+$/, '');

/**
 * The element that shows `title`, for placing a control on single-paper pages: an exact match
 * in the headings, then in prominent elements, then a heading that holds the title with little
 * more (a subtitle, a kind label) or the title cut short. Pages rendered by script may show it
 * only later: the inline session asks again then.
 */
export function findTitleHeading(doc: Document, title: string): Element | undefined {
  const want = norm(title);
  if (!want) return undefined;
  const close = (got: string) =>
    got.length > 20 && ((got.includes(want) && got.length <= want.length * 2) || (want.includes(got) && got.length * 2 >= want.length));
  for (const sel of [HEADINGS, PROMINENT]) {
    const list = [...doc.querySelectorAll(sel)].filter((el) => !el.closest('head, papershelf-save'));
    const texts = list.map((el) => norm(el.textContent));
    let exact = texts.indexOf(want);
    if (exact >= 0) {
      // The innermost element of that text (a block wrapping a title span shows the same text).
      for (let j = exact + 1; j < list.length; j++) if (texts[j] === want && list[exact].contains(list[j])) exact = j;
      return list[exact];
    }
    const near = texts.findIndex(close);
    if (near >= 0) return list[near];
  }
  return undefined;
}
