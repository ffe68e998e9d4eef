// Follows client-rendered pages: debounced mutation batches and in-page URL changes.
import type { PageSession } from './session';

export function watchPage(win: Window, session: PageSession, delay = 150): () => void {
  const doc = win.document;
  let pending: Element[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let url = win.location.href;

  const flush = () => {
    timer = undefined;
    const roots = pending;
    pending = [];
    if (win.location.href !== url) {
      url = win.location.href;
      void session.scan(url);
    } else if (roots.length) void session.scanAdded(roots);
  };
  const schedule = () => {
    timer ??= setTimeout(flush, delay);
  };
  const observer = new MutationObserver((records) => {
    let relevant = false;
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        const el = n as Element;
        if (el.tagName.toLowerCase() === 'papershelf-save') continue; // our own controls
        pending.push(el);
        relevant = true;
      }
      if (r.removedNodes.length) relevant = true;
    }
    if (relevant || win.location.href !== url) schedule();
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  const onNav = () => schedule();
  win.addEventListener('popstate', onNav);
  return () => {
    observer.disconnect();
    win.removeEventListener('popstate', onNav);
    if (timer) clearTimeout(timer);
  };
}
