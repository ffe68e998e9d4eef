// Playwright fixture: Debian's Chromium with the production build of the extension loaded,
// every request aborted unless a test serves it at its real URL.
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// `chrome` as seen inside the extension's service worker (background.evaluate callbacks run there).
declare const chrome: typeof import('wxt/browser').browser;

// EXTENSION_DIR: a copy of the build elsewhere, so a rebuild meanwhile can't pull it from under the tests.
export const EXTENSION_DIR = process.env.EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
}

export const test = base.extend<ExtensionFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No build at ${EXTENSION_DIR}: run "npm run build" first`);
    const context = await chromium.launchPersistentContext('', {
      headless: true,
      executablePath,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // Registered first, so it is the fallback: later routes take precedence.
    // Only the web: extension pages load their own files through the same interception.
    await context.route(
      (u) => u.protocol === 'http:' || u.protocol === 'https:',
      (route) => route.abort('internetdisconnected'),
    );
    // The install opens the options page (first run): let it open before the test opens its own
    // pages, or it may take over the test's new tab.
    const isWelcome = (p: Page) => p.url().startsWith('chrome-extension://') && p.url().endsWith('/options.html');
    for (let t = 0; t < 100 && !context.pages().some(isWelcome); t++) await new Promise((r) => setTimeout(r, 100));
    await use(context);
    await context.close();
  },
  background: async ({ context }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(sw);
  },
  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },
});

export const expect = test.expect;

/** Serves `html` at `url` (its real address, so the content script's match patterns apply). */
export async function serve(context: BrowserContext, url: string, html: string): Promise<void> {
  const bare = url.replace(/[?#].*$/, '');
  await context.route(
    (u) => u.href.replace(/[?#].*$/, '') === bare,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/**
 * The browser's id of the tab showing `page`. The extension holds no `tabs` permission, so tab
 * URLs are hidden from it: bring the page to the front and take the active tab.
 */
export async function tabIdOf(background: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await background.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error(`no tab for ${page.url()}`);
  return id;
}

export async function badgeOf(background: Worker, tabId: number): Promise<string> {
  return background.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}
