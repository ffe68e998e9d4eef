// The save-page shortcut and the badge's colours. Browser-level shortcuts can't be produced in
// headless Chromium: the tests call the handler the background registers (its global `papershelf`).
import { badgeOf, expect, serve, tabIdOf, test } from './fixtures';
import { openAbs } from './pages/ArxivAbsPage';

declare const chrome: typeof import('wxt/browser').browser;
declare const papershelf: { command(name: string, tabId?: number): Promise<number | undefined> };

test.describe.configure({ timeout: 180_000 });

const BLUE = [36, 87, 197, 255];
const GREEN = [23, 112, 63, 255];
const badgeColor = (background: import('@playwright/test').Worker, tabId: number) =>
  background.evaluate((id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), tabId);

test('the save-page shortcut saves the page and the badge turns from blue to green', async ({ context, background }) => {
  const { tabId, control } = await openAbs(context, background);
  expect(await badgeColor(background, tabId)).toEqual(BLUE);
  const commands = await background.evaluate(() => chrome.commands.getAll());
  expect(commands.find((c) => c.name === 'save-page')?.shortcut).toBe('Alt+Shift+S');
  expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+L');

  expect(await background.evaluate((id) => papershelf.command('save-page', id), tabId)).toBe(1);
  expect(await badgeOf(background, tabId)).toBe('✓1');
  await control.expectSaved();
  await expect.poll(() => badgeOf(background, tabId), { timeout: 5000 }).toBe('1');
  expect(await badgeColor(background, tabId)).toEqual(GREEN);
  expect(await background.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe('Papershelf — 1 paper on this page, saved');

  // Removed elsewhere (the inline button): blue again.
  await control.toggle();
  await control.expectNotSaved();
  await expect.poll(() => badgeColor(background, tabId)).toEqual(BLUE);
});

test('the shortcut on a page without papers saves nothing and says 0', async ({ context, background }) => {
  await serve(context, 'https://example.org/blog', '<title>Blog</title><p>No papers here.</p>');
  const page = await context.newPage();
  await page.goto('https://example.org/blog');
  const tabId = await tabIdOf(background, page);
  expect(await background.evaluate((id) => papershelf.command('save-page', id), tabId)).toBe(0);
  expect(await badgeOf(background, tabId)).toBe('0');
});
