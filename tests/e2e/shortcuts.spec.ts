// Issue 9: shortcuts, context menu, badge colours, first run, dark mode, accessibility.
// Browser-level shortcuts and menu clicks can't be produced in headless Chromium: the tests call
// the same handlers the background registers (exposed on its global `papershelf`).
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { badgeOf, expect, serve, tabIdOf, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';

declare const chrome: typeof import('wxt/browser').browser;
declare const papershelf: {
  command(name: string, tabId?: number): Promise<number | undefined>;
  menuClick(info: { menuItemId: string; linkUrl?: string; selectionText?: string }, tabId?: number): Promise<string | undefined>;
};

const ABS_URL = 'https://arxiv.org/abs/2401.01234v3';
const absHtml = readFileSync(join(import.meta.dirname, '../fixtures/arxiv/abs-current.html'), 'utf8');
const TITLE = 'Sparse Mixtures & Dense Experts: Scaling Laws for Routing';
const BLUE = [36, 87, 197, 255];
const GREEN = [23, 112, 63, 255];

test.describe.configure({ timeout: 180_000 });

async function openAbs(context: import('@playwright/test').BrowserContext, background: Worker, html = absHtml) {
  await serve(context, ABS_URL, html);
  const page = await context.newPage();
  await page.goto(ABS_URL);
  const tabId = await tabIdOf(background, page);
  await expect.poll(() => badgeOf(background, tabId)).toBe('1');
  return { page, tabId };
}
const badgeColor = (background: Worker, tabId: number) => background.evaluate((id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), tabId);
const saveButton = (page: Page) => page.locator('[data-papershelf-key="arxiv:2401.01234"]').getByRole('button');

async function expectNoViolations(page: Page, scope?: string) {
  const axe = new AxeBuilder({ page });
  if (scope) axe.include(scope);
  const { violations } = await axe.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the save-page shortcut saves the page and the badge turns from blue to green', async ({ context, background }) => {
  const { page, tabId } = await openAbs(context, background);
  expect(await badgeColor(background, tabId)).toEqual(BLUE);
  const commands = await background.evaluate(() => chrome.commands.getAll());
  expect(commands.find((c) => c.name === 'save-page')?.shortcut).toBe('Alt+Shift+S');
  expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+L');

  expect(await background.evaluate((id) => papershelf.command('save-page', id), tabId)).toBe(1);
  expect(await badgeOf(background, tabId)).toBe('✓1');
  await expect(saveButton(page)).toHaveAccessibleName(/^Saved/);
  await expect.poll(() => badgeOf(background, tabId), { timeout: 5000 }).toBe('1');
  expect(await badgeColor(background, tabId)).toEqual(GREEN);
  expect(await background.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe('Papershelf — 1 paper on this page, saved');

  // Removed elsewhere (the inline button): blue again.
  await saveButton(page).click();
  await expect(saveButton(page)).toHaveAccessibleName(/^Save to/);
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

test('context menu: save a link from its URL, quote a selection into the note', async ({ context, background, extensionId }) => {
  const { tabId } = await openAbs(context, background);
  const key = await background.evaluate((id) => papershelf.menuClick({ menuItemId: 'save-link', linkUrl: 'https://arxiv.org/pdf/1706.03762v7' }, id), tabId);
  expect(key).toBe('arxiv:1706.03762');
  // The paper on the page isn't saved yet: quoting saves it first.
  const quoted = await background.evaluate(
    (id) => papershelf.menuClick({ menuItemId: 'add-selection-to-note', selectionText: 'Routing scales\nwith experts.' }, id),
    tabId,
  );
  expect(quoted).toBe('arxiv:2401.01234');
  await background.evaluate((id) => papershelf.menuClick({ menuItemId: 'add-selection-to-note', selectionText: 'Second passage.' }, id), tabId);

  const popup = await PopupPage.open(context, extensionId, tabId);
  await popup.showLibrary();
  await expect(popup.libraryEntry('arXiv:1706.03762')).toBeVisible();
  await popup.openDetails(TITLE);
  await expect(popup.note).toHaveValue('> Routing scales\n> with experts.\n\n> Second passage.\n');
});

test('first run opens the options page on its Welcome section', async ({ context, extensionId }) => {
  const url = `chrome-extension://${extensionId}/options.html`;
  await expect.poll(() => context.pages().some((p) => p.url() === url)).toBe(true);
  const options = context.pages().find((p) => p.url() === url)!;
  await expect(options.getByRole('heading', { name: 'Welcome to Papershelf' })).toBeVisible();
  await expect(options.getByText('Alt').first()).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the popup, options and inline control (${scheme})`, async ({ context, background, extensionId }) => {
    const empty = await PopupPage.open(context, extensionId);
    await empty.page.emulateMedia({ colorScheme: scheme });
    await expect(empty.page.getByText('Your library is empty.')).toBeVisible();
    await expectNoViolations(empty.page);
    await empty.page.close();

    const { page, tabId } = await openAbs(context, background);
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoViolations(page, 'papershelf-save');
    await saveButton(page).click();
    await expect(saveButton(page)).toHaveAccessibleName(/^Saved/);
    await expectNoViolations(page, 'papershelf-save');
    await background.evaluate((id) => papershelf.menuClick({ menuItemId: 'save-link', linkUrl: 'https://doi.org/10.1038/nature14539' }, id), tabId);

    const popup = await PopupPage.open(context, extensionId, tabId);
    await popup.page.emulateMedia({ colorScheme: scheme });
    await expect(popup.pageEntry(TITLE)).toBeVisible();
    await expectNoViolations(popup.page);
    await popup.showLibrary();
    await expect(popup.libraryEntry(TITLE)).toBeVisible();
    await popup.libraryEntry(TITLE).getByRole('checkbox').check();
    await expectNoViolations(popup.page);
    await popup.openDetails(TITLE);
    await popup.addTags('moe');
    await popup.note.fill('**Key** idea');
    await expectNoViolations(popup.page);

    const options = await OptionsPage.open(context, extensionId);
    await options.page.emulateMedia({ colorScheme: scheme });
    await expect(options.libraryCount).toBeVisible();
    await expectNoViolations(options.page);
  });
}

test('dark mode follows the system unless overridden; inline controls follow the site', async ({ context, background, extensionId }) => {
  const bg = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const popup = await PopupPage.open(context, extensionId);
  await popup.page.emulateMedia({ colorScheme: 'dark' });
  expect(await bg(popup.page)).toBe('rgb(20, 26, 36)');
  const options = await OptionsPage.open(context, extensionId);
  await options.page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect.poll(() => bg(popup.page)).toBe('rgb(255, 255, 255)');
  await options.page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await popup.page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => bg(popup.page)).toBe('rgb(20, 26, 36)');

  // A light site under a dark system keeps light controls; a dark site gets dark ones.
  const { page } = await openAbs(context, background);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('papershelf-save')).not.toHaveAttribute('data-dark');
  const dark = absHtml.replace('</head>', '<style>body{background:#111418;color:#e8e8e8}</style></head>');
  const { page: darkPage } = await openAbs(context, background, dark);
  await expect(darkPage.locator('papershelf-save')).toHaveAttribute('data-dark', '');
  await expectNoViolations(darkPage, 'papershelf-save');
});
