// Keyboard triage on a listing: j/k move between entries (scrolled into view, a focus ring the
// extension draws in its own shadow root over the page, the page's styles untouched), s saves,
// x dismisses, o opens, t tags, n adds a note, ? lists the keys. Which key means what, and when a
// key is not ours (typing, modifiers, synthetic events), is decided in lib/triage/keys.ts.
import { shadowHost } from '../dom/shadow';
import type { PaperMeta } from '../paper/schema';
import { KEY_HELP, triageAction, type TriageAction } from '../triage/keys';
import type { ControlHandle } from './control';

export interface KeyboardSession {
  entries(): readonly { key: string; handle: ControlHandle; anchor: Element }[];
  paper(key: string): PaperMeta | undefined;
  savePaper(key: string): Promise<void>;
  toggleDismiss(key: string): Promise<void>;
}

export interface KeyboardDeps {
  /** Read at each key: the setting may change while the page is open. */
  enabled(): boolean;
  open(url: string): void;
  annotate(paper: PaperMeta, add: { tags?: string[]; note?: string }): Promise<void>;
  onError(message: string): void;
}

export const OVERLAY_TAG = 'papershelf-overlay';

const STYLE = `
:host{all:initial;position:absolute;top:0;left:0;width:0;height:0;z-index:2147483647}
.ring{position:absolute;display:none;pointer-events:none;border:2px solid #2563eb;border-radius:6px;box-shadow:0 0 0 3px rgba(37,99,235,.25)}
.panel{position:fixed;right:16px;bottom:16px;display:none;max-width:360px;background:#fff;color:#1b2333;border:1px solid #b4c2d9;border-radius:8px;
padding:10px 12px;font:13px/1.4 system-ui,sans-serif;box-shadow:0 6px 24px rgba(0,0,0,.18)}
.panel h2{font-size:13px;margin:0 0 6px}.panel table{border-collapse:collapse}.panel td{padding:1px 8px 1px 0}
kbd{font:600 12px ui-monospace,monospace;border:1px solid #b4c2d9;border-radius:3px;padding:0 4px;background:#f5f8fd}
label{display:block;font-weight:600;margin-bottom:4px}input,textarea{box-sizing:border-box;width:320px;font:13px system-ui,sans-serif;padding:4px}
`;

