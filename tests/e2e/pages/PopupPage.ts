import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The popup, opened as a page for a given tab (`popup.html?tab=<id>`). */
export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId?: number): Promise<PopupPage> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 480, height: 600 });
    await page.goto(`chrome-extension://${extensionId}/popup.html${tabId ? `?tab=${tabId}` : ''}`);
    return new PopupPage(page);
  }

  get onPage(): Locator {
    return this.page.getByRole('region', { name: 'On this page' });
  }

  get library(): Locator {
    return this.page.getByRole('region', { name: 'Library' });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search library' });
  }

  async showPage(): Promise<void> {
    await this.page.getByRole('tab', { name: /This page/ }).click();
  }

  async showLibrary(): Promise<void> {
    await this.page.getByRole('tab', { name: /Library/ }).click();
  }

  pageEntry(title: string): Locator {
    return this.onPage.getByRole('listitem').filter({ hasText: title });
  }

  libraryEntry(title: string): Locator {
    return this.library.getByRole('listitem').filter({ hasText: title });
  }

  async saveAll(): Promise<void> {
    await this.showPage();
    await this.onPage.getByRole('button', { name: 'Save all' }).click();
  }

  /** Opens a saved paper's details from the library list. */
  async openDetails(title: string): Promise<void> {
    await this.showLibrary();
    await this.libraryEntry(title).getByRole('button', { name: title }).click();
  }

  get tagsInput(): Locator {
    // An input with a datalist is a combobox.
    return this.page.getByRole('combobox', { name: 'Tags' });
  }

  get note(): Locator {
    return this.page.getByRole('textbox', { name: 'Note' });
  }

  async addTags(...tags: string[]): Promise<void> {
    for (const t of tags) {
      await this.tagsInput.fill(t);
      await this.tagsInput.press('Enter');
    }
  }

  tagChip(tag: string): Locator {
    return this.page.getByRole('list', { name: 'Current tags' }).getByRole('listitem').filter({ hasText: tag });
  }
}
