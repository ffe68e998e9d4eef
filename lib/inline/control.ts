// The inline Save control: a small button in a shadow root, so page CSS can't restyle it and
// page text is only ever set as text. Works in any document (no browser APIs here).

export const HOST_TAG = 'papershelf-save';

// The host's negative vertical margins keep its box within the line it sits in: a control that
// makes an entry taller moves every entry below it, and a listing's next frame then lays out
// and repaints the whole list (PrePaint and Layout: 1.6× the frame on 2,000 arXiv entries).
const STYLE = `
:host{all:initial;display:inline-block;vertical-align:middle;margin:-4px .4em;line-height:1}
button{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:.3em;cursor:pointer;
font:600 11px/1 system-ui,-apple-system,"Segoe UI",sans-serif;letter-spacing:.01em;padding:3px 8px 3px 6px;
border-radius:999px;border:1px solid #b4c2d9;background:#f5f8fd;color:#1f3b6e;white-space:nowrap;
transition:background .12s,border-color .12s}
button:hover{background:#e6eefb;border-color:#7f9ccc}
button:focus-visible{outline:2px solid #2563eb;outline-offset:2px}
button[aria-pressed=true]{background:#e7f6ec;border-color:#86c79a;color:#17603a}
button[aria-busy=true]{opacity:.6;cursor:progress}
svg{width:12px;height:12px;flex:none}
:host([data-dark]) button{background:#1c2740;border-color:#5a76ad;color:#d6e2ff}
:host([data-dark]) button:hover{background:#24345a}:host([data-dark]) button:focus-visible{outline-color:#8fb0ff}
:host([data-dark]) button[aria-pressed=true]{background:#163523;border-color:#3f9a62;color:#b9f0cd}
.dismiss{display:none;margin-left:.25em;padding:3px 6px;font-weight:500;color:#5d6a80;border-color:#cfd6e2;background:#fff}
:host([data-papershelf-triage]) .dismiss{display:inline-flex}
.dismiss[aria-pressed=true]{background:#f1f2f4;border-color:#9aa3b2;color:#3b4252}
.mark{display:none;margin-left:.3em;font:700 10px/1 system-ui,sans-serif;padding:2px 5px;border-radius:4px;vertical-align:middle}
:host([data-papershelf-new]) .mark,:host([data-papershelf-watch]) .mark{display:inline-block;background:#fff3c4;color:#7a4b00}
:host([data-papershelf-watch]) .save{box-shadow:0 0 0 2px #f5b301}
:host([data-dark]) .dismiss{background:#1c2740;border-color:#4a5a7a;color:#c3cde0}
:host([data-dark][data-papershelf-new]) .mark,:host([data-dark][data-papershelf-watch]) .mark{background:#4a3b07;color:#ffe9a8}
`;

const BOOKMARK = 'M4 2h8a1 1 0 0 1 1 1v11l-5-3-5 3V3a1 1 0 0 1 1-1z';
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ControlHandle {
  host: HTMLElement;
  setSaved(saved: boolean): void;
  setBusy(busy: boolean): void;
  /**
   * Matches the control to the page around it (dark sites get the dark look): once placed, or
   * before, given the element it goes in (`behind`); `memo` is shared by the page's controls.
   */
  fit(memo?: DarkMemo, behind?: Element): void;
  /**
   * Daily triage's marks (lib/inline/triage.ts): New, Dismissed and watch-list matches as host
   * attributes and a small label. The mark and the Dismiss button are built with the control
   * (cloned, hidden until the first call shows them): a look writes attributes, it inserts no
   * node in 2,000 shadow roots, and writes only what changed.
   */
  setTriage(t: TriageLook): void;
}

export interface TriageLook {
  isNew: boolean;
  dismissed: boolean;
  /** Watch-list rules matched (empty: none). */
  watch: string[];
}

/**
 * What isDarkBehind learnt of a page's colours, shared by every control of a page: each element
 * is read once, and entries of one shape (the same tags and classes up to an element already
 * read) are answered without a read at all — a listing's 2,000 entries cost a few style reads.
 */
