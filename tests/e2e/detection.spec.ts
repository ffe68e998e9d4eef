import type { Worker } from '@playwright/test';
import { badgeOf, expect, serve, tabIdOf, test } from './fixtures';

declare const chrome: typeof import('wxt/browser').browser;
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
    for (const p of f.papers)
      await expect(page.locator(`papershelf-save[data-papershelf-key="${p.key}"]`).first(), `${f.site}/${f.name} ${p.key}`).toBeAttached();
    await page.close();
  }
});

/** The content script's own count after a rescan (-1 while no script answers: none yet, or none runs). */
const rescanCount = (background: Worker, tabId: number) =>
  background.evaluate(
    (id) =>
      chrome.tabs.sendMessage(id, { type: 'rescan' }).then(
        (r: { count: number }) => r.count,
        () => -1,
      ),
    tabId,
  );

test('generic listing layer: search pages of platforms without an adapter get a control per entry', async ({ context, background }) => {
  const listings = fixtureCases().filter((f) => f.site === 'listing');
  expect(listings.length).toBeGreaterThanOrEqual(3);
  for (const f of listings) {
    await serve(context, f.url, f.html);
    const page = await context.newPage();
    await page.goto(f.url, { waitUntil: 'domcontentloaded' });
    const tabId = await tabIdOf(background, page);
    await expect.poll(() => badgeOf(background, tabId), { message: `${f.site}/${f.name}` }).toBe(String(f.count));
    const keys = await page.locator('papershelf-save').evaluateAll((els) => els.map((e) => e.getAttribute('data-papershelf-key')));
    expect(keys.sort(), `${f.site}/${f.name}`).toEqual(f.papers.map((p) => p.key).sort());
    await page.close();
  }
});

test('pages that merely cite papers (news, blog, README, Wikipedia) get no badge and no control', async ({ context, background }) => {
  const negatives = fixtureCases().filter((f) => f.site === 'negative' && f.name !== 'challenge');
  expect(negatives.length).toBeGreaterThanOrEqual(4);
  for (const f of negatives) {
    await serve(context, f.url, f.html);
    const page = await context.newPage();
    await page.goto(f.url, { waitUntil: 'domcontentloaded' });
    const tabId = await tabIdOf(background, page);
    // Each names identifiers, so the generic script runs: its own rescan answers when it is done.
    await expect.poll(() => rescanCount(background, tabId), { message: `${f.site}/${f.name}` }).toBe(0);
    expect(await badgeOf(background, tabId), `${f.site}/${f.name}`).toBe('');
    await expect(page.locator('papershelf-save')).toHaveCount(0);
    await page.close();
  }
});

test('a single paper whose title the page shows late: a corner control first, then beside the title', async ({ context, background }) => {
  const url = 'https://journal.example.org/article/late-title';
  const html = `<!doctype html><html><head><title>Example Journal</title>
<meta name="citation_title" content="Tidal mixing in shallow seas"><meta name="citation_doi" content="10.5555/tm.late"></head>
<body><h1>Example Journal</h1><div id="app"><p>Loading…</p></div>
<script>setTimeout(() => { document.getElementById('app').innerHTML = '<article><div class="article-title">Tidal mixing in shallow seas</div></article>'; }, 1500);</script>
</body></html>`;
  await serve(context, url, html);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(background, page);
  await expect.poll(() => badgeOf(background, tabId)).toBe('1');
  const control = page.locator('papershelf-save[data-papershelf-key="doi:10.5555/tm.late"]');
  // In a corner (fixed), or already moved if the page rendered first on a busy machine.
  await expect(control).toHaveCount(1);
  await expect(page.locator('.article-title papershelf-save')).toHaveCount(1, { timeout: 10_000 });
  await expect(page.locator('papershelf-save[data-papershelf-corner]')).toHaveCount(0);
  await control.locator('button.save').click();
  await expect(control.locator('button.save')).toHaveAttribute('aria-pressed', 'true');
  await page.close();
});

test('a single paper whose title the page never shows: a fixed control in a corner, over no content', async ({ context, background }) => {
  const url = 'https://journal.example.org/article/no-title';
  const html = `<!doctype html><html><head><title>Example Journal</title>
<meta name="citation_title" content="Groundwater discharge to a tidal creek"><meta name="citation_doi" content="10.5555/gw.corner"></head>
<body style="margin:0"><main style="max-width:600px;margin:40px auto;font:16px serif"><h1>Example Journal</h1><p>${'Text of the page. '.repeat(200)}</p></main></body></html>`;
  await serve(context, url, html);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(background, page);
  await expect.poll(() => badgeOf(background, tabId)).toBe('1');
  const corner = page.locator('papershelf-save[data-papershelf-corner]');
  await expect(corner).toHaveCount(1);
  expect(await corner.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
  // Nothing of the page's text is under it.
  const box = (await corner.boundingBox())!;
  const main = (await page.locator('main').boundingBox())!;
  expect(box.x >= main.x + main.width || box.x + box.width <= main.x).toBe(true);
  await corner.locator('button.save').click();
  await expect(corner.locator('button.save')).toHaveAttribute('aria-pressed', 'true');
  await page.close();
});
