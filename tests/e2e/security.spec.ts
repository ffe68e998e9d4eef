// Forged actions: what a page script (or another extension, or a web site) can reach. The answer
// must be nothing: no message listener open to the page, no externally_connectable, a strict CSP.
import { test as plain } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, serve, test } from './fixtures';
import { InlineControl } from './pages/InlineControl';

declare const chrome: typeof import('wxt/browser').browser;
const ABS_URL = 'https://arxiv.org/abs/2401.01234v3';
const absHtml = readFileSync(join(import.meta.dirname, '../fixtures/arxiv/abs-current.html'), 'utf8');

plain('the built manifest: no externally_connectable, strict CSP, no page-exposed resources, narrow permissions', () => {
  const m = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    content_security_policy: { extension_pages: string };
    permissions: string[];
    host_permissions?: string[];
    content_scripts: { matches: string[]; all_frames?: boolean; world?: string }[];
  };
  expect(m).not.toHaveProperty('externally_connectable');
  // The page-reachable files are the chunks a content script imports on demand (highlighting on a
  // paper's page, triage on a listing), and only at a per-session address: no page can probe for them.
  expect(m.web_accessible_resources ?? []).toEqual([
    { resources: ['highlight.js', 'triage.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
  ]);
  const csp = Object.fromEntries(
    m.content_security_policy.extension_pages
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );
  expect(csp['script-src']).toEqual(["'self'"]);
  expect(csp['object-src']).toEqual(["'self'"]);
  expect(csp['base-uri']).toEqual(["'none'"]);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(m.content_security_policy.extension_pages).not.toMatch(/unsafe-|https?:|\*|data:|blob:/);
  expect(m.permissions.filter((p) => !['storage', 'unlimitedStorage', 'contextMenus', 'alarms'].includes(p))).toEqual([]);
  // Host access only to the metadata APIs; pages are read through content scripts alone.
  for (const h of m.host_permissions ?? []) expect(h).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\/\*$/);
  for (const cs of m.content_scripts) {
    expect(cs.world ?? 'ISOLATED').toBe('ISOLATED');
    expect(cs.all_frames ?? false).toBe(false);
  }
});

test('a page script cannot reach the extension: postMessage, DOM events and runtime messaging do nothing', async ({ context, background }) => {
  await serve(context, ABS_URL, absHtml);
  const page = await context.newPage();
  await page.goto(ABS_URL);
  await expect(new InlineControl(page, 'arxiv:2401.01234').button).toHaveAccessibleName(/^Save to/);
  const forged = {
    type: 'save',
    papers: [{ key: 'arxiv:2401.01234', ids: { arxiv: '2401.01234' }, title: 'Forged', authors: [], type: 'preprint', source: 'evil' }],
  };
  const reach = await page.evaluate((msg) => {
    for (const m of [msg, { type: 'savePage' }, { type: 'remove', keys: ['*'] }, { type: 'savedAmong', keys: [] }, JSON.stringify(msg)]) {
      window.postMessage(m, '*');
      document.dispatchEvent(new CustomEvent('papershelf', { detail: m }));
      window.dispatchEvent(new MessageEvent('message', { data: m, origin: location.origin }));
    }
    const host = document.querySelector('papershelf-save');
    // The page sees no extension API and no way into our content script's world.
    const w = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown; id?: string } }; browser?: unknown };
    return {
      runtime: typeof w.chrome?.runtime?.sendMessage,
      id: w.chrome?.runtime?.id ?? null,
      browser: typeof w.browser,
      attrs: host ? [...host.attributes].map((a) => a.name) : [],
    };
  }, forged);
  expect(reach.runtime).toBe('undefined');
  expect(reach.id).toBeNull();
  expect(reach.browser).toBe('undefined');
  expect(reach.attrs).toEqual(['data-papershelf-key']);
  // And a web page calling the extension by id (no externally_connectable) gets nothing either.
  const extId = new URL(background.url()).host;
  const external = await page.evaluate(async (id) => {
    const w = window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } };
    try {
      return String(await w.chrome?.runtime?.sendMessage?.(id, { type: 'save', papers: [] }));
    } catch (e) {
      return `threw: ${String(e)}`;
    }
  }, extId);
  expect(external).toMatch(/^(undefined|threw:)/);
  await page.waitForTimeout(500);
  const count = await background.evaluate(async () => {
    const got = await chrome.storage.local.get('library:changed');
    return Object.keys(got).length;
  });
  expect(count).toBe(0);
  await expect(new InlineControl(page, 'arxiv:2401.01234').button).toHaveAccessibleName(/^Save to/);
});
