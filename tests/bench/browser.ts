// Headless Debian Chromium, with or without the extension, every request aborted unless served
// here at its real URL (as tests/e2e/fixtures.ts does for the tests).
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

declare const chrome: typeof import('wxt/browser').browser;

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  background?: Worker;
  extensionId?: string;
}

/**
 * `extraArgs` are added to Chromium's; with `abortAll: false` no Playwright route is installed
 * (the caller keeps the browser off the network itself, e.g. with --host-resolver-rules).
 */
export async function launch(extensionDir?: string, extraArgs: string[] = [], abortAll = true): Promise<Session> {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...extraArgs,
  ];
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  else args.push('--disable-extensions');
  const context = await chromium.launchPersistentContext('', { headless: true, executablePath, args, viewport: { width: 1280, height: 900 } });
  if (abortAll)
    await context.route(
      (u) => u.protocol === 'http:' || u.protocol === 'https:',
      (route) => route.abort('internetdisconnected'),
    );
  if (!extensionDir) return { context };
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The install opens the options page (first run): wait for it, or it can take over the
  // benchmark's first tab ("navigation interrupted by another navigation"). It stays open:
  // closing it made pages in this context parse about twice as slowly in headless Chromium
  // (measured on the 2,000-entry listing: DOM ready 2.0 s vs 0.85 s; the extension's own
  // process used no CPU meanwhile), which the listing figures would charge to the extension.
  const isWelcome = (p: Page) => p.url().startsWith('chrome-extension://') && p.url().endsWith('/options.html');
  for (let t = 0; t < 100 && !context.pages().some(isWelcome); t++) await new Promise((r) => setTimeout(r, 100));
  return { context, background, extensionId: new URL(background.url()).host };
}

export async function serve(context: BrowserContext, url: string, html: string): Promise<void> {
  await context.route(
    (u) => u.href === url,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

export async function tabIdOf(background: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  return background.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

/** Used JS heap of a page after two forced collections, in bytes (CDP Runtime.getHeapUsage). */
export async function heapOf(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}
