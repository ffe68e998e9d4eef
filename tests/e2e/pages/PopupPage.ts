import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The popup, opened as a page for a given tab (`popup.html?tab=<id>`). */
export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId?: number): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html${tabId ? `?tab=${tabId}` : ''}`);
    return new PopupPage(page);
  }

  get onPage(): Locator {
    return this.page.getByRole('region', { name: 'On this page' });
  }

  get library(): Locator {
    return this.page.getByRole('region', { name: 'Library' });
  }

  pageEntry(title: string): Locator {
    return this.onPage.getByRole('listitem').filter({ hasText: title });
  }

  libraryEntry(title: string): Locator {
    return this.library.getByRole('listitem').filter({ hasText: title });
  }

  async saveAll(): Promise<void> {
    await this.onPage.getByRole('button', { name: 'Save all' }).click();
  }
}
