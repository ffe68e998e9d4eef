import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { badgeOf, expect, serve, tabIdOf, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';
import { InlineControl } from './pages/InlineControl';

const ABS_URL = 'https://arxiv.org/abs/2401.01234v3';
const absHtml = readFileSync(join(import.meta.dirname, '../fixtures/arxiv/abs-current.html'), 'utf8');
const TITLE = 'Sparse Mixtures & Dense Experts: Scaling Laws for Routing';

test('arXiv abstract page → badge and inline Save → popup shows it saved → BibTeX export has it', async ({ context, background, extensionId }) => {
  await serve(context, ABS_URL, absHtml);
  const page = await context.newPage();
  await page.goto(ABS_URL);

  const control = new InlineControl(page, 'arxiv:2401.01234').host;
  await expect(control.getByRole('button', { name: /^Save/ })).toBeVisible();
  // The control sits next to the title, inside h1.title.
  await expect(page.locator('h1.title [data-papershelf-key]')).toHaveCount(1);
  const tabId = await tabIdOf(background, page);
  await expect.poll(() => badgeOf(background, tabId)).toBe('1');

  await control.getByRole('button', { name: /^Save/ }).click();
  await expect(control.getByRole('button', { name: /^Saved/ })).toBeVisible();

  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.pageEntry(TITLE).getByRole('button', { name: /^Saved/ })).toBeVisible();
  await popup.showLibrary();
  await expect(popup.libraryEntry(TITLE)).toBeVisible();

  const options = await OptionsPage.open(context, extensionId);
  const file = await options.exportFile('Export BibTeX');
  expect(file.name).toMatch(/^papershelf-\d{4}-\d{2}-\d{2}\.bib$/);
  expect(file.text).toContain('eprint = {2401.01234}');
  expect(file.text).toMatch(/title = \{.*Sparse Mixtures \\& Dense Experts/);
});

test('Save all in the popup saves every paper of the tab and the inline control follows live', async ({ context, background, extensionId }) => {
  await serve(context, ABS_URL, absHtml);
  const page = await context.newPage();
  await page.goto(ABS_URL);
  const button = new InlineControl(page, 'arxiv:2401.01234').button;
  await expect(button).toHaveAccessibleName(/^Save to/);
  const tabId = await tabIdOf(background, page);

  const popup = await PopupPage.open(context, extensionId, tabId);
  await popup.saveAll();
  await expect(popup.pageEntry(TITLE).getByRole('button', { name: /^Saved/ })).toBeVisible();
  await expect(button).toHaveAccessibleName(/^Saved/);

  // Removing from the popup turns the page's control back to Save.
  await popup
    .pageEntry(TITLE)
    .getByRole('button', { name: /^Saved/ })
    .click();
  await expect(button).toHaveAccessibleName(/^Save to/);
});

test('a page without papers gets no badge and no control', async ({ context, background }) => {
  await serve(context, 'https://example.org/blog', '<!doctype html><title>Blog</title><h1>Hello</h1><p>No papers here.</p>');
  const page = await context.newPage();
  await page.goto('https://example.org/blog');
  await page.waitForLoadState('load');
  const tabId = await tabIdOf(background, page);
  await page.waitForTimeout(300);
  expect(await badgeOf(background, tabId)).toBe('');
  await expect(page.locator('[data-papershelf-key]')).toHaveCount(0);
});
