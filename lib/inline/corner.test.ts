// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { CORNER_ATTR } from './corner';
import { PageSession, type SessionEnv } from './session';

const env = (): SessionEnv => ({ report: vi.fn(async () => []), save: vi.fn(async (p: { key: string }) => [p.key]), unsave: vi.fn(async () => {}) });
const META = '<meta name="citation_title" content="Tidal mixing in shallow seas"><meta name="citation_doi" content="10.5555/tm.1">';
const URL_ = 'https://journal.example.org/article/1';

function single(body: string): Document {
  document.head.innerHTML = META;
  document.body.innerHTML = body;
  return document;
}
const session = (doc: Document) => new PageSession(doc, env(), { adapters: [], genericEverywhere: true }, URL_);
const control = () => document.querySelector('papershelf-save');

describe('Save control of a single paper found in the meta tags', () => {
  it('goes to whatever element shows the title: past a site-name h1 and section-label h2s', async () => {
    single(
      '<h1>Example Journal</h1><h2>Article</h2><div class="article-title-block"><span class="article-title">Tidal mixing in shallow seas</span></div><h2>Abstract</h2>',
    );
    await session(document).scan();
    expect(control()?.parentElement?.className).toBe('article-title');
    expect(control()?.hasAttribute(CORNER_ATTR)).toBe(false);
  });

  it('sits in a corner, fixed, when the page does not show the title', async () => {
    single('<h1>Example Journal</h1><p>Loading…</p>');
    await session(document).scan();
    const host = control() as HTMLElement;
    expect(host.hasAttribute(CORNER_ATTR)).toBe(true);
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    expect(host.getAttribute('data-papershelf-key')).toBe('doi:10.5555/tm.1');
  });

  it('moves next to the title once the page renders it, and a rescan adds no second control', async () => {
    single('<div id="app"><p>Loading…</p></div>');
    const s = session(document);
    await s.scan();
    expect(control()?.hasAttribute(CORNER_ATTR)).toBe(true);
    document.getElementById('app')!.innerHTML = '<header><h1 class="title">Tidal mixing in shallow seas</h1></header>';
    await vi.waitFor(() => expect(control()?.parentElement?.tagName).toBe('H1'));
    await s.scan();
    expect(document.querySelectorAll('papershelf-save')).toHaveLength(1);
    expect(document.querySelector(`[${CORNER_ATTR}]`)).toBeNull();
    s.destroy();
  });
});
