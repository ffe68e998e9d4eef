// Hostile page text, end to end: a listing whose titles, authors and abstracts are the payloads
// of tests/fixtures/hostile/payloads.ts travels page → database → popup (list, library, details)
// → options → every export format. Nothing may run (no dialog, no navigation, no __pwned), every
// string must show as text, and the exports must bring it back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { micromark } from 'micromark';
import { importBackup } from '../../lib/formats/import/backup';
import { importRis } from '../../lib/formats/import/ris';
import { cleanField } from '../../lib/formats/latex';
import type { Paper } from '../../lib/paper/schema';
import { LIMITS } from '../../lib/paper/limits';
import { cleanText, displayName } from '../../lib/paper/text';
import { PAYLOADS } from '../fixtures/hostile/payloads';
import { expect, serve, tabIdOf, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';
import { InlineControl } from './pages/InlineControl';

test.describe.configure({ timeout: 120_000 });

const LIST_URL = 'https://arxiv.org/list/cs.CR/new';
const META_URL = 'https://journal.example.org/article/evil';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const id = (i: number) => `2401.${10000 + i}`;

function listing(): string {
  const rows = PAYLOADS.map(
    (p, i) => `<dt><a name="item${i}">[${i + 1}]</a> <a href="/abs/${id(i)}" title="Abstract" id="${id(i)}">arXiv:${id(i)}</a></dt>
<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> ${esc(p)}</div>
<div class="list-authors"><a href="https://arxiv.org/a/lovelace_a_1">Ada Lovelace</a>, <a href="javascript:window.__pwned=1">${esc(p)}</a></div>
<div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Cryptography and Security (cs.CR)</span></div>
<p class="mathjax">${esc(p)}</p></div></dd>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cryptography and Security new submissions</title></head>
<body><div id="dlpage"><h1>Cryptography and Security</h1><h2>New submissions</h2><dl id="articles">${rows.join('\n')}</dl></div></body></html>`;
}

function metaPage(p: string): string {
  const m = (name: string, v: string) => `<meta name="${name}" content="${esc(v)}">`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(p)}</title>${m('citation_title', p)}${m('citation_author', p)}${m('citation_doi', '10.1234/evil')}
${m('citation_journal_title', p)}${m('citation_publication_date', '2024/01/01')}${m('citation_pdf_url', 'javascript:window.__pwned=1')}${m('citation_abstract_html_url', 'javascript:window.__pwned=1')}${m('citation_abstract', p)}</head>
<body><h1>${esc(p)}</h1></body></html>`;
}

const clamp = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);
const expectedTitles = PAYLOADS.map((p) => clamp(cleanText(p), LIMITS.title));
const expectedAuthors = PAYLOADS.map((p) => ['Ada Lovelace', clamp(displayName(p), LIMITS.author)].filter(Boolean));

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

/** Elements the payloads would have made, had they been parsed as HTML (the served page's own links excepted). */
async function injected(page: Page, links = true): Promise<number> {
  const sel =
    'img[src="x"], iframe, script:not([src]), svg[onload], details[ontoggle], template' +
    (links ? ', a[href^="javascript:" i], a[href^="data:" i]' : '');
  return page.evaluate((s) => {
    const roots: ParentNode[] = [document, ...[...document.querySelectorAll('papershelf-save')].map((h) => h.shadowRoot!).filter(Boolean)];
    return roots.reduce((n, r) => n + r.querySelectorAll(s).length, 0);
  }, sel);
}

function bibtexLog(text: string, n: number): { log: string; items: number } {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-hostile-e2e-'));
  writeFileSync(join(dir, 'lib.bib'), text);
  writeFileSync(join(dir, 'doc.aux'), '\\citation{*}\n\\bibdata{lib}\n\\bibstyle{plain}\n');
  try {
    execFileSync('bibtex', ['doc'], { cwd: dir, encoding: 'utf8' });
  } catch {
    /* exit status 1 means warnings; the log says whether there were errors */
  }
  const items = readFileSync(join(dir, 'doc.bbl'), 'utf8').match(/\\bibitem/g)?.length ?? 0;
  void n;
  return { log: readFileSync(join(dir, 'doc.blg'), 'utf8'), items };
}

test(`${PAYLOADS.length} hostile payloads: page → popup → options → every export, nothing runs, all text`, async ({
  context,
  background,
  extensionId,
}) => {
  const dialogs: string[] = [];
  context.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await serve(context, LIST_URL, listing());
  await serve(context, META_URL, metaPage(PAYLOADS[0]));
  const N = PAYLOADS.length;

  // The page: one inline control per entry, nothing run, nothing navigated.
  const page = await context.newPage();
  await page.goto(LIST_URL);
  await expect(InlineControl.all(page)).toHaveCount(N);
  const tabId = await tabIdOf(background, page);

  // Popup: the page's papers are listed as text, Save all saves them all.
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.onPage.getByText(`${N} papers · 0 saved`)).toBeVisible();
  expect(await popup.onPage.locator('li .paper-title').allTextContents()).toEqual(expectedTitles);
  await popup.saveAll();
  await expect(popup.onPage.getByText(`${N} papers · ${N} saved`)).toBeVisible();
  await expect(InlineControl.all(page).first().getByRole('button', { name: /^Save/ })).toHaveAccessibleName(/^Saved/);

  // Details of every paper: title, authors and abstract as text.
  const rows = popup.onPage.getByRole('listitem');
  for (let i = 0; i < N; i++) {
    await rows.nth(i).locator('button.row-open').click();
    const title = popup.page.locator('#details-title');
    await expect(title).toHaveText(expectedTitles[i]);
    // One round trip for what the details show (keeps 61 papers within seconds).
    const shown = await popup.page.evaluate(() => ({
      title: document.querySelector('#details-title')?.textContent,
      authors: document.querySelector('dl.meta dd')?.textContent,
      abstract: document.querySelector('details.abstract p')?.textContent,
      hrefs: [...document.querySelectorAll('.links a')].map((a) => a.getAttribute('href') ?? ''),
    }));
    expect(shown, `details of #${i}`).toEqual({
      title: expectedTitles[i],
      authors: expectedAuthors[i].join(', '),
      abstract: clamp(cleanText(PAYLOADS[i]), LIMITS.abstract),
      hrefs: expect.arrayContaining([]),
    });
    for (const href of shown.hrefs) expect(href).toMatch(/^https:\/\//);
    await popup.page.keyboard.press('Escape');
    await expect(title).toHaveCount(0);
  }
  // The library list (virtualised): the count, and rows showing payloads as text.
  await popup.showLibrary();
  await expect(popup.library.getByText(`${N} papers`, { exact: true })).toBeVisible();
  const shown = await popup.library.locator('.row .paper-title').allTextContents();
  expect(shown.length).toBeGreaterThan(3);
  for (const t of shown) expect(expectedTitles.map((x) => x)).toContain(t.replace(/^★ /, ''));

  // A citation_* page with javascript: links: saved without them.
  const journal = await context.newPage();
  await journal.goto(META_URL);
  const jPopup = await PopupPage.open(context, extensionId, await tabIdOf(background, journal));
  await jPopup.saveAll();
  await jPopup.onPage.locator('button.row-open').first().click();
  await expect(jPopup.page.locator('#details-title')).toHaveText(expectedTitles[0]);
  for (const href of await jPopup.page.locator('.links a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')))
    expect(href).toMatch(/^https:\/\//);

  // Options: every export format.
  const options = await OptionsPage.open(context, extensionId);
  await expect(options.libraryCount).toHaveText(new RegExp(`^${N + 1} papers`));
  const backupFile = await options.exportFile('Export JSON backup');
  const backup = JSON.parse(backupFile.text) as { papers: Paper[] };
  const byKey = new Map(backup.papers.map((p) => [p.key, p]));
  PAYLOADS.forEach((_, i) => {
    const p = byKey.get(`arxiv:${id(i)}`)!;
    expect(p.title).toBe(expectedTitles[i]);
    expect(p.authors).toEqual(expectedAuthors[i]);
  });
  // Exact round trip: the file reads back to the same records, and importing it changes nothing.
  expect(importBackup(backupFile.text).papers).toEqual(backup.papers);
  await options.importText(backupFile.name, backupFile.text, 'application/json');
  await expect(options.page.getByLabel('Import preview')).toContainText(`will add 0, update 0, skip ${N + 1}`);
  await options.page.getByLabel('Import preview').getByRole('button', { name: 'Cancel' }).click();

  const csl = JSON.parse((await options.exportFile('Export CSL-JSON')).text) as { title: string }[];
  expect(new Set(csl.map((c) => c.title))).toEqual(new Set([...expectedTitles]));

  const ris = importRis((await options.exportFile('Export RIS')).text);
  expect(ris.errors).toEqual([]);
  expect(new Set(ris.papers.map((p) => p.title))).toEqual(new Set(expectedTitles.map((t) => cleanField(t))));

  const md = micromark((await options.exportFile('Export Markdown')).text, { allowDangerousHtml: true });
  expect(md).not.toMatch(/<(script|img|svg|iframe|style|body|math|details|template)\b/i);
  expect(md).not.toMatch(/href="(?!https:)/i);

  const csv = (await options.exportFile('Export CSV')).text;
  expect(
    csv
      .split(/,|\r\n/)
      .map((c) => c.replace(/^"/, ''))
      .filter((c) => /^[=+\-@]/.test(c)),
  ).toEqual([]);

  const bib = await options.exportFile('Export BibTeX');
  expect(bib.text.match(/^@\w+\{/gm)).toHaveLength(N + 1);
  const { log, items } = bibtexLog(bib.text, N + 1);
  expect(log).not.toMatch(/error message|I'm skipping/);
  expect(items).toBe(N + 1);

  // Nothing ran anywhere, nothing navigated away.
  expect(dialogs).toEqual([]);
  for (const p of [page, journal, popup.page, jPopup.page, options.page]) {
    expect(await pwned(p), p.url()).toBeUndefined();
    expect(await injected(p, p !== page), p.url()).toBe(0);
  }
  expect(page.url()).toBe(LIST_URL);
  expect(journal.url()).toBe(META_URL);
  expect(await background.evaluate(() => (self as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
