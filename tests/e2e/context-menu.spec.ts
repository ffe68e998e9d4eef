// The context menu: save a link, quote a selection into the note. Menu clicks can't be produced
// in headless Chromium: the tests call the handler the background registers (its global `papershelf`).
import { expect, test } from './fixtures';
import { ABS_TITLE, openAbs } from './pages/ArxivAbsPage';
import { PopupPage } from './pages/PopupPage';

declare const papershelf: {
  menuClick(info: { menuItemId: string; linkUrl?: string; selectionText?: string }, tabId?: number): Promise<string | undefined>;
};

test.describe.configure({ timeout: 180_000 });

test('context menu: save a link from its URL, quote a selection into the note', async ({ context, background, extensionId }) => {
  const { tabId } = await openAbs(context, background);
  const key = await background.evaluate(
    (id) => papershelf.menuClick({ menuItemId: 'save-link', linkUrl: 'https://arxiv.org/pdf/1706.03762v7' }, id),
    tabId,
  );
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
  await popup.openDetails(ABS_TITLE);
  await expect(popup.note).toHaveValue('> Routing scales\n> with experts.\n\n> Second passage.\n');
});