export class DarkMemo {
  readonly byElement = new WeakMap<Element, boolean>();
  /** By a known ancestor, then by the shape of the path down from it (see shapeOf). */
  readonly byShape = new WeakMap<Element, Map<string, boolean>>();
}

const shapeOf = (path: Element[]) => path.map((e) => `${e.tagName}.${e.getAttribute('class') ?? ''}`).join('<');

/**
 * Whether the page is dark behind `el`: the first mostly opaque background up the tree decides
 * (the system theme says nothing about a site's colours). `memo` carries the answers between
 * calls (see DarkMemo).
 */
export function isDarkBehind(el: Element, memo: DarkMemo = new DarkMemo()): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  // The elements up to the first one already known.
  const path: Element[] = [];
  let known: Element | null = el;
  let above: boolean | undefined;
  for (; known && above === undefined; known = known.parentElement) {
    above = memo.byElement.get(known);
    if (above === undefined) path.push(known);
    else break;
  }
  if (!path.length) return above!;
  // An inline style makes an entry unlike its siblings: read it.
  const shape = known && !path.some((e) => e.hasAttribute('style')) ? shapeOf(path) : undefined;
  const shapes = known ? memo.byShape.get(known) : undefined;
  const same = shape !== undefined ? shapes?.get(shape) : undefined;
  if (same !== undefined) return same;
  let dark: boolean | undefined;
  let read = 0;
  for (; read < path.length && dark === undefined; read++) {
    const bg = view.getComputedStyle(path[read]).backgroundColor;
    // Most of a page is transparent: no need to parse it (a listing has thousands of entries).
    if (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent') continue;
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(bg);
    if (m && (m[4] === undefined || Number(m[4]) >= 0.5)) dark = 0.2126 * +m[1] + 0.7152 * +m[2] + 0.0722 * +m[3] < 128;
  }
  dark ??= above;
  if (dark === undefined) {
    // Transparent up to the root: the canvas, white unless the page asks for a dark scheme.
    const scheme = view.getComputedStyle(el.ownerDocument.documentElement).colorScheme;
    dark = /dark/.test(scheme) && (!/light/.test(scheme) || view.matchMedia('(prefers-color-scheme: dark)').matches);
  }
  for (const e of path.slice(0, read)) memo.byElement.set(e, dark);
  if (known && shape !== undefined) {
    if (shapes) shapes.set(shape, dark);
    else memo.byShape.set(known, new Map([[shape, dark]]));
  }
  return dark;
}

// One stylesheet shared by every control of a page (a listing has thousands), where supported.
const sheets = new WeakMap<Document, CSSStyleSheet | null>();
function sharedSheet(doc: Document): CSSStyleSheet | null {
  if (!sheets.has(doc)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      const Sheet = doc.defaultView?.CSSStyleSheet;
      if (Sheet && 'replaceSync' in Sheet.prototype) {
        sheet = new Sheet();
        sheet.replaceSync(STYLE);
      }
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
  }
  return sheets.get(doc)!;
}

/** Sets what a button shows for a saved state; `short` is the paper's title, shortened. */
function paint(button: HTMLButtonElement, saved: boolean, short: string): void {
  button.setAttribute('aria-pressed', String(saved));
  button.setAttribute('aria-label', ariaLabel(saved, short));
  button.title = saved ? 'Saved in Papershelf — click to remove (only if it has no note or tags)' : 'Save to Papershelf';
  button.lastChild!.textContent = saved ? 'Saved' : 'Save';
  (button.firstChild!.firstChild as Element).setAttribute('fill', saved ? 'currentColor' : 'none');
}
const ariaLabel = (saved: boolean, short: string) => (saved ? `Saved in Papershelf: ${short}` : `Save to Papershelf: ${short}`);

/**
 * A control's button (icon and label) in the not-saved state, built node by node once per
 * document (no markup strings: pages enforcing Trusted Types don't object), then cloned.
 */
