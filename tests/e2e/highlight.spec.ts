// Highlights end to end (issue 20): made in the page's toolbar, stored by the background,
// re-attached on reload, on a new version and after a client-side re-render; the page's DOM
// is never touched; the popup, the library page and the Markdown export list them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { badgeOf, expect, serve, tabIdOf, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/highlight', name), 'utf8');
const V1 = 'https://arxiv.org/html/2401.01234v1';
const V2 = 'https://arxiv.org/html/2401.01234v2';
const AR5IV = 'https://ar5iv.labs.arxiv.org/html/2401.01234';
const KEPT = 'a single linear layer followed by a softmax over blocks';
const REMOVED = 'The top-k blocks are kept and the rest are masked';
const COMMENTED = 'adds fewer than one percent of its parameters';

test.describe.configure({ timeout: 120_000 });

/** Selects `words` in the page (its first occurrence in a paragraph) the way a user's drag ends: a trusted key release. */
async function select(page: Page, words: string): Promise<void> {
  await page.evaluate((w) => {
    const p = [...document.querySelectorAll('p')].find((e) => e.textContent.includes(w))!;
    const t = [...p.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.includes(w)) as Text;
    const at = t.data.indexOf(w);
    const r = document.createRange();
    r.setStart(t, at);
    r.setEnd(t, at + w.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  }, words);
  await page.keyboard.press('Shift');
}

/** The texts drawn under each papershelf highlight name (CSS.highlights is the document's). */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights as unknown as Map<string, Set<Range>>) {
      if (name.startsWith('papershelf')) out[name] = [...h].map((r) => r.toString().replace(/\s+/g, ' ')).sort();
    }
    return out;
  });

/** The page's own DOM: serialised without the extension's host elements. */
const ownDom = (page: Page) =>
  page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const el of [...clone.querySelectorAll('*')])
      if (el.tagName.startsWith('PAPERSHELF-') || el.hasAttribute('data-papershelf-host')) el.remove();
    return clone.outerHTML;
  });

const toolbar = (page: Page) => page.locator('papershelf-toolbar');

interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The comment tooltip's role, text and child elements, or null when none is shown. */
async function tooltipOf(page: Page): Promise<{ role?: string; text: string; elements: string[] } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (n: DomNode): DomNode | undefined =>
      n.localName === 'papershelf-tip' ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean);
    const host = find(root);
    const box = host?.shadowRoots?.[0]?.children?.find((c) => c.localName === 'div');
    if (!box) return null;
    const attrs = box.attributes ?? [];
    return {
      role: attrs[attrs.indexOf('role') + 1],
      text: (box.children ?? []).map((c) => (c.nodeType === 3 ? c.nodeValue : '')).join(''),
      elements: (box.children ?? []).filter((c) => c.nodeType === 1).map((c) => c.localName!),
    };
  } finally {
    await cdp.detach();
  }
}

