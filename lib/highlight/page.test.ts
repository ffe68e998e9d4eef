// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../paper/highlight';
import { startHighlighting, type HighlightBackend, type HighlightDraft } from './page';
import { TOOLBAR_TAG } from './toolbar';
import { UNPLACED_TAG } from './unplaced';

const load = (name: string) => {
  const html = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/highlight', name), 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!DOCTYPE html>\s*<html[^>]*>/, '').replace(/<\/html>\s*$/, '');
};

function backend(initial: Highlight[] = []) {
  const store = [...initial];
  const b: HighlightBackend & { store: Highlight[] } = {
    store,
    list: vi.fn(async () => [...store]),
    add: vi.fn(async (d: HighlightDraft) => {
      const h: Highlight = { id: `h${store.length}aaaaaaaa`, key: 'arxiv:2401.01234', ...d, createdAt: 1, updatedAt: 1 };
      store.push(h);
      return h;
    }),
    addToNote: vi.fn(async () => {}),
    onError: vi.fn(),
  };
  return b;
}

function select(words: string) {
  const p = [...document.querySelectorAll('p')].find((e) => e.textContent.includes(words))!;
  const t = p.firstChild as Text;
  const at = t.data.indexOf(words);
  const r = document.createRange();
  r.setStart(t, at);
  r.setEnd(t, at + words.length);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(r);
}

describe('startHighlighting', () => {
  it('highlights the selection (the shortcut), stores it through the backend and draws it', async () => {
    load('arxiv-v1.html');
    const b = backend();
    const page = startHighlighting(document, b, () => 'https://arxiv.org/html/2401.01234v1');
    await vi.waitFor(() => expect(b.list).toHaveBeenCalled());
    select('learned subset of blocks');
    const h = await page.highlightSelection('blue');
    expect(h?.selectors.quote.exact).toBe('learned subset of blocks');
    expect(b.add).toHaveBeenCalledWith(expect.objectContaining({ color: 'blue', url: 'https://arxiv.org/html/2401.01234v1' }));
    expect([...document.querySelectorAll('[data-papershelf-highlight="blue"]')].map((m) => m.textContent).join('')).toBe('learned subset of blocks');
    page.destroy();
    expect(document.querySelector('[data-papershelf-highlight]')).toBeNull();
  });

  it('ignores a page script: untrusted selection events show no toolbar', async () => {
    load('arxiv-v1.html');
    const b = backend();
    const page = startHighlighting(document, b);
    select('gating network');
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
    expect(document.querySelector(TOOLBAR_TAG)).toBeNull();
    expect(b.add).not.toHaveBeenCalled();
    page.destroy();
  });

  it('lists the highlights it cannot place on this version, as text', async () => {
    load('arxiv-v1.html');
    const b = backend();
    const page = startHighlighting(document, b);
    select('The top-k blocks are kept and the rest are masked');
    await page.highlightSelection();
    b.store[0].selectors.quote.exact = '<img src=x onerror=alert(1)> ' + b.store[0].selectors.quote.exact;
    page.destroy();
    load('arxiv-v2.html');
    const page2 = startHighlighting(document, b);
    await vi.waitFor(() => expect(page2.placement.unplaced).toHaveLength(1));
    const list = document.querySelector(UNPLACED_TAG)!.shadowRoot!;
    expect(list.querySelector('summary')!.textContent).toBe('Papershelf: 1 highlight not found on this page');
    expect(list.querySelector('blockquote')!.textContent).toContain('<img src=x');
    expect(list.querySelector('img')).toBeNull();
    page2.destroy();
    expect(document.querySelector(UNPLACED_TAG)).toBeNull();
  });
});
