// Crashes and restarts: Chrome stops an idle MV3 service worker (and kills a busy one after
// 5 minutes). What the worker knew must not live only in its memory: detections per tab are in
// storage.session, the library and the completion queue in IndexedDB. Stopped here through the
// DevTools protocol (ServiceWorker.stopAllWorkers), as Chrome's idle timer would.
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, serve, tabIdOf, test } from './fixtures';
import { PopupPage } from './pages/PopupPage';
import { InlineControl } from './pages/InlineControl';

declare const chrome: typeof import('wxt/browser').browser;
const ABS_URL = 'https://arxiv.org/abs/2401.01234v3';
const LIST_URL = 'https://arxiv.org/list/cs.LG/new';
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/arxiv', `${name}.html`), 'utf8');
const TITLE = 'Sparse Mixtures & Dense Experts: Scaling Laws for Routing';

/** Watches our service worker's running status through the DevTools protocol. */
async function workerStatus(context: BrowserContext, via: Page) {
  const cdp = await context.newCDPSession(via);
  const seen: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.endsWith('/background.js')) seen.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  return {
    seen,
    /** Stops every service worker of the profile, as Chrome does after 30 s idle; resolves once ours is stopped. */
    async stop() {
      const from = seen.length;
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(() => seen.slice(from).includes('stopped')).toBe(true);
      return seen.length;
    },
  };
}

/** Rows of a table of the extension's database, read from an extension page (no worker needed). */
function keysOf(page: Page, store: string): Promise<string[]> {
  return page.evaluate(
    (s) =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('papershelf');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(s)) return resolve([]);
          const all = db.transaction(s).objectStore(s).getAllKeys();
          all.onsuccess = () => resolve((all.result as string[]).sort());
        };
      }),
    store,
  );
}

test('the service worker stopped: popup still lists the tab’s papers, badge intact, inline Save wakes it', async ({
  context,
  background,
  extensionId,
}) => {
  await serve(context, ABS_URL, fixture('abs-current'));
  await serve(context, LIST_URL, fixture('list-new'));
  const list = await context.newPage();
  await list.goto(LIST_URL);
  const listTab = await tabIdOf(background, list);
  await expect.poll(() => background.evaluate((t) => chrome.action.getBadgeText({ tabId: t }), listTab)).toBe('6');
  const monitor = await context.newPage();
  await monitor.goto(`chrome-extension://${extensionId}/popup.html`);
  const worker = await workerStatus(context, monitor);
  const page = await context.newPage();
  await page.goto(ABS_URL);
  const control = new InlineControl(page, 'arxiv:2401.01234').button;
  await expect(control).toHaveAccessibleName(/^Save to/);
  const tabId = await tabIdOf(background, page);

  // Save some of the listing from the popup (library + completion queue), then stop the worker.
  let popup = await PopupPage.open(context, extensionId, listTab);
  await popup.saveAll();
  await expect(popup.onPage.getByText(/6 papers · 6 saved/)).toBeVisible();
  const papersBefore = await keysOf(popup.page, 'papers');
  const queueBefore = await keysOf(popup.page, 'queue');
  expect(papersBefore).toHaveLength(6);
  const stoppedAt = await worker.stop();
  await popup.page.close();

  // Reopen the popup for each tab: detections come from storage.session, the badge from the browser.
  popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.pageEntry(TITLE)).toBeVisible();
  await expect(popup.onPage.getByText('1 paper · 0 saved')).toBeVisible();
  expect(await popup.page.evaluate((t) => chrome.action.getBadgeText({ tabId: t }), tabId)).toBe('1');
  expect(await popup.page.evaluate((t) => chrome.action.getBadgeText({ tabId: t }), listTab)).toBe('6');
  expect(await keysOf(popup.page, 'papers')).toEqual(papersBefore);
  // Jobs may have run meanwhile (and failed: the network is off); none is lost.
  expect(await keysOf(popup.page, 'queue')).toEqual(expect.arrayContaining(queueBefore));
  const listPopup = await PopupPage.open(context, extensionId, listTab);
  await expect(listPopup.onPage.getByText(/6 papers · 6 saved/)).toBeVisible();

  // The inline control sends a message: Chrome starts the worker again to answer it.
  await control.click();
  await expect(control).toHaveAccessibleName(/^Saved/);
  expect(worker.seen.slice(stoppedAt)).toContain('running');
  await expect(popup.pageEntry(TITLE).getByRole('button', { name: /^Saved/ })).toBeVisible();
  expect(await keysOf(popup.page, 'papers')).toHaveLength(7);
});

test('extension reloaded: controls on open tabs go away quietly, no error flood', async ({ context, background }) => {
  await serve(context, ABS_URL, fixture('abs-current'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(ABS_URL);
  await expect(InlineControl.all(page)).toHaveCount(1);
  await background.evaluate(() => chrome.runtime.reload()).catch(() => {});
  // The old content script learns it was orphaned and removes its controls.
  await expect(InlineControl.all(page)).toHaveCount(0, { timeout: 15_000 });
  // A storage change and page activity after the reload: nothing throws.
  await page.evaluate(() => window.scrollBy(0, 100));
  await page.waitForTimeout(1000);
  expect(errors.filter((e) => /papershelf|extension context|invalidated/i.test(e))).toEqual([]);
  expect(errors.length).toBeLessThan(3);
});
