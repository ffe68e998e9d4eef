// Sync end to end: the built extension in two (and three) Chromium profiles — persistent
// contexts with their own user data — syncing through a real Apache mod_dav on 127.0.0.1.
//
// The server's origin is an optional host permission the product asks for with
// permissions.request when "Sync now" is pressed; Playwright cannot answer that prompt (and the
// API refuses to run without a user gesture). So the tests load a copy of the build whose
// manifest lists http://127.0.0.1/* as granted — the state the product is in once the user has
// said yes: permissions.contains is true and the product asks nothing. The product's own
// manifest only has optional_host_permissions (checked below).
import { chromium, expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startCutProxy } from '../helpers/cut-proxy';
import { davAvailable, setFull, startDav, type DavServer } from '../helpers/dav-servers';
import { FIXTURES_DIR } from '../helpers/fixtures';
import { serve } from './fixtures';
import { PopupPage } from './pages/PopupPage';

declare const chrome: typeof import('wxt/browser').browser;

const BUILD = process.env.EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');
test.describe.configure({ mode: 'serial' });
test.skip(!davAvailable('apache'), 'Apache httpd with mod_dav is not installed');

let server: DavServer;
let extDir: string;
const temp: string[] = [];

test.beforeAll(async () => {
  server = await startDav('apache');
  extDir = mkdtempSync(join(tmpdir(), 'papershelf-ext-'));
  temp.push(extDir);
  cpSync(BUILD, extDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions = [...manifest.host_permissions, 'http://127.0.0.1/*'];
  writeFileSync(join(extDir, 'manifest.json'), JSON.stringify(manifest));
});
test.afterAll(async () => {
  await server?.dispose();
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

interface Profile {
  context: BrowserContext;
  id: string;
  options: Page;
  worker: Worker;
}

// A device whose clock is off: Chromium runs under Debian's libfaketime (LD_PRELOAD), which
// shifts every clock the browser reads — the service worker's Date.now() included.
// (The thread-safe build, with the monotonic clocks shifted too: keeping them real
// (FAKETIME_DONT_FAKE_MONOTONIC) makes Chromium hang at start some of the time.)
const FAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

async function profile(opts: { clockOffset?: string } = {}): Promise<Profile> {
  const dataDir = mkdtempSync(join(tmpdir(), 'papershelf-profile-'));
  temp.push(dataDir);
  const context = await chromium.launchPersistentContext(dataDir, {
    headless: true,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
    ...(opts.clockOffset ? { env: { ...process.env, LD_PRELOAD: FAKETIME, FAKETIME: opts.clockOffset } } : {}),
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  // The install opens the options page (first run): that page is the one the test uses.
  const isOptions = (pg: Page) => pg.url() === `chrome-extension://${id}/options.html`;
  for (let t = 0; t < 100 && !context.pages().some(isOptions); t++) await new Promise((r) => setTimeout(r, 100));
  let options = context.pages().find(isOptions);
  if (!options) {
    options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
  }
  await options.waitForLoadState();
  await expect(options.getByRole('heading', { name: 'Sync' })).toBeVisible();
  return { context, id, options, worker: sw };
}

async function connect(p: Profile, folder: string, passphrase = '', url = server.url): Promise<void> {
  const o = p.options;
  await o.getByLabel('Server URL').fill(url);
  await o.getByLabel('User name').fill(server.user);
  await o.getByLabel('Password', { exact: true }).fill(server.password);
  await o.getByLabel('Folder').fill(folder);
  if (passphrase) await o.getByLabel('Passphrase').fill(passphrase);
  await o.getByRole('button', { name: 'Test connection' }).click();
  await expect(o.getByText(/^Connected:/)).toBeVisible();
  await syncNow(p);
}

const statusAt = (o: Page) =>
  o.evaluate(async () => ((await chrome.storage.local.get('sync:status'))['sync:status'] as { at: number } | undefined)?.at ?? 0);

/** Presses Sync now and waits for that round's outcome; expects success unless told. */
async function syncNow(p: Profile, ok = true): Promise<string> {
  const before = await statusAt(p.options);
  await p.options.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => statusAt(p.options), { timeout: 20_000 }).toBeGreaterThan(before);
  const status = p.options.getByRole('status');
  if (ok) await expect(status).toContainText('Synced');
  else await expect(status).toContainText('Sync failed');
  return status.innerText();
}

async function savePaper(p: Profile, arxiv: string, title: string): Promise<void> {
  const reply: unknown = await p.options.evaluate(
    ([id, t]) =>
      chrome.runtime.sendMessage({
        type: 'save',
        papers: [{ key: `arxiv:${id}`, ids: { arxiv: id }, title: t, authors: ['A. Author'], type: 'preprint', source: 'test' }],
      }),
    [arxiv, title],
  );
  expect(reply).toMatchObject({ saved: [`arxiv:${arxiv}`] });
}

/** A canonical hash of the library: every record's user-facing fields, sorted by key. */
async function libraryHash(p: Profile): Promise<string> {
  const all = await papers(p);
  return p.options.evaluate(async (papers) => {
    const rows = papers
      .map((x) => JSON.stringify([x.key, x.title, [...(x.tags as string[])].sort(), x.note, x.status, x.starred, x.aliases]))
      .sort()
      .join('\n');
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(rows));
    return `${papers.length}:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  }, all);
}

/** Saves `n` papers at once (a library big enough for an upload to take a while). */
async function saveMany(p: Profile, n: number, prefix: string): Promise<void> {
  const reply = await p.options.evaluate(
    ([count, pre]) =>
      chrome.runtime.sendMessage<unknown, { saved: string[] }>({
        type: 'save',
        papers: Array.from({ length: count }, (_, i) => ({
          key: `arxiv:${pre}.${String(i).padStart(5, '0')}`,
          ids: { arxiv: `${pre}.${String(i).padStart(5, '0')}` },
          title: `Imported Paper Number ${i} On Some Topic`,
          authors: ['A. Author', 'B. Author'],
          abstract: `An abstract of paper ${i}, long enough to make the upload take a few packets. `.repeat(4),
          type: 'preprint',
          source: 'test',
        })),
      }),
    [n, prefix] as const,
  );
  expect(reply.saved).toHaveLength(n);
}

/** A row of the library's meta table (the change log's 'shipped' mark). */
async function meta(p: Profile, id: string): Promise<unknown> {
  return p.options.evaluate(async (key) => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('papershelf');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const row: { value?: unknown } | undefined = await new Promise((res, rej) => {
      const r = db.transaction('meta').objectStore('meta').get(key);
      r.onsuccess = () => res(r.result as { value?: unknown } | undefined);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return row?.value;
  }, id);
}

async function details(p: Profile, title: string): Promise<PopupPage> {
  const popup = await PopupPage.open(p.context, p.id);
  await popup.openDetails(title);
  return popup;
}

async function papers(p: Profile): Promise<Record<string, unknown>[]> {
  return p.options.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('papershelf');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const rows: Record<string, unknown>[] = await new Promise((res, rej) => {
      const r = db.transaction('papers').objectStore('papers').getAll();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return rows;
  });
}

async function setNote(p: Profile, title: string, text: string): Promise<void> {
  const popup = await details(p, title);
  await popup.note.fill(text);
  await popup.note.press('Tab');
  // The note is saved after a pause in typing: wait until the database has it.
  try {
    await expect.poll(async () => (await papers(p)).find((x) => x.title === title)?.note).toBe(text);
  } catch (e) {
    // Say what the library logged for that paper, and what the popup showed: a failure here
    // should tell a lost write from one that never happened.
    const key = (await papers(p)).find((x) => x.title === title)?.key;
    const log = await p.options.evaluate(async (k) => {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open('papershelf');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const rows: unknown[] = await new Promise((res, rej) => {
        const r = db.transaction('changes').objectStore('changes').getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      db.close();
      return rows.filter((r) => (r as { key: string }).key === k);
    }, key);
    const shown = await popup.page
      .locator('main')
      .innerText()
      .catch(() => '(popup gone)');
    throw new Error(`${String(e)}\nchange log of ${String(key)}: ${JSON.stringify(log)}\npopup: ${shown}`);
  }
  await popup.page.close();
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));

test('the product manifest asks for no server up front: only optional host permissions', () => {
  const manifest = JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8')) as {
    host_permissions: string[];
    optional_host_permissions: string[];
  };
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(manifest.host_permissions.some((h: string) => /127\.0\.0\.1|localhost|\*:\/\/\*|https:\/\/\*\//.test(h))).toBe(false);
});

test('two profiles: save, tag, note, status, star and remove interleaved give identical libraries; a fresh profile rebuilds it', async () => {
  test.setTimeout(180_000);
  const a = await profile();
  const b = await profile();
  try {
    await savePaper(a, '2501.00001', 'Sparse Mixtures of Experts at Scale');
    await savePaper(a, '2501.00002', 'A Paper To Be Removed');
    await connect(a, 'Shelf1/');
    await savePaper(b, '2501.00003', 'Retrieval Heads in Long Context');
    await connect(b, 'Shelf1/');
    // Saved on A → on B.
    let popup = await PopupPage.open(b.context, b.id);
    await popup.showLibrary();
    await expect(popup.libraryEntry('Sparse Mixtures of Experts at Scale')).toBeVisible();
    await popup.page.close();
    await syncNow(a);

    popup = await details(a, 'Sparse Mixtures of Experts at Scale');
    await popup.addTags('moe');
    await expect(popup.tagChip('moe')).toBeVisible();
    await popup.page.getByText('Reading', { exact: true }).click();
    // Shown once written (the label follows the stored paper): closing sooner could lose the write.
    await expect(popup.page.locator('fieldset.status label.on')).toHaveText('Reading');
    await popup.page.getByRole('button', { name: 'Star' }).click();
    await popup.page.close();
    await setNote(b, 'Sparse Mixtures of Experts at Scale', 'Routing collapses without the balance loss.');
    popup = await details(b, 'Retrieval Heads in Long Context');
    await popup.page.getByText('Read', { exact: true }).click();
    // Shown once written (the label follows the stored paper): closing sooner could lose the write.
    await expect(popup.page.locator('fieldset.status label.on')).toHaveText('Read');
    await popup.page.close();
    popup = await details(b, 'A Paper To Be Removed');
    await popup.page.getByRole('button', { name: 'Remove', exact: true }).click();
    await popup.page.close();

    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    const hash = await libraryHash(a);
    expect(await libraryHash(b)).toBe(hash);
    expect(hash.startsWith('2:')).toBe(true);
    popup = await details(a, 'Sparse Mixtures of Experts at Scale');
    await expect(popup.note).toHaveValue('Routing collapses without the balance loss.');
    await expect(popup.tagChip('moe')).toBeVisible();
    await expect(popup.page.getByRole('radio', { name: 'Reading' })).toBeChecked();
    await expect(popup.page.getByText(/^Synced /)).toBeVisible();
    await popup.page.close();

    const c = await profile();
    try {
      await connect(c, 'Shelf1/');
      expect(await libraryHash(c)).toBe(hash);
    } finally {
      await c.context.close();
    }
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('concurrent note edits: both kept behind a marker on both profiles; the resolution syncs', async () => {
  test.setTimeout(150_000);
  const a = await profile();
  const b = await profile();
  try {
    await savePaper(a, '2502.00001', 'Concurrent Notes');
    await connect(a, 'Shelf2/');
    await connect(b, 'Shelf2/');
    await setNote(a, 'Concurrent Notes', 'A: the proof in section 2 is wrong');
    await setNote(b, 'Concurrent Notes', 'B: compare with the 2019 result');
    await syncNow(a);
    await expect(b.options.getByRole('status')).toBeVisible();
    const text = await syncNow(b);
    expect(text).toContain('1 note conflict');
    await syncNow(a);
    for (const p of [a, b]) {
      const popup = await details(p, 'Concurrent Notes');
      await expect(popup.note).toHaveValue(
        /<<<<<<< Papershelf[\s\S]*(A: the proof[\s\S]*B: compare|B: compare[\s\S]*A: the proof)[\s\S]*>>>>>>> end of conflict/,
      );
      await popup.page.close();
    }
    expect(await libraryHash(a)).toBe(await libraryHash(b));
    await setNote(b, 'Concurrent Notes', 'Both: section 2 is wrong; compare with 2019');
    await syncNow(b);
    await syncNow(a);
    const popup = await details(a, 'Concurrent Notes');
    await expect(popup.note).toHaveValue('Both: section 2 is wrong; compare with 2019');
    await popup.page.close();
    expect(await libraryHash(a)).toBe(await libraryHash(b));
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

/** The rows of the extension's highlights table, as the background wrote them. */
async function highlights(p: Profile): Promise<{ id: string; key: string; color: string; comment?: string }[]> {
  return p.options.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('papershelf');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const rows: { id: string; key: string; color: string; comment?: string }[] = await new Promise((res, rej) => {
      const r = db.transaction('highlights').objectStore('highlights').getAll();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return rows;
  });
}

test("a highlight made on A is listed in B's paper details after Sync now; recolour on B and remove on A follow", async () => {
  test.setTimeout(150_000);
  const a = await profile();
  const b = await profile();
  try {
    await savePaper(a, '2505.00001', 'Highlights Travel Too');
    await connect(a, 'Shelf5/');
    await connect(b, 'Shelf5/');
    // The message the content script's toolbar sends (the options page is a tab of the extension).
    const reply: unknown = await a.options.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'highlightAdd',
        paper: {
          key: 'arxiv:2505.00001',
          ids: { arxiv: '2505.00001' },
          title: 'Highlights Travel Too',
          authors: ['A. Author'],
          type: 'preprint',
          source: 'test',
        },
        selectors: {
          quote: { type: 'TextQuoteSelector', exact: 'sparse routing beats dense routing', prefix: 'we find that ', suffix: ' at scale' },
          position: { type: 'TextPositionSelector', start: 210, end: 244 },
        },
        color: 'green',
        comment: 'the main result',
        url: 'https://arxiv.org/html/2505.00001v1',
      }),
    );
    expect(reply).toMatchObject({ highlight: { key: 'arxiv:2505.00001', color: 'green' } });
    await syncNow(a);
    await syncNow(b);
    let popup = await details(b, 'Highlights Travel Too');
    const items = popup.page.getByRole('list', { name: 'Highlights' }).getByRole('listitem');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText('sparse routing beats dense routing');
    await expect(items.first()).toContainText('the main result');
    await expect(items.first().getByLabel('Colour')).toHaveValue('green');
    await items.first().getByLabel('Colour').selectOption('blue');
    await expect.poll(async () => (await highlights(b))[0]?.color).toBe('blue');
    await popup.page.close();
    await syncNow(b);
    await syncNow(a);
    expect(await highlights(a)).toMatchObject([{ key: 'arxiv:2505.00001', color: 'blue', comment: 'the main result' }]);

    popup = await details(a, 'Highlights Travel Too');
    await popup.page.getByRole('button', { name: 'Remove highlight' }).click();
    await expect.poll(async () => (await highlights(a)).length).toBe(0);
    await popup.page.close();
    await syncNow(a);
    await syncNow(b);
    expect(await highlights(b)).toEqual([]);
    popup = await details(b, 'Highlights Travel Too');
    await expect(popup.page.getByRole('list', { name: 'Highlights' })).toHaveCount(0);
    await popup.page.close();
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('server stopped while both profiles edit: a clear error, then they converge; encrypted folder holds no title in clear', async () => {
  test.setTimeout(180_000);
  const a = await profile();
  const b = await profile();
  try {
    await savePaper(a, '2503.00001', 'Offline Edits Survive');
    await connect(a, 'Shelf3/', 'a long passphrase');
    await connect(b, 'Shelf3/', 'a long passphrase');
    await server.stop();
    try {
      const popup = await details(a, 'Offline Edits Survive');
      await popup.addTags('offline-a');
      await expect(popup.tagChip('offline-a')).toBeVisible();
      await popup.page.close();
      await setNote(b, 'Offline Edits Survive', 'written while the server was down');
      const failed = await syncNow(a, false);
      expect(failed).toMatch(/could not be reached/);
      await syncNow(b, false);
      const pop = await PopupPage.open(a.context, a.id);
      await expect(pop.page.getByText(/Sync: .*could not be reached/)).toBeVisible();
      await pop.page.close();
    } finally {
      await server.start();
    }
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    expect(await libraryHash(a)).toBe(await libraryHash(b));
    const popup = await details(a, 'Offline Edits Survive');
    await expect(popup.tagChip('offline-a')).toBeVisible();
    await expect(popup.note).toHaveValue('written while the server was down');
    await popup.page.close();
    // Encrypted: nothing on the server reads as the library.
    const files = filesUnder(join(server.root, 'Shelf3'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const bytes = readFileSync(f);
      const plain = f.endsWith('papershelf.json') ? bytes.toString('utf8') : bytes.subarray(0, 4).toString('latin1');
      // Every file but the folder's parameters is sealed (and so is not even gzip: gunzip fails).
      if (!f.endsWith('papershelf.json')) {
        expect(plain, f).toBe('PSE1');
        expect(() => gunzipSync(bytes), f).toThrow();
      }
      expect(bytes.toString('latin1'), f).not.toContain('Offline Edits Survive');
      expect(plain, f).not.toContain('offline-a');
    }
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('the server killed in the middle of an upload: a clear message, no partial segment, nothing lost; converges once it is back', async () => {
  test.setTimeout(240_000);
  // A sees the server through a proxy that holds a segment's PUT half-way; the test then kills
  // Apache with the request in flight.
  const proxy = await startCutProxy(server.port);
  const a = await profile();
  const b = await profile();
  try {
    await savePaper(a, '2506.00001', 'Before The Big Import');
    await connect(a, 'Shelf6/', '', proxy.url);
    const shipped = await meta(a, 'shipped');
    expect(typeof shipped).toBe('number');
    await saveMany(a, 1500, '2507');
    const cut = proxy.cutNextPut(/\/devices\/[0-9a-f]{16}\/\.tmp-[^/]*seg-/, 4096);
    const failing = syncNow(a, false);
    const held = await cut;
    expect(held.length).toBeGreaterThan(4096);
    await server.stop();
    proxy.dropHeld();
    try {
      expect(await failing).toMatch(/Sync failed.*Writing devices\/.*could not be reached/s);
      const pop = await PopupPage.open(a.context, a.id);
      await expect(pop.page.getByText(/Sync: .*could not be reached/)).toBeVisible();
      await pop.page.close();
      // Nothing lost: the change log still holds the import, marked as not shipped.
      expect(await meta(a, 'shipped')).toBe(shipped);
      // No partial file is a segment: each seg- file is whole (gunzips, parses), and the new one is not there.
      const dir = join(server.root, 'Shelf6', 'devices');
      const files = filesUnder(dir);
      const segs = files.filter((f) => /\/seg-\d{8}\.json\.gz$/.test(f));
      expect(segs.length).toBe(1);
      for (const f of segs) expect(() => JSON.parse(gunzipSync(readFileSync(f)).toString('utf8')) as unknown, f).not.toThrow();
    } finally {
      await server.start();
    }
    const text = await syncNow(a);
    expect(text).toContain('1500 changes sent');
    expect(await meta(a, 'shipped')).toBeGreaterThan(shipped as number);
    await connect(b, 'Shelf6/');
    const hash = await libraryHash(a);
    expect(hash.startsWith('1501:')).toBe(true);
    expect(await libraryHash(b)).toBe(hash);
  } finally {
    await a.context.close();
    await b.context.close();
    await proxy.close();
  }
});

test('a clock 10 minutes behind on one device: a gentle warning there, concurrent edits converge, a later edit wins by HLC', async () => {
  test.skip(!existsSync(FAKETIME), "Debian's faketime (libfaketime) is not installed");
  test.setTimeout(240_000);
  const a = await profile();
  const s = await profile({ clockOffset: '-10m' });
  try {
    // The skew is real where sync runs: in the background's service worker.
    const skew = (await s.worker.evaluate(() => Date.now())) - Date.now();
    expect(Math.abs(skew + 10 * 60_000)).toBeLessThan(30_000);
    expect(Math.abs((await a.worker.evaluate(() => Date.now())) - Date.now())).toBeLessThan(30_000);

    await savePaper(a, '2508.00001', 'Clocks Disagree Here');
    await savePaper(a, '2508.00002', 'A Second Paper For The Clocks');
    await connect(a, 'Shelf7/');
    expect(await a.options.getByRole('status').innerText()).not.toContain('clock');
    await connect(s, 'Shelf7/');
    await expect(s.options.getByRole('status')).toContainText("this device's clock is 10 minutes behind the server's");
    expect(await libraryHash(s)).toBe(await libraryHash(a));

    // Concurrent edits, no sync in between: a status and a tag on A; a note and a star on the skewed one.
    let popup = await details(a, 'Clocks Disagree Here');
    await popup.page.getByText('Reading', { exact: true }).click();
    // Shown once written (the label follows the stored paper): closing sooner could lose the write.
    await expect(popup.page.locator('fieldset.status label.on')).toHaveText('Reading');
    await popup.page.close();
    popup = await details(a, 'A Second Paper For The Clocks');
    await popup.addTags('clocks');
    await expect(popup.tagChip('clocks')).toBeVisible();
    await popup.page.close();
    await setNote(s, 'Clocks Disagree Here', 'written on the device whose clock is behind');
    popup = await details(s, 'A Second Paper For The Clocks');
    await popup.page.getByRole('button', { name: 'Star' }).click();
    await popup.page.close();
    await syncNow(a);
    await syncNow(s);
    await syncNow(a);
    expect(await libraryHash(s)).toBe(await libraryHash(a));
    const one = (await papers(a)).find((x) => x.title === 'Clocks Disagree Here')!;
    expect([one.status, one.note]).toEqual(['reading', 'written on the device whose clock is behind']);
    const two = (await papers(s)).find((x) => x.title === 'A Second Paper For The Clocks')!;
    expect([two.tags, two.starred]).toEqual([['clocks'], true]);

    // A edits; the skewed device syncs, then edits the same field. By its wall clock its edit is
    // 10 minutes older than A's, but it has seen A's: its clock moved past, and its edit wins.
    popup = await details(a, 'Clocks Disagree Here');
    await popup.page.getByText('Read', { exact: true }).click();
    // Shown once written (the label follows the stored paper): closing sooner could lose the write.
    await expect(popup.page.locator('fieldset.status label.on')).toHaveText('Read');
    await popup.page.close();
    await syncNow(a);
    await syncNow(s);
    popup = await details(s, 'Clocks Disagree Here');
    await expect(popup.page.getByRole('radio', { name: 'Read', exact: true })).toBeChecked();
    await popup.page.getByText('To read', { exact: true }).click();
    await popup.page.close();
    await expect.poll(async () => (await papers(s)).find((x) => x.title === 'Clocks Disagree Here')?.status).toBe('unread');
    await syncNow(s);
    await syncNow(a);
    for (const p of [a, s]) expect((await papers(p)).find((x) => x.title === 'Clocks Disagree Here')?.status).toBe('unread');
    expect(await libraryHash(s)).toBe(await libraryHash(a));
  } finally {
    await a.context.close();
    await s.context.close();
  }
});

test('Settings → Sync lists the devices on the server; forgetting one that is gone asks first, then marks it', async () => {
  test.setTimeout(150_000);
  const a = await profile();
  const b = await profile();
  try {
    await savePaper(a, '2509.00001', 'Devices Are Listed');
    await connect(a, 'Shelf8/');
    await connect(b, 'Shelf8/');
    await b.context.close();
    await syncNow(a);
    const list = a.options.getByRole('list', { name: 'Devices on the server' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('listitem').first()).toContainText('(this browser)');
    const other = list.getByRole('listitem').nth(1);
    await expect(other).toContainText('last seen');
    const otherId = (await other.locator('code').innerText()).trim();
    const mine = readdirSync(join(server.root, 'Shelf8', 'devices')).find((d) => d !== otherId)!;
    const head = () =>
      JSON.parse(gunzipSync(readFileSync(join(server.root, 'Shelf8', 'devices', mine, 'head.json'))).toString('utf8')) as {
        forgotten?: Record<string, number>;
      };
    // Cancelled: nothing happens.
    a.options.once('dialog', (d) => void d.dismiss());
    await other.getByRole('button', { name: 'Forget this device' }).click();
    await expect(other).not.toContainText('forgotten');
    expect(head().forgotten).toBeUndefined();
    const before = await statusAt(a.options);
    let asked = '';
    a.options.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await other.getByRole('button', { name: 'Forget this device' }).click();
    await expect(other).toContainText('forgotten');
    await expect(other.getByRole('button', { name: 'Forget this device' })).toHaveCount(0);
    expect(asked).toContain(`Forget the browser ${otherId.slice(0, 8)}`);
    expect(asked).toContain('Nothing it synced is lost');
    expect(Object.keys(head().forgotten ?? {})).toEqual([otherId]);
    await expect.poll(() => statusAt(a.options)).toBeGreaterThan(before);
    await expect(a.options.getByRole('status').first()).toContainText('Synced');
  } finally {
    await a.context.close();
  }
});

test('faults: a 507 on upload, a password changed on the server, a segment damaged on the server — each said clearly, nothing lost', async () => {
  test.setTimeout(180_000);
  const a = await profile();
  const b = await profile();
  try {
    await savePaper(a, '2504.00001', 'Faults Do Not Lose Papers');
    await connect(a, 'Shelf4/');
    await connect(b, 'Shelf4/');
    // 507: the server is full.
    await savePaper(a, '2504.00002', 'Saved While The Server Was Full');
    setFull(server, true);
    try {
      expect(await syncNow(a, false)).toMatch(/no space left.*507/);
    } finally {
      setFull(server, false);
    }
    await syncNow(a);
    // 401: the app password was changed on the server.
    const old = server.password;
    await server.setPassword('a-new-app-password');
    try {
      expect(await syncNow(b, false)).toMatch(/refused the user name or password \(401\)/);
      await b.options.getByLabel('Password', { exact: true }).fill('a-new-app-password');
      await syncNow(b);
      await a.options.getByLabel('Password', { exact: true }).fill('a-new-app-password');
      await syncNow(a);
    } finally {
      await server.setPassword(old);
    }
    await a.options.getByLabel('Password', { exact: true }).fill(old);
    await b.options.getByLabel('Password', { exact: true }).fill(old);
    // A segment truncated on the server: B reports it and waits; A writes it again; B converges.
    await savePaper(a, '2504.00003', 'Written Into A Segment That Gets Damaged');
    await syncNow(a);
    const devices = readdirSync(join(server.root, 'Shelf4', 'devices'));
    const segs = devices.flatMap((d) =>
      readdirSync(join(server.root, 'Shelf4', 'devices', d))
        .filter((f) => f.startsWith('seg-'))
        .map((f) => join(server.root, 'Shelf4', 'devices', d, f)),
    );
    const newest = segs.sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs)[0];
    writeFileSync(newest, readFileSync(newest).subarray(0, 12));
    expect(await syncNow(b)).toMatch(/is damaged/);
    expect((await papers(b)).some((p) => p.title === 'Written Into A Segment That Gets Damaged')).toBe(false);
    await syncNow(a);
    await syncNow(b);
    expect(await libraryHash(b)).toBe(await libraryHash(a));
    expect((await papers(b)).map((p) => p.title).sort()).toEqual([
      'Faults Do Not Lose Papers',
      'Saved While The Server Was Full',
      'Written Into A Segment That Gets Damaged',
    ]);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('restore from the server as of a date: preview counts, a local backup first, and the other browsers get the version', async () => {
  test.setTimeout(180_000);
  const a = await profile();
  const b = await profile();
  try {
    await savePaper(a, '2505.00001', 'A Paper As It Was');
    await connect(a, 'Shelf5/');
    // "Restore as of" has one-second steps: T is a whole second after the first sync and before the later changes.
    await a.options.waitForTimeout(1100);
    const asOf = await a.options.evaluate(() => {
      const d = new Date();
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
    });
    await a.options.waitForTimeout(1100);
    await savePaper(a, '2505.00002', 'Saved After The Date');
    await setNote(a, 'A Paper As It Was', 'A note written after the date.');
    await syncNow(a);

    const o = a.options;
    const block = o.getByRole('group', { name: 'Restore from the server' });
    await expect(block.getByRole('button', { name: 'Restore', exact: true })).toBeDisabled();
    await block.getByLabel('Restore as of').fill(asOf);
    await block.getByRole('button', { name: 'Preview' }).click();
    await expect(block.getByRole('status')).toContainText('0 papers would be added, 1 changed, 1 removed');
    await block.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(block.getByRole('status')).toContainText('Other browsers will get this version at their next sync');
    const after = await papers(a);
    expect(after.map((p) => [p.title, p.note])).toEqual([['A Paper As It Was', '']]);
    // The library as it was before the restore is in a local backup (the Backup section can put it back).
    const backups = await o.evaluate(async () => {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open('papershelf-backups');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const rows: { count: number; text: string }[] = await new Promise((res, rej) => {
        const r = db.transaction('snapshots').objectStore('snapshots').getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      db.close();
      return rows;
    });
    expect(backups.some((s) => s.count === 2 && s.text.includes('A note written after the date.'))).toBe(true);

    // The restored version goes to the server as this browser's newest changes.
    const before = await statusAt(o);
    await o.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => statusAt(o), { timeout: 20_000 }).toBeGreaterThan(before);
    await expect(o.getByText(/^Synced/)).toBeVisible();
    await connect(b, 'Shelf5/');
    expect((await papers(b)).map((p) => [p.title, p.note])).toEqual([['A Paper As It Was', '']]);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

/** arXiv's new-submissions list (our fixture) open in `p`, its triage marks in (every control has its Dismiss button). */
async function arxivListing(p: Profile, keys: string[]): Promise<Page> {
  const url = 'https://arxiv.org/list/cs.LG/new';
  await serve(p.context, url, readFileSync(join(FIXTURES_DIR, 'arxiv/list-new.html'), 'utf8'));
  const page = await p.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  for (const k of keys) await expect(listed(page, k).getByRole('button', { name: /^Dismiss/ })).toBeAttached();
  return page;
}
const listed = (page: Page, key: string) => page.locator(`papershelf-save[data-papershelf-key="${key}"]`).first();

test("a paper dismissed on A's listing is dismissed on B's after Sync now; the undo on A follows", async () => {
  test.setTimeout(150_000);
  const [gone, other] = ['arxiv:2405.07002', 'arxiv:2405.07003'];
  const a = await profile();
  const b = await profile();
  try {
    await connect(a, 'Shelf9/');
    await connect(b, 'Shelf9/');
    const onA = await arxivListing(a, [gone, other]);
    await listed(onA, gone)
      .getByRole('button', { name: /^Dismiss/ })
      .click();
    await expect(listed(onA, gone)).toHaveAttribute('data-papershelf-dismissed', '');
    await syncNow(a);
    await syncNow(b);
    // B never saved (nor saw) the paper: the dismissal alone came through.
    const onB = await arxivListing(b, [gone, other]);
    await expect(listed(onB, gone)).toHaveAttribute('data-papershelf-dismissed', '');
    await expect(listed(onB, other)).not.toHaveAttribute('data-papershelf-dismissed');
    expect(await papers(b)).toEqual([]);

    // Undo in place on A; after a round each, B's listing, open all along, un-dims in place
    // (no reload), and a new load of it agrees.
    await listed(onA, gone)
      .getByRole('button', { name: /^Dismiss/ })
      .click();
    await expect(listed(onA, gone)).not.toHaveAttribute('data-papershelf-dismissed');
    await syncNow(a);
    await syncNow(b);
    await expect(listed(onB, gone)).not.toHaveAttribute('data-papershelf-dismissed');
    await onB.close();
    const again = await arxivListing(b, [gone, other]);
    await expect(listed(again, gone)).not.toHaveAttribute('data-papershelf-dismissed');
  } finally {
    await a.context.close();
    await b.context.close();
  }
});
