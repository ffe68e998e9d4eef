import { badgeOf, expect, serve, tabIdOf, test } from './fixtures';
import { CORPUS_SKIP_MESSAGE, corpusCases, corpusPresent } from '../helpers/corpus';
import { fixtureCases } from '../helpers/fixtures';

test.describe.configure({ timeout: 240_000 });

test('every page of the shared corpus, served at its URL, gets the expected badge and controls', async ({ context, background }) => {
  test.skip(!corpusPresent, CORPUS_SKIP_MESSAGE);
  const failures: string[] = [];
  for (const c of corpusCases()) {
    await serve(context, c.url, c.html());
    const page = await context.newPage();
    await page.goto(c.url, { waitUntil: 'domcontentloaded' });
    const tabId = await tabIdOf(background, page);
    const want = c.count ? String(c.count) : '';
    try {
      await expect.poll(() => badgeOf(background, tabId), { timeout: 8000 }).toBe(want);
      if (c.kind === 'listing') {
        const keys = await page.locator('papershelf-save').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-papershelf-key')))]);
        if (keys.length !== c.count) failures.push(`${c.name}: ${keys.length} keyed controls, expected ${c.count}`);
      }
    } catch {
      failures.push(`${c.name}: badge "${await badgeOf(background, tabId)}", expected "${want}"`);
    }
    await page.close();
  }
  expect(failures).toEqual([]);
});

test('listing fixtures of our own: one control per entry, with the right key', async ({ context, background }) => {
  const listings = fixtureCases().filter((f) => f.count >= 3);
  expect(listings.length).toBeGreaterThan(5);
  for (const f of listings) {
    await serve(context, f.url, f.html);
    const page = await context.newPage();
    await page.goto(f.url, { waitUntil: 'domcontentloaded' });
    const tabId = await tabIdOf(background, page);
    await expect.poll(() => badgeOf(background, tabId), { message: `${f.site}/${f.name}` }).toBe(String(f.count));
    for (const p of f.papers) await expect(page.locator(`papershelf-save[data-papershelf-key="${p.key}"]`).first(), `${f.site}/${f.name} ${p.key}`).toBeAttached();
    await page.close();
  }
});
