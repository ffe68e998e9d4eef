import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, serve, tabIdOf, test } from './fixtures';
import { generatePapers } from '../../lib/search/generate';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';
import { InlineControl } from './pages/InlineControl';

const ABS_URL = 'https://arxiv.org/abs/2401.01234v3';
const absHtml = readFileSync(join(import.meta.dirname, '../fixtures/arxiv/abs-current.html'), 'utf8');
const TITLE = 'Sparse Mixtures & Dense Experts: Scaling Laws for Routing';

test.describe.configure({ timeout: 90_000 });

test('tags and a note added in the popup persist, search finds them, remove + undo restores them', async ({ context, background, extensionId }) => {
  await serve(context, ABS_URL, absHtml);
  const page = await context.newPage();
  await page.goto(ABS_URL);
  await new InlineControl(page, 'arxiv:2401.01234').named(/^Save/).click();
  const tabId = await tabIdOf(background, page);

  let popup = await PopupPage.open(context, extensionId, tabId);
  await popup.openDetails(TITLE);
  await popup.addTags('mixture-of-experts', 'scaling laws');
  await popup.tagsInput.fill('to-cite,');
  await expect(popup.tagChip('to-cite')).toBeVisible();
  await popup.note.fill('Key idea: **routing** scales.\n\n<img src=x onerror=alert(1)>');
  await expect(popup.page.getByText('Saved', { exact: true })).toBeVisible();
  await popup.page.getByText('To read', { exact: true }).click();
  await popup.page.getByText('Reading', { exact: true }).click();
  await popup.page.close();

  // Reopen: everything persisted.
  popup = await PopupPage.open(context, extensionId, tabId);
  await popup.openDetails(TITLE);
  for (const t of ['mixture-of-experts', 'scaling laws', 'to-cite']) await expect(popup.tagChip(t)).toBeVisible();
  await expect(popup.note).toHaveValue(/Key idea: \*\*routing\*\* scales\./);
  await expect(popup.page.getByRole('radio', { name: 'Reading' })).toBeChecked();
  // The preview renders Markdown and shows hostile HTML as text.
  await popup.page.getByRole('button', { name: 'Preview' }).click();
  await expect(popup.page.locator('.note-preview strong')).toHaveText('routing');
  await expect(popup.page.locator('.note-preview img')).toHaveCount(0);
  await popup.page.keyboard.press('Escape');

  // Search by tag and by text (prefix, typo).
  await popup.showLibrary();
  for (const q of ['tag:to-cite', 'tag:"scaling laws"', 'rout', 'scalling', 'status:reading', 'has:note year:2024']) {
    await popup.search.fill(q);
    await expect(popup.libraryEntry(TITLE), q).toBeVisible();
  }
  await popup.search.fill('tag:nothing-like-this');
  await expect(popup.libraryEntry(TITLE)).toHaveCount(0);
  await popup.search.fill('');

  // Remove, then Undo: the record comes back with its notes and tags.
  await popup.openDetails(TITLE);
  await popup.page.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(popup.libraryEntry(TITLE)).toHaveCount(0);
  await popup.page.getByRole('button', { name: 'Undo' }).click();
  await popup.openDetails(TITLE);
  await expect(popup.tagChip('to-cite')).toBeVisible();
  await expect(popup.note).toHaveValue(/Key idea/);
});

test('keyboard: / focuses search, arrows move, Enter opens, Esc goes back', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await serve(context, ABS_URL, absHtml);
  await page.goto(ABS_URL);
  await new InlineControl(page, 'arxiv:2401.01234').named(/^Save/).click();
  await expect(new InlineControl(page, 'arxiv:2401.01234').named(/^Saved/)).toBeVisible();

  const popup = await PopupPage.open(context, extensionId);
  await popup.showLibrary();
  await popup.page.locator('body').click();
  await popup.page.keyboard.press('/');
  await expect(popup.search).toBeFocused();
  await popup.page.keyboard.type('sparse');
  await popup.page.keyboard.press('Enter');
  await expect(popup.page.getByRole('heading', { name: TITLE })).toBeVisible();
  await popup.page.keyboard.press('Escape');
  await expect(popup.search).toBeVisible();
});

