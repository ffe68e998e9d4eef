// The Save control of a paper whose title the page does not show (yet): fixed in a corner of the
// viewport where nothing of the page is under it; when every corner has content, at the top of
// the page in the flow of the document, so that it never covers anything.

export const CORNER_ATTR = 'data-papershelf-corner';

type Corner = readonly ['top' | 'bottom', 'left' | 'right'];
const CORNERS: Corner[] = [
  ['bottom', 'right'],
  ['top', 'right'],
  ['bottom', 'left'],
  ['top', 'left'],
];
const MEDIA = /^(IMG|VIDEO|CANVAS|SVG|IFRAME|INPUT|BUTTON|SELECT|TEXTAREA|A|LABEL|PICTURE|OBJECT|EMBED)$/i;

/** Whether `el` shows something itself (text of its own, media, a control), not a background. */
function isContent(el: Element): boolean {
  if (el.tagName === 'HTML' || el.tagName === 'BODY') return false;
  if (MEDIA.test(el.tagName)) return true;
  for (const n of el.childNodes) if (n.nodeType === 3 && n.nodeValue?.trim()) return true;
  return false;
}

/** Whether any of the rectangle's corners and centre has page content under it (not `host`). */
function covers(doc: Document, host: Element, r: DOMRect): boolean {
  const points = [
    [r.left + 1, r.top + 1],
    [r.right - 1, r.top + 1],
    [r.left + 1, r.bottom - 1],
    [r.right - 1, r.bottom - 1],
    [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
  ];
  return points.some(([x, y]) => doc.elementsFromPoint(x, y).some((el) => el !== host && !host.contains(el) && isContent(el)));
}

const set = (host: HTMLElement, props: Record<string, string>) => {
  for (const [k, v] of Object.entries(props)) host.style.setProperty(k, v, 'important');
};

/**
 * Puts `host` in a free corner (the `index`-th control of the page stacks above the others).
 * It goes to the first corner at once; which corner is free is measured after the page's next
 * frame, when its layout is done anyway: measuring now (at DOMContentLoaded) would force the
 * whole first layout of a long page into the content script's task.
 */
export function placeInCorner(doc: Document, host: HTMLElement, index = 0): void {
  host.setAttribute(CORNER_ATTR, '');
  (doc.body ?? doc.documentElement).append(host);
  set(host, { position: 'fixed', 'z-index': '2147483646', margin: '0' });
  const offset = `${12 + index * 34}px`;
  const put = ([v, h]: Corner) => {
    for (const k of ['top', 'bottom', 'left', 'right']) host.style.removeProperty(k);
    set(host, { [v]: offset, [h]: '12px' });
  };
  put(CORNERS[0]);
  // Without layout (a DOM without a renderer) any corner is as good as another.
  const win = doc.defaultView;
  if (typeof doc.elementsFromPoint !== 'function' || !win) return;
  win.requestAnimationFrame(() =>
    win.setTimeout(() => {
      if (host.isConnected && host.hasAttribute(CORNER_ATTR)) chooseCorner(doc, host, put);
    }, 0),
  );
}

function chooseCorner(doc: Document, host: HTMLElement, put: (c: Corner) => void): void {
  for (const c of CORNERS) {
    put(c);
    const r = host.getBoundingClientRect();
    if (r.width && !covers(doc, host, r)) return;
  }
  // Content in every corner: in the flow, at the top of the page.
  for (const k of ['position', 'z-index', 'top', 'bottom', 'left', 'right']) host.style.removeProperty(k);
  set(host, { display: 'block', width: 'max-content', margin: '6px 12px 6px auto' });
  (doc.body ?? doc.documentElement).prepend(host);
}
