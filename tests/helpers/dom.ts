import { Window } from 'happy-dom';

const win = new Window({
  url: 'https://example.org/',
  settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
});

/** Parses `html` into a Document (no scripts run, no network). The URL is passed to adapters apart. */
export function parsePage(html: string): Document {
  return new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