test('a long library: End reaches the last paper (rows are ranked as the list scrolls), Enter opens it', async ({ context, extensionId }) => {
  const papers = generatePapers(600, { seed: 5 });
  const oldest = papers.reduce((a, b) => (b.addedAt < a.addedAt ? b : a));
  const options = await OptionsPage.open(context, extensionId);
  await options.importText(
    'library.json',
    JSON.stringify({ format: 'papershelf-backup', version: 1, exportedAt: new Date().toISOString(), papers }),
    'application/json',
  );
  await options.page.getByLabel('Import preview').getByRole('button', { name: 'Import 600 papers' }).click();
  await expect(options.libraryCount).toHaveText(/^600 papers/);

  const popup = await PopupPage.open(context, extensionId);
  await popup.showLibrary();
  await expect(popup.page.locator('#lib-results')).toHaveText('600 papers');
  await expect(popup.libraryEntry(oldest.title)).toHaveCount(0); // newest first: far below
  await popup.search.click();
  await popup.page.keyboard.press('End');
  await expect(popup.libraryEntry(oldest.title)).toBeVisible();
  await popup.page.keyboard.press('Enter');
  await expect(popup.page.getByRole('heading', { name: oldest.title })).toBeVisible();
});

declare const chrome: typeof import('wxt/browser').browser;

test('the popup draws its newest papers before IndexedDB answers, from rows each save keeps ready; the database corrects stale rows', async ({
  context,
  background,
  extensionId,
}) => {
  const firstRows = () =>
    background.evaluate(async () =>
      ((await chrome.storage.session.get('library:first-rows'))['library:first-rows'] as { title: string }[] | undefined)?.map((r) => r.title),
    );
  await serve(context, ABS_URL, absHtml);
  const page = await context.newPage();
  await page.goto(ABS_URL);
  await new InlineControl(page, 'arxiv:2401.01234').named(/^Save/).click();
  // The background's save (not a popup) keeps the rows ready.
  await expect.poll(firstRows).toEqual([TITLE]);

  // A popup whose IndexedDB never opens still shows the paper: the row came from those rows.
  const stuck = await context.newPage();
  await stuck.setViewportSize({ width: 480, height: 600 });
  await stuck.addInitScript(() => {
    IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest;
  });
  await stuck.goto(`chrome-extension://${extensionId}/popup.html`);
  const stuckPopup = new PopupPage(stuck);
  await expect(stuckPopup.libraryEntry(TITLE)).toBeVisible();
  await expect(stuck.locator('#lib-results')).toHaveText(/Indexing your library/);
  await stuck.close();

  // On a busy machine the stored rows may come after the first frame: they are shown then.
  const slow = await context.newPage();
  await slow.setViewportSize({ width: 480, height: 600 });
  await slow.addInitScript(() => {
    IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest;
    const area = chrome.storage.session;
    const get = area.get.bind(area) as (keys: string) => Promise<Record<string, unknown>>;
    Object.defineProperty(area, 'get', { value: (keys: string) => new Promise((resolve) => setTimeout(() => resolve(get(keys)), 400)) });
  });
  await slow.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(new PopupPage(slow).libraryEntry(TITLE)).toBeVisible();
  await slow.close();

  // Rows gone stale (written before a change the background could not follow): the database's
  // answer replaces them in the list, and in storage.
  await background.evaluate(async (title) => {
    const row = { key: 'arxiv:2401.99999', title: 'A ghost paper', authors: [], tags: [], status: 'unread', starred: false };
    const real = ((await chrome.storage.session.get('library:first-rows'))['library:first-rows'] as { title: string }[]).filter(
      (r) => r.title === title,
    );
    await chrome.storage.session.set({ 'library:first-rows': [row, ...real] });
  }, TITLE);
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.libraryEntry(TITLE)).toBeVisible();
  await expect(popup.libraryEntry('A ghost paper')).toHaveCount(0);
  await expect.poll(firstRows).toEqual([TITLE]);
});
