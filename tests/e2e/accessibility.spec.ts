// axe-core on every surface, light and dark: the popup (empty, this page, library, selection,
// details), the options page and the inline control (unsaved and saved).
import { expect, test } from './fixtures';
import { expectNoViolations } from './axe';
import { ABS_TITLE, openAbs } from './pages/ArxivAbsPage';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';

declare const papershelf: {
  menuClick(info: { menuItemId: string; linkUrl?: string; selectionText?: string }, tabId?: number): Promise<string | undefined>;
};

test.describe.configure({ timeout: 180_000 });

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the popup, options and inline control (${scheme})`, async ({ context, background, extensionId }) => {
    const empty = await PopupPage.open(context, extensionId);
    await empty.page.emulateMedia({ colorScheme: scheme });
    await expect(empty.page.getByText('Your library is empty.')).toBeVisible();
    await expectNoViolations(empty.page);
    await empty.page.close();

    const { page, tabId, control } = await openAbs(context, background);
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoViolations(page, 'papershelf-save');
    await control.toggle();
    await control.expectSaved();
    await expectNoViolations(page, 'papershelf-save');
    await background.evaluate((id) => papershelf.menuClick({ menuItemId: 'save-link', linkUrl: 'https://doi.org/10.1038/nature14539' }, id), tabId);

    const popup = await PopupPage.open(context, extensionId, tabId);
    await popup.page.emulateMedia({ colorScheme: scheme });
    await expect(popup.pageEntry(ABS_TITLE)).toBeVisible();
    await expectNoViolations(popup.page);
    await popup.showLibrary();
    await expect(popup.libraryEntry(ABS_TITLE)).toBeVisible();
    await popup.libraryEntry(ABS_TITLE).getByRole('checkbox').check();
    await expectNoViolations(popup.page);
    await popup.openDetails(ABS_TITLE);
    await popup.addTags('moe');
    await popup.note.fill('**Key** idea');
    await expectNoViolations(popup.page);

    const options = await OptionsPage.open(context, extensionId);
    await options.page.emulateMedia({ colorScheme: scheme });
    await expect(options.libraryCount).toBeVisible();
    await expectNoViolations(options.page);
  });
}
