// Daily triage end to end: the seen ledger across sites and page loads, New marks and the badge,
// Dismiss across listings, keyboard triage, and the ledger switched off. "Day 2" is a second page
// load (New means "never seen before this page load"; no clock is faked, no test hook needed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { badgeOf, expect, serve, tabIdOf, test } from './fixtures';
import { FIXTURES_DIR } from '../helpers/fixtures';
import { PopupPage } from './pages/PopupPage';

declare const chrome: typeof import('wxt/browser').browser;

const HF_URL = 'https://huggingface.co/papers';
const ARXIV_URL = 'https://arxiv.org/list/cs.LG/new';
const HF_KEYS = [1, 2, 3, 4, 5, 6].map((i) => `arxiv:2410.0500${i}`);

/** Tall entries in a small window: one entry on screen at a time, so "half the page" is exact. */
const TALL = '<style>article{min-height:1400px}</style>';
const hfDaily = () => readFileSync(join(FIXTURES_DIR, 'huggingface/daily.html'), 'utf8').replace('</head>', `${TALL}</head>`);
/** The arXiv list of our fixtures, sharing two papers with the Hugging Face page (one seen on day 1, one not). */
const arxivList = () =>
  readFileSync(join(FIXTURES_DIR, 'arxiv/list-new.html'), 'utf8')
    .replaceAll('2405.07001', '2410.05001')
    .replaceAll('2405.07002', '2410.05004')
    .replace('<div id="header">', '<div id="header"><form role="search"><input type="search" name="query" aria-label="Search arXiv"></form>');
const ARXIV_KEYS = ['arxiv:2410.05001', 'arxiv:2410.05004', 'arxiv:2405.07003', 'arxiv:2405.06500', 'arxiv:2311.01234', 'arxiv:1912.00042'];

async function setSettings(background: Worker, patch: Record<string, unknown>) {
  await background.evaluate(async (p) => {
    const cur = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...cur, ...p } });
  }, patch);
}

/** The seen ledger's keys, read from the background's IndexedDB ('papershelf-seen'). */
function ledgerKeys(background: Worker): Promise<string[]> {
  return background.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('papershelf-seen');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('seen')) {
            db.close();
            return resolve([]);
          }
          const q = db.transaction('seen').objectStore('seen').getAllKeys();
          q.onsuccess = () => {
            db.close();
            resolve((q.result as string[]).sort());
          };
        };
      }),
  );
}

