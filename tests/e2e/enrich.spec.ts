// Metadata completion end to end: the service worker's requests to the APIs are answered by
// recorded responses through context.route — Playwright 1.65 routes a Chromium service worker's
// requests by default (PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK turns that off); every other
// request stays aborted by the fixture, so no test waits on the real network.
import type { BrowserContext, Request, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, serve, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';
import { InlineControl } from './pages/InlineControl';

// `chrome` inside the extension's service worker (background.evaluate callbacks run there).
declare const chrome: typeof import('wxt/browser').browser;

const read = (...p: string[]) => readFileSync(join(import.meta.dirname, '../fixtures', ...p), 'utf8');
const LISTING = 'https://huggingface.co/papers';
const KEY = 'arxiv:2410.05001';

// Each test walks a page, the service worker's lookups, the popup and the options page.
test.slow();

/** Answers arXiv API queries with `xml`; returns the requests seen. */
async function routeArxiv(context: BrowserContext, xml: string): Promise<Request[]> {
  const seen: Request[] = [];
  await context.route('https://export.arxiv.org/api/query**', (route) => {
    seen.push(route.request());
    return route.fulfill({ status: 200, contentType: 'application/atom+xml; charset=utf-8', body: xml });
  });
  return seen;
}

/** How many authors the saved record `key` has, read from IndexedDB in the service worker. */
function authorsOf(background: Worker, key: string): Promise<number> {
  return background.evaluate(
    (k) =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('papershelf');
        req.onsuccess = () => {
          const get = req.result.transaction('papers').objectStore('papers').get(k);
          get.onsuccess = () => resolve((get.result as { authors?: string[] } | undefined)?.authors?.length ?? -1);
          get.onerror = () => resolve(-1);
        };
        req.onerror = () => resolve(-1);
      }),
    key,
  );
}

test('a paper saved from a listing (title + arXiv id only) is completed: the BibTeX has authors and year', async ({
  context,
  background,
  extensionId,
}) => {
  const seen = await routeArxiv(context, read('api/arxiv/hf-daily.xml'));
  await serve(context, LISTING, read('huggingface/daily.html'));
  const page = await context.newPage();
  await page.goto(LISTING);
  const save = new InlineControl(page, KEY).named(/^Save/).first();
  await save.click();
  await expect(new InlineControl(page, KEY).named(/^Saved/).first()).toBeVisible();

  await expect.poll(() => seen.length).toBeGreaterThan(0);
  expect(seen[0].url()).toContain('id_list=2410.05001');

  await expect.poll(() => authorsOf(background, KEY), { timeout: 15_000 }).toBe(4);
  const options = await OptionsPage.open(context, extensionId);
  const bib = (await options.exportFile('Export BibTeX')).text;
  expect(bib).toMatch(/author = \{Martin, Alice and Nowak, Bogdan and Dubois, Chlo/);
  expect(bib).toContain('year = {2024}');
  expect(bib).toContain('eprint = {2410.05001}');
});

const ABS_URL = 'https://arxiv.org/abs/2401.01234v3';
const TITLE = 'Sparse Mixtures & Dense Experts: Scaling Laws for Routing';

test('a saved preprint found published: details say so, BibTeX uses the journal and keeps eprint, the DOI shows Saved', async ({
  context,
  extensionId,
}) => {
  await routeArxiv(context, read('api/arxiv/abs-current.xml'));
  await context.route('https://api.crossref.org/works/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: read('api/crossref/tacl-2025.json') }),
  );
  await serve(context, ABS_URL, read('arxiv/abs-current.html'));
  const page = await context.newPage();
  await page.goto(ABS_URL);
  await new InlineControl(page, 'arxiv:2401.01234').named(/^Save/).click();

  const popup = await PopupPage.open(context, extensionId);
  await popup.openDetails(TITLE);
  await expect(popup.page.getByText('Published in Transactions of the Association for Computational Linguistics (2025)')).toBeVisible({
    timeout: 15_000,
  });

  const options = await OptionsPage.open(context, extensionId);
  const bib = (await options.exportFile('Export BibTeX')).text;
  expect(bib).toMatch(/@article\{/);
  expect(bib).toContain('journal = {Transactions of the Association for Computational Linguistics}');
  expect(bib).toContain('eprint = {2401.01234}');
  expect(bib).toContain('year = {2025}');

  // The publisher's page of the same paper (its DOI only) shows it as already saved.
  const doiPage = 'https://direct.mit.edu/tacl/article/doi/10.1162/tacl_a_00777';
  await serve(
    context,
    doiPage,
    `<!doctype html><title>${TITLE}</title><meta name="citation_title" content="${TITLE.replace('&', '&amp;')}"><meta name="citation_doi" content="10.1162/tacl_a_00777"><meta name="citation_journal_title" content="TACL"><h1>${TITLE.replace('&', '&amp;')}</h1>`,
  );
  const pub = await context.newPage();
  await pub.goto(doiPage);
  await expect(
    pub
      .locator('[data-papershelf-key]')
      .getByRole('button', { name: /^Saved/ })
      .first(),
  ).toBeVisible();
});

test('with network lookups off no request is made; switching them on completes the queued paper', async ({ context, background }) => {
  await background.evaluate(() => chrome.storage.local.set({ settings: { networkLookups: false } }));
  const seen = await routeArxiv(context, read('api/arxiv/hf-daily.xml'));
  await serve(context, LISTING, read('huggingface/daily.html'));
  const page = await context.newPage();
  await page.goto(LISTING);
  await new InlineControl(page, KEY).named(/^Save/).first().click();
  await expect(new InlineControl(page, KEY).named(/^Saved/).first()).toBeVisible();
  await page.waitForTimeout(1500);
  expect(seen).toHaveLength(0);

  await background.evaluate(() => chrome.storage.local.set({ settings: { networkLookups: true } }));
  await expect.poll(() => seen.length).toBe(1);
});
