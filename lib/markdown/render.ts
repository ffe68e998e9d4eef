// Notes are Markdown written by the user but may hold text pasted from hostile pages.
// micromark refuses raw HTML and unsafe URL schemes; DOMPurify is the second lock.
import DOMPurify from 'dompurify';
import { micromark } from 'micromark';

export function renderMarkdown(md: string, win: Window = globalThis as unknown as Window): string {
  const html = micromark(md, { allowDangerousHtml: false, allowDangerousProtocol: false });
  const purify = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'input', 'img'], ALLOW_DATA_ATTR: false });
}
