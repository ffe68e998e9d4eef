import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The inline Save control beside a paper on a web page: a `papershelf-save` host keyed by the
 * paper's canonical key, its button inside a shadow root (Playwright's locators pierce it).
 */
export class InlineControl {
  readonly host: Locator;
  readonly button: Locator;

  constructor(
    readonly page: Page,
    readonly key: string,
  ) {
    this.host = page.locator(`[data-papershelf-key="${key}"]`);
    this.button = this.host.getByRole('button');
  }

  /** Every control on the page. */
  static all(page: Page): Locator {
    return page.locator('papershelf-save');
  }

  /** The button once its accessible name matches (e.g. /^Save/, /^Saved/). */
  named(name: RegExp): Locator {
    return this.host.getByRole('button', { name });
  }

  /** Saves, or removes when already saved: what a user's click does. */
  async toggle(): Promise<void> {
    await this.button.click();
  }

  async expectSaved(): Promise<void> {
    await expect(this.button).toHaveAccessibleName(/^Saved/);
  }

  async expectNotSaved(): Promise<void> {
    await expect(this.button).toHaveAccessibleName(/^Save to/);
  }
}