async function open(context: BrowserContext, url: string, html: string): Promise<Page> {
  await serve(context, url, html);
  const page = await context.newPage();
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

const host = (page: Page, key: string) => page.locator(`papershelf-save[data-papershelf-key="${key}"]`).first();
/** The marks are in once the look-up answered: every control has its Dismiss button. */
const marked = (page: Page, key: string) => expect(host(page, key).getByRole('button', { name: /^Dismiss/ })).toBeAttached();
const newKeys = (page: Page) =>
  page.locator('papershelf-save[data-papershelf-new]').evaluateAll((els) => els.map((e) => e.getAttribute('data-papershelf-key')!).sort());

/** Day 1: scroll through the first half of the Hugging Face page, a second and a half on each entry. */
async function scrollHalf(page: Page) {
  for (let i = 0; i < 3; i++) {
    await page
      .locator('article')
      .nth(i)
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(1500);
  }
}

test('a paper seen on Hugging Face is not new on arXiv the next day; the badge counts the new ones', async ({ context, background, extensionId }) => {
  await setSettings(background, { badgeCount: 'new', watchList: ['conformal prediction', 'author: Kenji Sato'] });
  const day1 = await open(context, HF_URL, hfDaily());
  await marked(day1, HF_KEYS[5]);
  expect(await newKeys(day1)).toEqual(HF_KEYS); // nothing seen yet
  await scrollHalf(day1);
  // Sightings go out in batches, at the latest 10 s after the first (lib/inline/triage.ts FLUSH_MS).
  await expect.poll(() => ledgerKeys(background), { timeout: 20_000 }).toEqual(HF_KEYS.slice(0, 3));
  await day1.close();

  const day2 = await open(context, ARXIV_URL, arxivList());
  await marked(day2, ARXIV_KEYS[5]);
  // 2410.05001 was seen on Hugging Face; 2410.05004 was on that page too but never on screen.
  expect(await newKeys(day2)).toEqual(ARXIV_KEYS.filter((k) => k !== 'arxiv:2410.05001').sort());
  expect(await host(day2, 'arxiv:2410.05001').getAttribute('data-papershelf-new')).toBeNull();
  const tabId = await tabIdOf(background, day2);
  await expect.poll(() => badgeOf(background, tabId)).toBe('5');

  // The popup's This page: counts, watch-list matches first, New only, Mark all seen.
  const popup = await PopupPage.open(context, extensionId, tabId);
  await popup.showPage();
  await expect(popup.onPage.getByText('5 new since your last visit · 2 match your watch list')).toBeVisible();
  const titles = popup.onPage.getByRole('listitem').locator('.paper-title');
  await expect(titles.first()).toHaveText('Conformal Prediction Under Label Shift');
  await popup.onPage.getByRole('button', { name: 'New only', exact: true }).click();
  await expect(popup.onPage.getByRole('listitem')).toHaveCount(5);
  await popup.onPage.getByRole('button', { name: 'Mark all seen' }).click();
  await expect(popup.onPage.getByText('0 new since your last visit', { exact: false })).toBeVisible();
  await expect.poll(() => badgeOf(background, tabId)).toBe('');
  expect(await ledgerKeys(background)).toEqual([...new Set([...HF_KEYS.slice(0, 3), ...ARXIV_KEYS])].sort());
});

test('dismissed on one listing, dimmed on another; undo in place', async ({ context, background }) => {
  const arxiv = await open(context, ARXIV_URL, arxivList());
  await marked(arxiv, 'arxiv:2410.05004');
  await host(arxiv, 'arxiv:2410.05004')
    .getByRole('button', { name: /^Dismiss/ })
    .click();
  await expect(host(arxiv, 'arxiv:2410.05004')).toHaveAttribute('data-papershelf-dismissed', '');
  await arxiv.close();

  const hf = await open(context, HF_URL, hfDaily());
  const dismissed = host(hf, 'arxiv:2410.05004');
  await expect(dismissed).toHaveAttribute('data-papershelf-dismissed', '');
  // The entry is dimmed; the others are not.
  expect(await dismissed.evaluate((h) => getComputedStyle(h.parentElement!).opacity)).toBe('0.45');
  expect(await host(hf, 'arxiv:2410.05001').evaluate((h) => getComputedStyle(h.parentElement!).opacity)).toBe('1');
  await dismissed.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(dismissed).not.toHaveAttribute('data-papershelf-dismissed');
  expect(await dismissed.evaluate((h) => getComputedStyle(h.parentElement!).opacity)).toBe('1');
  void background;
});

test('a dismissal on one open listing re-dims the other open tab at once, and so does its undo', async ({ context }) => {
  const hf = await open(context, HF_URL, hfDaily());
  await marked(hf, 'arxiv:2410.05004');
  const arxiv = await open(context, ARXIV_URL, arxivList());
  await marked(arxiv, 'arxiv:2410.05004');
  const there = host(hf, 'arxiv:2410.05004');
  await expect(there).not.toHaveAttribute('data-papershelf-dismissed');
  const button = host(arxiv, 'arxiv:2410.05004').getByRole('button', { name: /^Dismiss/ });
  await button.click();
  // No reload of the Hugging Face tab: the background told it.
  await expect(there).toHaveAttribute('data-papershelf-dismissed', '');
  await expect.poll(() => there.evaluate((h) => getComputedStyle(h.parentElement!).opacity)).toBe('0.45');
  await expect(host(hf, 'arxiv:2410.05001')).not.toHaveAttribute('data-papershelf-dismissed');
  await button.click();
  await expect(there).not.toHaveAttribute('data-papershelf-dismissed');
  await expect.poll(() => there.evaluate((h) => getComputedStyle(h.parentElement!).opacity)).toBe('1');
});

test('hide instead of dim: a dismissed entry leaves "1 hidden · show" on the next listing; show and undo', async ({ context, background }) => {
  await setSettings(background, { hideInsteadOfDim: 'dismissed' });
  const arxiv = await open(context, ARXIV_URL, arxivList());
  await marked(arxiv, 'arxiv:2410.05004');
  await host(arxiv, 'arxiv:2410.05004')
    .getByRole('button', { name: /^Dismiss/ })
    .click();
  // Dismissed here: it stays in view, dimmed, with its Undo.
  await expect(host(arxiv, 'arxiv:2410.05004')).toHaveAttribute('data-papershelf-dismissed', '');
  await expect(host(arxiv, 'arxiv:2410.05004')).toBeVisible();
  await arxiv.close();

  const hf = await open(context, HF_URL, hfDaily());
  const dismissed = host(hf, 'arxiv:2410.05004');
  await expect(dismissed).toHaveAttribute('data-papershelf-dismissed', '');
  await expect(dismissed).toBeHidden();
  await expect(host(hf, 'arxiv:2410.05001')).toBeVisible();
  const show = hf.getByRole('button', { name: /^1 hidden · show/ });
  await expect(show).toHaveCount(1);
  await show.click();
  await expect(dismissed).toBeVisible();
  expect(await dismissed.evaluate((h) => getComputedStyle(h.parentElement!).opacity)).toBe('0.45');
  await dismissed.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(dismissed).not.toHaveAttribute('data-papershelf-dismissed');
  await expect.poll(() => dismissed.evaluate((h) => getComputedStyle(h.parentElement!).opacity)).toBe('1');
});

test("j j s saves the second entry; keys typed in the page's search box are left alone", async ({ context, background }) => {
  const page = await open(context, ARXIV_URL, arxivList());
  await marked(page, ARXIV_KEYS[5]);
  const search = page.getByRole('searchbox', { name: 'Search arXiv' });
  await search.click();
  await page.keyboard.type('jjs');
  await expect(search).toHaveValue('jjs');
  await search.evaluate((el) => (el as HTMLInputElement).blur());
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('s');
  const save = (key: string) => host(page, key).getByRole('button', { name: /^Save/ });
  await expect(save(ARXIV_KEYS[1])).toHaveAttribute('aria-pressed', 'true');
  // Only the second: the keys typed in the search box saved nothing.
  for (const k of [ARXIV_KEYS[0], ...ARXIV_KEYS.slice(2)]) await expect(save(k)).toHaveAttribute('aria-pressed', 'false');
  // The ring is the extension's own overlay.
  await expect(page.locator('papershelf-overlay .ring')).toBeVisible();
  void background;
});

test('with the ledger off nothing is recorded and nothing is marked New', async ({ context, background }) => {
  await setSettings(background, { seenLedger: false });
  const page = await open(context, HF_URL, hfDaily());
  await marked(page, HF_KEYS[5]);
  await scrollHalf(page);
  // Past the batch delay, then the page goes (which sends whatever is waiting).
  await page.waitForTimeout(2500);
  await page.close();
  const again = await open(context, HF_URL, hfDaily());
  await marked(again, HF_KEYS[5]);
  expect(await ledgerKeys(background)).toEqual([]);
  expect(await newKeys(again)).toEqual([]);
});
