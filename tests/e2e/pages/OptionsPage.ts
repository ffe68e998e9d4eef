import type { BrowserContext, Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, hash = ''): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html${hash}`);
    return new OptionsPage(page);
  }

  /** Clicks an export button and returns the downloaded file's name and text. */
  async exportFile(buttonName: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: buttonName, exact: true }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  get importInput(): Locator {
    return this.page.getByLabel('Import file');
  }

  async importText(name: string, text: string | Buffer, mimeType = 'text/plain'): Promise<void> {
    await this.importInput.setInputFiles({ name, mimeType, buffer: typeof text === 'string' ? Buffer.from(text) : text });
  }

  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  get libraryCount(): Locator {
    return this.page.getByText(/papers? in your library/);
  }
}