const prototypes = new WeakMap<Document, HTMLButtonElement>();
function buttonPrototype(doc: Document): HTMLButtonElement {
  let button = prototypes.get(doc);
  if (!button) {
    button = doc.createElement('button');
    button.type = 'button';
    button.className = 'save';
    const svg = doc.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('aria-hidden', 'true');
    const path = doc.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', BOOKMARK);
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '1.6');
    path.setAttribute('stroke-linejoin', 'round');
    svg.append(path);
    button.append(svg, doc.createElement('span'));
    paint(button, false, '');
    prototypes.set(doc, button);
  }
  return button;
}

/** Triage's New mark and Dismiss button (not dismissed), built once per document, then cloned. */
const triagePrototypes = new WeakMap<Document, DocumentFragment>();
function triagePrototype(doc: Document): DocumentFragment {
  let frag = triagePrototypes.get(doc);
  if (!frag) {
    frag = doc.createDocumentFragment();
    const mark = doc.createElement('span');
    mark.className = 'mark';
    mark.textContent = 'New';
    mark.title = NEW_TITLE;
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'dismiss';
    paintDismiss(b, false, '');
    frag.append(mark, b);
    triagePrototypes.set(doc, frag);
  }
  return frag;
}
const NEW_TITLE = 'Not seen before';

function paintDismiss(b: HTMLButtonElement, dismissed: boolean, short: string): void {
  b.setAttribute('aria-pressed', String(dismissed));
  // The name starts with "Dismiss" in both states (tests and screen readers rely on it).
  b.setAttribute('aria-label', dismissed ? `Dismissed, click to undo: ${short}` : `Dismiss: ${short}`);
  b.title = dismissed ? 'Dismissed — click to undo' : 'Not interested: dim it on every listing';
  b.textContent = dismissed ? 'Undo' : '✕';
}

/**
 * The page's view of a control's events, for every control of a document at once: listeners on
 * the window, in the capture phase, so they run before the page's own listeners on the entry
 * (a row that navigates on mousedown, a link the control sits beside) and the page never sees
 * the events; one set per document instead of five listeners per control. From the window, an
 * event inside a control is retargeted to its host, which is how the control is found.
 */
interface Wiring {
  button: HTMLButtonElement;
  activate(): void;
  dismissButton?: HTMLButtonElement;
  dismiss(): void;
}
const wired = new WeakMap<Document, WeakMap<Element, Wiring>>();
function wiringOf(doc: Document): WeakMap<Element, Wiring> {
  let byHost = wired.get(doc);
  if (!byHost) {
    const hosts = (byHost = new WeakMap());
    const target: EventTarget = doc.defaultView ?? doc;
    // Browsers retarget to the host already; a DOM without retargeting (tests) gives the node.
    const hostOf = (t: EventTarget | null): Element | undefined => {
      if (!(t instanceof Element)) return undefined;
      if (hosts.has(t)) return t;
      const host = (t.getRootNode() as Partial<ShadowRoot>).host;
      return host && hosts.has(host) ? host : undefined;
    };
    const stop = (e: Event) => {
      if (hostOf(e.target)) e.stopPropagation();
    };
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup'] as const) target.addEventListener(type, stop, true);
    target.addEventListener(
      'click',
      (e) => {
        const host = hostOf(e.target);
        const w = host && hosts.get(host);
        if (!w) return;
        // The page must not navigate (controls sit beside links) nor see the click.
        e.preventDefault();
        e.stopPropagation();
        // Only trusted clicks (a keyboard activation is one) on the button itself: a page
        // script can't save for the user.
        if (!e.isTrusted) return;
        const path = e.composedPath();
        if (path.includes(w.button)) w.activate();
        else if (w.dismissButton && path.includes(w.dismissButton)) w.dismiss();
      },
      true,
    );
    wired.set(doc, hosts);
  }
  return byHost;
}

/** One control; its wiring entry too (what the window listeners call). */
class Control implements ControlHandle, Wiring {
  private saved = false;
  /** What the triage nodes show now (undefined: never shown), so that a look writes only changes. */
  private shown?: { isNew: boolean; dismissed: boolean; mark: string; watch: string };

