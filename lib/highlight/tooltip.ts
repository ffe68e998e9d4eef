// Hovering a highlight shows its comment: CSS highlights take no events, so the pointer's
// caret position is tested against the placed ranges. The tip lives in a shadow root and
// shows the comment as text only.
import { shadowHost } from '../dom/shadow';

export interface Commented {
  range: Range;
  comment?: string;
}

const STYLE = `:host{all:initial;position:fixed;z-index:2147483647;pointer-events:none}
div{max-width:320px;padding:6px 9px;border-radius:6px;background:#1f2937;color:#f9fafb;white-space:pre-wrap;
font:12px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.25)}`;

export function commentTips(doc: Document, items: () => Commented[]): () => void {
  const win = doc.defaultView!;
  let host: HTMLElement | null = null;
  let box: HTMLDivElement | null = null;
  let frame = 0;
  let last: MouseEvent | null = null;

  const hide = () => {
    host?.remove();
    host = null;
  };
  const show = (text: string, x: number, y: number) => {
    if (!host) {
      const made = shadowHost(doc, 'papershelf-tip', STYLE, 'closed');
      host = made.host;
      box = doc.createElement('div');
      box.setAttribute('role', 'tooltip');
      made.root.append(box);
      doc.documentElement.appendChild(host);
    }
    box!.textContent = text;
    host.style.left = `${Math.min(x + 12, win.innerWidth - 340)}px`;
    host.style.top = `${y + 16}px`;
  };
  const check = () => {
    frame = 0;
    const e = last;
    if (!e) return;
    const caret = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(e.clientX, e.clientY);
    const hit = caret && items().find((i) => i.comment && i.range.isPointInRange(caret.startContainer, caret.startOffset));
    if (hit) show(hit.comment!, e.clientX, e.clientY);
    else hide();
  };
  const onMove = (e: MouseEvent) => {
    last = e;
    frame ||= win.requestAnimationFrame(check);
  };
  doc.addEventListener('mousemove', onMove, { passive: true });
  return () => {
    doc.removeEventListener('mousemove', onMove);
    if (frame) win.cancelAnimationFrame(frame);
    hide();
  };
}
