import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoViolations } from './axe';
import { absHtml, openAbs } from './pages/ArxivAbsPage';
import { InlineControl } from './pages/InlineControl';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';

test.describe.configure({ timeout: 180_000 });

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
  await expect(InlineControl.all(page)).not.toHaveAttribute('data-dark');
  const dark = absHtml.replace('</head>', '<style>body{background:#111418;color:#e8e8e8}</style></head>');
  const { page: darkPage } = await openAbs(context, background, dark);
  await expect(InlineControl.all(darkPage)).toHaveAttribute('data-dark', '');
  await expectNoViolations(darkPage, 'papershelf-save');
});
