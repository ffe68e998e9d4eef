// README screenshots, taken from the real build (npm run screenshots): popup, options, inline
// buttons on a listing. Written to tests/screenshots/out/ and copied by hand into the README's
// folder, tests/screenshots/readme/ (committed), when they change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, serve, tabIdOf, test } from '../e2e/fixtures';
import { OptionsPage } from '../e2e/pages/OptionsPage';
import { PopupPage } from '../e2e/pages/PopupPage';

const OUT = process.env.SHOTS_DIR ?? join(import.meta.dirname, 'out');
const fixture = (site: string, name: string) => readFileSync(join(import.meta.dirname, '../fixtures', site, `${name}.html`), 'utf8');
// The format fixtures' ordinary papers (the others are there to break exporters, not to show).
const SHOWN = [0, 1, 2, 3, 4, 6, 7, 10, 21, 22, 23, 25, 26];
const library = (JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/formats/library.json'), 'utf8')) as unknown[]).filter((_, i) =>
  SHOWN.includes(i),
);
// The listing fixture with its hostile titles replaced, and a little of arXiv's look.
const listing = fixture('arxiv', 'list-new')
  .replace(/When &lt;script&gt;.*? D\n/, 'Robust Parsing of Scientific PDFs at Scale\n')
  .replace('Bobby Tables', 'Amara Diallo')
  .replace('A Paper With No Authors Listed Yet', 'Sparse Autoencoders Find Interpretable Features in Small Models')
  .replace(
    '</head>',
    '<style>body{font:14px/1.5 Helvetica,Arial,sans-serif;max-width:860px;margin:0 auto;padding:8px 24px}h1{font-size:22px}a{color:#0645ad}' +
      '@media (prefers-color-scheme:dark){body{background:#16181d;color:#e3e3e3}a{color:#8ab4f8}}</style></head>',
  );

test.describe.configure({ timeout: 240_000 });

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots (${scheme})`, async ({ context, background, extensionId }) => {
    const suffix = scheme === 'dark' ? '-dark' : '';
    const options = await OptionsPage.open(context, extensionId);
    await options.page.emulateMedia({ colorScheme: scheme });
    await options.importText(
      'library.json',
      JSON.stringify({ format: 'papershelf-backup', version: 1, exportedAt: '2026-11-29T00:00:00Z', papers: library }),
      'application/json',
    );
    await options.page
      .getByLabel('Import preview')
      .getByRole('button', { name: /^Import/ })
      .click();
    await expect(options.libraryCount).toBeVisible();
    await options.page.setViewportSize({ width: 1000, height: 1300 });
    await options.page.screenshot({ path: join(OUT, `options${suffix}.png`), fullPage: true });

    const url = 'https://arxiv.org/list/cs.LG/new';
    await serve(context, url, listing);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(url);
    await page.locator('papershelf-save').first().getByRole('button', { name: /^Save/ }).click();
    await expect(page.locator('papershelf-save').first().getByRole('button', { name: /^Save/ })).toHaveAccessibleName(/^Saved/);
    await page.screenshot({ path: join(OUT, `inline-arxiv-list${suffix}.png`) });
    const tabId = await tabIdOf(background, page);

    const popup = await PopupPage.open(context, extensionId, tabId);
    await popup.page.emulateMedia({ colorScheme: scheme });
    await expect(popup.onPage.getByRole('listitem').first()).toBeVisible();
    await popup.page.screenshot({ path: join(OUT, `popup-page${suffix}.png`) });
    await popup.showLibrary();
    await popup.page.mouse.move(470, 590); // no hover highlight in the picture
    await popup.page.waitForTimeout(300);
    await popup.page.screenshot({ path: join(OUT, `popup-library${suffix}.png`) });
    // The list is virtual: bring the paper into it first.
    await popup.search.fill('attention is all');
    await popup.openDetails('Attention Is All You Need');
    await popup.page.waitForTimeout(300);
    await popup.page.screenshot({ path: join(OUT, `popup-details${suffix}.png`) });

    // The library page: list and details side by side, then the Annotations view.
    const wide = await context.newPage();
    await wide.emulateMedia({ colorScheme: scheme });
    await wide.setViewportSize({ width: 1200, height: 760 });
    await wide.goto(`chrome-extension://${extensionId}/library.html`);
    await expect(wide.getByText('Attention Is All You Need').first()).toBeVisible();
    await wide.getByText('Attention Is All You Need').first().click();
    await wide.waitForTimeout(300);
    await wide.screenshot({ path: join(OUT, `library-page${suffix}.png`) });
  });
}