export function startKeyboardTriage(win: Window, session: KeyboardSession, deps: KeyboardDeps): () => void {
  const doc = win.document;
  let current = -1;
  let overlay: { host: HTMLElement; ring: HTMLElement; panel: HTMLElement } | undefined;

  const ui = () => {
    if (overlay?.host.isConnected) return overlay;
    const { host, root } = shadowHost(doc, OVERLAY_TAG, STYLE);
    const ring = doc.createElement('div');
    ring.className = 'ring';
    const panel = doc.createElement('div');
    panel.className = 'panel';
    panel.setAttribute('role', 'dialog');
    root.append(ring, panel);
    doc.documentElement.append(host);
    return (overlay = { host, ring, panel });
  };

  const closePanel = () => {
    if (!overlay || overlay.panel.style.display !== 'block') return false;
    overlay.panel.style.display = 'none';
    overlay.panel.replaceChildren();
    return true;
  };

  const drawRing = (anchor: Element) => {
    const { ring } = ui();
    const r = anchor.getBoundingClientRect();
    Object.assign(ring.style, {
      display: 'block',
      top: `${r.top + win.scrollY - 4}px`,
      left: `${r.left + win.scrollX - 4}px`,
      width: `${r.width + 4}px`,
      height: `${r.height + 4}px`,
    });
  };

  const move = (step: 1 | -1) => {
    const list = session.entries();
    if (!list.length) return;
    if (current < 0 || current >= list.length) {
      // The first move starts at the first entry on screen, not at the top of the page.
      const first = list.findIndex((e) => e.anchor.getBoundingClientRect().bottom > 0);
      current = step === 1 ? Math.max(first, 0) : Math.max(first - 1, 0);
    } else current = Math.min(Math.max(current + step, 0), list.length - 1);
    // Hidden entries ("hide instead of dim") are stepped over; their "show" is the way back.
    const hidden = (i: number) => list[i].handle.host.hasAttribute('data-papershelf-hidden');
    let i = current;
    while (i >= 0 && i < list.length && hidden(i)) i += step;
    if (i < 0 || i >= list.length) {
      for (i = current; i >= 0 && i < list.length && hidden(i); i -= step);
      if (i < 0 || i >= list.length) return;
    }
    current = i;
    const { anchor } = list[current];
    anchor.scrollIntoView?.({ block: 'nearest' });
    drawRing(anchor);
  };

  const showHelp = () => {
    const { panel } = ui();
    if (closePanel()) return;
    const h = doc.createElement('h2');
    h.textContent = 'Papershelf keys';
    const table = doc.createElement('table');
    for (const [k, what] of KEY_HELP) {
      const tr = table.insertRow();
      const kbd = doc.createElement('kbd');
      kbd.textContent = k;
      tr.insertCell().append(kbd);
      tr.insertCell().textContent = what;
    }
    panel.append(h, table);
    panel.setAttribute('aria-label', 'Papershelf keys');
    panel.style.display = 'block';
  };

  /** A one-field prompt in the overlay (tags or a note); Enter applies, Esc cancels. */
  const ask = (label: string, multiline: boolean, apply: (value: string) => void) => {
    closePanel();
    const { panel } = ui();
    const l = doc.createElement('label');
    l.textContent = label;
    const field = doc.createElement(multiline ? 'textarea' : 'input');
    field.setAttribute('aria-label', label);
    if (multiline) (field as HTMLTextAreaElement).rows = 4;
    field.addEventListener('keydown', (e) => {
      const ev = e as KeyboardEvent;
      ev.stopPropagation();
      if (ev.key === 'Escape') closePanel();
      else if (ev.key === 'Enter' && !(multiline && ev.shiftKey)) {
        ev.preventDefault();
        const value = field.value;
        closePanel();
        if (value.trim()) apply(value);
      }
    });
    panel.append(l, field);
    panel.setAttribute('aria-label', label);
    panel.style.display = 'block';
    field.focus();
  };

  const act = (action: TriageAction): boolean => {
    if (action === 'close') return closePanel();
    if (action === 'help') return (showHelp(), true);
    if (action === 'next' || action === 'prev') return (move(action === 'next' ? 1 : -1), true);
    const entry = session.entries()[current];
    if (!entry) return false;
    const paper = session.paper(entry.key);
    const fail = (e: unknown) => deps.onError(e instanceof Error ? e.message : String(e));
    if (action === 'save') void session.savePaper(entry.key).catch(fail);
    else if (action === 'dismiss') void session.toggleDismiss(entry.key).catch(fail);
    else if (action === 'open') {
      // The paper's own page; else the entry's link (the anchor is often the title's).
      const link = entry.anchor.closest<HTMLAnchorElement>('a[href]') ?? entry.anchor.querySelector<HTMLAnchorElement>('a[href]');
      const url = paper?.absUrl ?? paper?.pdfUrl ?? link?.href;
      if (url) deps.open(url);
    } else if (paper && action === 'tag')
      ask(
        `Tags for “${paper.title.slice(0, 60)}” (comma-separated)`,
        false,
        (v) =>
          void deps
            .annotate(paper, {
              tags: v
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
            })
            .catch(fail),
      );
    else if (paper && action === 'note')
      ask(`Note for “${paper.title.slice(0, 60)}”`, true, (v) => void deps.annotate(paper, { note: v }).catch(fail));
    return true;
  };

  const onKey = (e: KeyboardEvent) => {
    // Listings only: a paper's own page has one entry and keeps its keys.
    if (!deps.enabled() || session.entries().length < 2) return;
    const action = triageAction(e);
    if (!action) return;
    // Taken: the page does not also act on it.
    if (act(action)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  win.addEventListener('keydown', onKey, true);
  return () => {
    win.removeEventListener('keydown', onKey, true);
    overlay?.host.remove();
  };
}
