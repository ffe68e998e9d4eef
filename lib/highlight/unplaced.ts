// Highlights that could not be placed on this rendering (the passage was removed or rewritten)
// are listed in a corner, never dropped: their quotes, as text, in a shadow root.
import type { Highlight } from '../paper/highlight';

export const UNPLACED_TAG = 'papershelf-unplaced';

const STYLE = `:host{all:initial;position:fixed;right:12px;bottom:12px;z-index:2147483645}
details{max-width:360px;max-height:50vh;overflow:auto;padding:6px 10px;border-radius:8px;background:#fff;color:#1f2937;
border:1px solid #cbd5e1;box-shadow:0 4px 16px rgba(0,0,0,.15);font:12px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif}
summary{cursor:pointer;font-weight:600}blockquote{margin:6px 0;padding-left:8px;border-left:3px solid #cbd5e1}
@media (prefers-color-scheme:dark){details{background:#1e293b;color:#e2e8f0;border-color:#475569}}`;

export function createUnplacedList(doc: Document) {
  let host: HTMLElement | null = null;
  const destroy = () => {
    host?.remove();
    host = null;
  };
  return {
    show(unplaced: Highlight[]) {
      if (!unplaced.length) return destroy();
      if (!host) {
        host = doc.createElement(UNPLACED_TAG);
        host.setAttribute('data-papershelf-host', '');
        host.attachShadow({ mode: 'open' });
        doc.documentElement.appendChild(host);
      }
      const root = host.shadowRoot!;
      const style = doc.createElement('style');
      style.textContent = STYLE;
      const details = doc.createElement('details');
      const summary = doc.createElement('summary');
      const n = unplaced.length;
      summary.textContent = `Papershelf: ${n} highlight${n === 1 ? '' : 's'} not found on this page`;
      const list = doc.createElement('ul');
      list.setAttribute('aria-label', 'Unplaced highlights');
      for (const h of unplaced) {
        const li = doc.createElement('li');
        const q = doc.createElement('blockquote');
        q.textContent = h.selectors.quote.exact;
        li.append(q);
        list.append(li);
      }
      details.append(summary, list);
      root.replaceChildren(style, details);
    },
    destroy,
  };
}
