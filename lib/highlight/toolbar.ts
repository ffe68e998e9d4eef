// The selection toolbar: Highlight (four colours), Comment, Add to note. It sits in a shadow
// root (page CSS can't restyle it), keeps the page's selection (mousedown is not let through),
// and acts on trusted events only: a page script's synthetic click does nothing.
import { HIGHLIGHT_COLORS, HIGHLIGHT_LIMITS, type HighlightColor } from '../paper/highlightLimits';
import { shadowHost } from '../dom/shadow';
import { COLOR_CSS } from './paint';

export const TOOLBAR_TAG = 'papershelf-toolbar';

export interface ToolbarActions {
  highlight(color: HighlightColor): void;
  comment(color: HighlightColor, text: string): void;
  addToNote(): void;
}

const STYLE = `:host{all:initial;position:absolute;z-index:2147483646}
.bar{display:flex;align-items:center;gap:4px;padding:4px 6px;border-radius:8px;background:#fff;color:#1f2937;
border:1px solid #cbd5e1;box-shadow:0 4px 16px rgba(0,0,0,.18);font:12px/1.2 system-ui,-apple-system,"Segoe UI",sans-serif}
button{all:unset;box-sizing:border-box;cursor:pointer;border-radius:6px;padding:4px 7px;font:inherit}
button:hover{background:#eef2f7}button:focus-visible{outline:2px solid #2563eb;outline-offset:1px}
button.swatch{width:20px;height:20px;padding:0;border:1px solid rgba(0,0,0,.2)}
.note{display:none;max-width:340px;padding:4px 6px 2px;color:#9a3412}
.note.on{display:block}
form{display:none;flex-direction:column;gap:4px;padding:6px}form.on{display:flex}
textarea{font:inherit;width:300px;min-height:60px;resize:vertical}
@media (prefers-color-scheme:dark){.bar{background:#1e293b;color:#e2e8f0;border-color:#475569}button:hover{background:#334155}}`;

export interface Toolbar {
  host: HTMLElement;
  /** Shows the toolbar under the selection's last line; `clamped` adds the length notice. */
  show(rect: { left: number; bottom: number }, clamped: boolean): void;
  hide(): void;
  readonly visible: boolean;
  destroy(): void;
}

export function createToolbar(doc: Document, actions: ToolbarActions): Toolbar {
  const { host, root } = shadowHost(doc, TOOLBAR_TAG, STYLE);
  const wrap = doc.createElement('div');
  wrap.className = 'bar-wrap';
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Papershelf');
  let color: HighlightColor = 'yellow';

  const button = (label: string, text: string, run: () => void, cls?: string) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.title = label;
    if (cls) b.className = cls;
    b.addEventListener('click', (e) => {
      if (e.isTrusted) run();
    });
    return b;
  };
  for (const c of HIGHLIGHT_COLORS) {
    const b = button(`Highlight ${c}`, '', () => actions.highlight(c), 'swatch');
    b.style.background = COLOR_CSS[c];
    bar.append(b);
  }
  const form = doc.createElement('form');
  const area = doc.createElement('textarea');
  area.setAttribute('aria-label', 'Comment (Markdown)');
  area.maxLength = HIGHLIGHT_LIMITS.comment;
  // A script's click() on a submit button fires a *trusted* submit: the click itself is checked.
  const save = button('Save comment', 'Save comment', () => actions.comment(color, area.value.trim()));
  form.append(area, save);
  form.addEventListener('submit', (e) => e.preventDefault());
  bar.append(
    button('Comment', 'Comment', () => {
      form.classList.add('on');
      area.focus();
    }),
    button('Add to note', 'Add to note', () => actions.addToNote()),
  );
  const note = doc.createElement('div');
  note.className = 'note';
  note.setAttribute('role', 'status');
  wrap.append(bar, form, note);
  root.append(wrap);
  // Pressing a button must not clear the page's selection.
  root.addEventListener('mousedown', (e) => {
    if ((e.target as Element | null)?.tagName !== 'TEXTAREA') e.preventDefault();
  });

  let visible = false;
  return {
    host,
    get visible() {
      return visible;
    },
    show(rect, clamped) {
      color = 'yellow';
      form.classList.remove('on');
      area.value = '';
      note.textContent = clamped
        ? `That selection is long: only its first ${HIGHLIGHT_LIMITS.quote.toLocaleString('en')} characters will be highlighted.`
        : '';
      note.classList.toggle('on', clamped);
      const win = doc.defaultView!;
      host.style.left = `${Math.max(4, Math.min(rect.left + win.scrollX, win.scrollX + win.innerWidth - 360))}px`;
      host.style.top = `${rect.bottom + win.scrollY + 6}px`;
      if (!host.isConnected) doc.documentElement.appendChild(host);
      visible = true;
    },
    hide() {
      host.remove();
      visible = false;
    },
    destroy() {
      host.remove();
      visible = false;
    },
  };
}