test('highlight and comment, reload, v2, a re-render, the DOM untouched; popup, library page and Markdown list them', async ({
  context,
  background,
  extensionId,
}) => {
  await serve(context, V1, fixture('arxiv-v1.html'));
  await serve(context, V2, fixture('arxiv-v2.html'));
  await serve(context, AR5IV, fixture('ar5iv.html'));
  const page = await context.newPage();
  await page.goto(V1);
  // The content script is in once the badge counts the paper.
  const tabId = await tabIdOf(background, page);
  await expect.poll(() => badgeOf(background, tabId)).toBe('1');
  const before = await ownDom(page);
  // The chunk is reachable only at its per-session address: the page cannot probe for it.
  expect(
    await page.evaluate(
      (id) =>
        fetch(`chrome-extension://${id}/highlight.js`).then(
          () => 'fetched',
          () => 'refused',
        ),
      extensionId,
    ),
  ).toBe('refused');

  await select(page, KEPT);
  const first = toolbar(page).getByRole('button').first();
  await expect(first).toHaveAccessibleName(/^Highlight/);
  await first.click();
  await expect.poll(() => drawn(page)).toEqual({ 'papershelf-yellow': [KEPT] });

  await select(page, REMOVED);
  await toolbar(page).getByRole('button', { name: 'Highlight green' }).click();
  await select(page, COMMENTED);
  await toolbar(page).getByRole('button', { name: 'Comment' }).click();
  await toolbar(page).getByRole('textbox', { name: 'Comment (Markdown)' }).fill('Cheap: **1 %** of the parameters');
  await toolbar(page).getByRole('button', { name: 'Save comment' }).click();
  await expect.poll(() => drawn(page)).toEqual({ 'papershelf-yellow': [COMMENTED, KEPT].sort(), 'papershelf-green': [REMOVED] });
  await page.evaluate(() => getSelection()!.removeAllRanges());
  expect(await ownDom(page)).toBe(before);

  // A page script's synthetic click on the toolbar does nothing.
  await select(page, 'learned subset of blocks');
  // The toolbar comes up a moment after the selection: wait for it, then click from the page.
  await expect(toolbar(page).getByRole('button').first()).toBeVisible();
  await page.evaluate(() => (document.querySelector('papershelf-toolbar')!.shadowRoot!.querySelector('button') as HTMLButtonElement).click());
  await page.waitForTimeout(300);
  expect((await drawn(page))['papershelf-yellow']).toHaveLength(2);

  // Reload: the same highlights.
  await page.reload();
  await expect.poll(() => drawn(page)).toEqual({ 'papershelf-yellow': [COMMENTED, KEPT].sort(), 'papershelf-green': [REMOVED] });

  // The page re-renders its article client-side: the highlights follow the new nodes.
  await page.evaluate(() => {
    const article = document.querySelector('article')!;
    const html = article.innerHTML;
    article.innerHTML = html; // new nodes, same text
  });
  await expect.poll(() => drawn(page)).toEqual({ 'papershelf-yellow': [COMMENTED, KEPT].sort(), 'papershelf-green': [REMOVED] });

  // v2: the unchanged passages re-attach, the removed one is listed as unplaced.
  await page.goto(V2);
  await expect.poll(() => drawn(page)).toEqual({ 'papershelf-yellow': [COMMENTED, KEPT].sort() });
  await expect(page.locator('papershelf-unplaced').getByText('Papershelf: 1 highlight not found on this page')).toBeVisible();
  await page.locator('papershelf-unplaced').getByText('Papershelf: 1 highlight not found on this page').click();
  await expect(page.locator('papershelf-unplaced').getByRole('list', { name: 'Unplaced highlights' })).toContainText(REMOVED);

  // Another rendering of the same paper (ar5iv, v1's text): all three are placed.
  await page.goto(AR5IV);
  await expect.poll(() => drawn(page)).toEqual({ 'papershelf-yellow': [COMMENTED, KEPT].sort(), 'papershelf-green': [REMOVED] });
  await page.goto(V2);

  // The popup's details: a list named Highlights, one item per highlight with its quote.
  const popup = await PopupPage.open(context, extensionId, tabId);
  await popup.openDetails('arXiv:2401.01234');
  const list = popup.page.getByRole('list', { name: 'Highlights' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem').filter({ hasText: COMMENTED }).locator('strong')).toHaveText('1 %');
  const link = list.getByRole('listitem').filter({ hasText: KEPT }).getByRole('link', { name: 'Open at the passage' });
  await expect(link).toHaveAttribute('href', /#:~:text=a%20single%20linear%20layer/);
  // Remove, then undo.
  await list.getByRole('listitem').filter({ hasText: REMOVED }).getByRole('button', { name: 'Remove highlight' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await popup.page.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await popup.page.close();

  // The library page's Annotations view, searched with color:.
  const lib = await context.newPage();
  await lib.goto(`chrome-extension://${extensionId}/library.html#annotations`);
  await expect(lib.getByRole('list', { name: 'Annotations list' })).toContainText(KEPT);
  await lib.getByRole('searchbox', { name: 'Search annotations' }).fill('color:green has:highlight');
  await expect(lib.getByText('1 annotation', { exact: true })).toBeVisible();
  await expect(lib.getByRole('list', { name: 'Annotations list' })).toContainText(REMOVED);

  // The Markdown export quotes them with deep links.
  const options = await OptionsPage.open(context, extensionId);
  const md = await options.exportFile('Export Markdown');
  expect(md.text).toContain(`> ${KEPT} [↗](${V1}#:~:text=`);
  expect(md.text).toContain('> Cheap: **1 %** of the parameters');

  // The keyboard shortcut (a browser command, so trusted) highlights the selection.
  await page.bringToFront();
  await select(page, 'learned subset of blocks');
  const made = await background.evaluate((id) => (globalThis as unknown as ShortcutHook).papershelf.command('highlight-selection', id), tabId);
  expect(made).toBe(1);
  await expect.poll(async () => (await drawn(page))['papershelf-yellow']).toContain('learned subset of blocks');
});

type ShortcutHook = { papershelf: { command(name: string, tabId?: number): Promise<number | undefined> } };

test('an in-page navigation to another paper clears the old highlights and draws the new paper’s', async ({ context, background }) => {
  const A = 'a learned subset of blocks';
  const B = 'the sea stays mixed all summer long';
  await serve(context, 'https://arxiv.org/html/2401.01234v1', fixture('spa.html'));
  const page = await context.newPage();
  await page.goto('https://arxiv.org/html/2401.01234v1');
  const tabId = await tabIdOf(background, page);
  await expect.poll(() => badgeOf(background, tabId)).toBe('1');
  await select(page, A);
  await toolbar(page).getByRole('button').first().click();
  await expect.poll(() => drawn(page)).toEqual({ 'papershelf-yellow': [A] });

  // The page's own script: pushState to the other paper, its article in place of the first's.
  await page.evaluate(() => (window as unknown as { go(id: string): void }).go('2402.05678v1'));
  await expect.poll(() => drawn(page)).toEqual({});
  await select(page, B);
  await toolbar(page).getByRole('button', { name: 'Highlight green' }).click();
  await expect.poll(() => drawn(page)).toEqual({ 'papershelf-green': [B] });

  // Back (popstate) and forward: each paper with its own highlights only.
  await page.goBack();
  await expect(page).toHaveURL(/2401\.01234v1$/);
  await expect.poll(() => drawn(page)).toEqual({ 'papershelf-yellow': [A] });
  await page.goForward();
  await expect.poll(() => drawn(page)).toEqual({ 'papershelf-green': [B] });
  await page.close();
});

test('hovering a highlighted passage shows its comment, as text', async ({ context, background }) => {
  await serve(context, V1, fixture('arxiv-v1.html'));
  const page = await context.newPage();
  await page.goto(V1);
  const tabId = await tabIdOf(background, page);
  await expect.poll(() => badgeOf(background, tabId)).toBe('1');
  await select(page, COMMENTED);
  await toolbar(page).getByRole('button', { name: 'Comment' }).click();
  await toolbar(page).getByRole('textbox', { name: 'Comment (Markdown)' }).fill('Cheap: <img src=x onerror=alert(1)> **1 %**');
  await toolbar(page).getByRole('button', { name: 'Save comment' }).click();
  await expect.poll(() => drawn(page)).toEqual({ 'papershelf-yellow': [COMMENTED] });
  await page.evaluate(() => getSelection()!.removeAllRanges());

  // The mouse over the middle of the passage.
  const at = await page.evaluate((w) => {
    const p = [...document.querySelectorAll('p')].find((e) => e.textContent.includes(w))!;
    const t = [...p.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.includes(w)) as Text;
    const r = document.createRange();
    const mid = t.data.indexOf(w) + Math.floor(w.length / 2);
    r.setStart(t, mid);
    r.setEnd(t, mid + 1);
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, COMMENTED);
  await page.mouse.move(at.x, at.y);
  // The tip's shadow root is closed: read through the DevTools protocol, which pierces it.
  await expect.poll(() => tooltipOf(page)).toEqual({ role: 'tooltip', text: 'Cheap: <img src=x onerror=alert(1)> **1 %**', elements: [] });
  // Away from it: the tooltip goes.
  await page.mouse.move(2, 2);
  await expect.poll(() => tooltipOf(page)).toBeNull();
  await page.close();
});