  constructor(
    readonly host: HTMLElement,
    readonly button: HTMLButtonElement,
    private readonly short: string,
    private readonly onActivate: (saved: boolean) => void,
    private readonly onDismiss?: (dismissed: boolean) => void,
    readonly dismissButton?: HTMLButtonElement,
    private readonly mark?: HTMLElement,
  ) {}

  activate(): void {
    if (this.button.getAttribute('aria-busy') !== 'true') this.onActivate(this.saved);
  }

  dismiss(): void {
    this.onDismiss?.(this.host.hasAttribute('data-papershelf-dismissed'));
  }

  setTriage(t: TriageLook): void {
    const host = this.host;
    const watch = t.watch.join('; ');
    const mark = t.watch.length ? (t.isNew ? '★ New' : '★') : 'New';
    const was = this.shown;
    if (was && was.isNew === t.isNew && was.dismissed === t.dismissed && was.mark === mark && was.watch === watch) return;
    this.shown = { isNew: t.isNew, dismissed: t.dismissed, mark, watch };
    // Shows the mark's and the Dismiss button's places (see STYLE); nothing is inserted.
    if (this.dismissButton) host.setAttribute('data-papershelf-triage', '');
    host.toggleAttribute('data-papershelf-new', t.isNew);
    host.toggleAttribute('data-papershelf-dismissed', t.dismissed);
    if (watch !== (was?.watch ?? '')) {
      if (watch) host.setAttribute('data-papershelf-watch', watch.slice(0, 300));
      else host.removeAttribute('data-papershelf-watch');
    }
    if (this.mark && (mark !== (was?.mark ?? 'New') || watch !== (was?.watch ?? ''))) {
      this.mark.textContent = mark;
      this.mark.title = watch ? `Matches your watch list: ${watch}` : NEW_TITLE;
    }
    const b = this.dismissButton;
    if (b && t.dismissed !== (was?.dismissed ?? false)) paintDismiss(b, t.dismissed, this.short);
  }

  setSaved(next: boolean): void {
    if (next !== this.saved) {
      this.saved = next;
      paint(this.button, next, this.short);
    }
  }

  fit(memo?: DarkMemo, behind: Element = this.host.parentElement ?? this.host): void {
    // The host itself is always transparent (`all: initial`): the page's colours start above it.
    this.host.toggleAttribute('data-dark', isDarkBehind(behind, memo));
  }

  setBusy(busy: boolean): void {
    if (busy) this.button.setAttribute('aria-busy', 'true');
    else this.button.removeAttribute('aria-busy');
  }
}

/**
 * Builds one control. `onActivate` is called only for trusted user clicks (or keyboard
 * activation, which browsers report as trusted clicks): a page script can't save for the user.
 */
export function createControl(
  doc: Document,
  key: string,
  title: string,
  onActivate: (saved: boolean) => void,
  onDismiss?: (dismissed: boolean) => void,
): ControlHandle {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-papershelf-key', key);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = sharedSheet(doc);
  // A clone shows "Save"; only its accessible name (the paper's title) is its own.
  const button = buttonPrototype(doc).cloneNode(true) as HTMLButtonElement;
  const short = title.length > 120 ? title.slice(0, 117) + '…' : title;
  button.setAttribute('aria-label', ariaLabel(false, short));
  if (sheet) root.adoptedStyleSheets = [sheet];
  else {
    const style = doc.createElement('style');
    style.textContent = STYLE;
    root.append(style);
  }
  let mark: HTMLElement | undefined;
  let dismiss: HTMLButtonElement | undefined;
  if (onDismiss) {
    // Triage's nodes come with the control, hidden (see setTriage): one clone, no look-up.
    const t = triagePrototype(doc).cloneNode(true) as DocumentFragment;
    mark = t.firstChild as HTMLElement;
    dismiss = t.lastChild as HTMLButtonElement;
    dismiss.setAttribute('aria-label', `Dismiss: ${short}`);
    root.append(button, t);
  } else root.append(button);
  const control = new Control(host, button, short, onActivate, onDismiss, dismiss, mark);
  wiringOf(doc).set(host, control);
  return control;
}
