// The host of one of our page UIs (the selection toolbar, the comment tip, the keyboard triage
// overlay): a shadow root the page's CSS cannot reach into, its stylesheet first. The host
// carries data-papershelf-host: highlighting neither reads its text nor takes its changes for
// the page's. DOM only, no other import: the lowest layer, for any UI layer to build on.

export const HOST_ATTR = 'data-papershelf-host';

export function shadowHost(doc: Document, tag: string, css: string, mode: ShadowRootMode = 'open'): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(HOST_ATTR, '');
  const root = host.attachShadow({ mode });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
