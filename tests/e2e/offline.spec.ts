// Offline: every request fails (the fixture aborts the web; here the browser is offline too).
// Detection, saving, the popup and every export still work, and nothing waits on the network.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, serve, tabIdOf, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';
import { InlineControl } from './pages/InlineControl';

const ABS_URL = 'https://arxiv.org/abs/2401.01234v3';
const TITLE = 'Sparse Mixtures & Dense Experts: Scaling Laws for Routing';

test('offline: save inline and from the popup, edit, export every format — nothing hangs', async ({ context, background, extensionId }) => {
  await serve(context, ABS_URL, readFileSync(join(import.meta.dirname, '../fixtures/arxiv/abs-current.html'), 'utf8'));
  const page = await context.newPage();
  await page.goto(ABS_URL);
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  const control = new InlineControl(page, 'arxiv:2401.01234').button;
  await control.click();
  await expect(control).toHaveAccessibleName(/^Saved/, { timeout: 3000 });

  const popup = await PopupPage.open(context, extensionId, await tabIdOf(background, page));
  await expect(popup.pageEntry(TITLE).getByRole('button', { name: /^Saved/ })).toBeVisible({ timeout: 3000 });
  await popup.openDetails(TITLE);
  await popup.addTags('offline');
  await popup.note.fill('Written offline.');
  await expect(popup.page.locator('.note-state')).toHaveText('Saved', { timeout: 3000 });

  const options = await OptionsPage.open(context, extensionId);
  for (const label of ['BibTeX', 'RIS', 'CSL-JSON', 'Markdown', 'CSV', 'JSON backup']) {
    const started = Date.now();
    const file = await options.exportFile(`Export ${label}`);
    expect(file.text, label).toContain(label === 'CSV' || label === 'Markdown' ? 'Sparse Mixtures' : '2401.01234');
    expect(Date.now() - started, `${label} took too long`).toBeLessThan(5000);
  }
  // The inline control keeps working after all that, and the page never left.
  await control.click();
  await expect(control).toHaveAccessibleName(/^Saved/);
  expect(page.url()).toBe(ABS_URL);
});
