// Concurrency, end to end: three tabs save their pages at once (the save-page command) while the
// popup edits a paper they all show (note, tags, status). Nothing may be lost: every paper of
// every page is saved once, and every edit made in the popup is there.
import { expect, serve, tabIdOf, test } from './fixtures';
import { PopupPage } from './pages/PopupPage';
import { InlineControl } from './pages/InlineControl';

declare const papershelf: { command(name: string, tabId?: number): Promise<number | undefined> };
const pages = ['cs.LG', 'cs.CL', 'cs.CV'].map((cat, p) => ({
  url: `https://arxiv.org/list/${cat}/new`,
  ids: Array.from({ length: 20 }, (_, i) => 10 * p + i),
}));
const id = (i: number) => `2403.${String(10000 + i)}`;
const COMMON = 15; // on all three pages
const title = (i: number) => `Shared paper number ${i}`;

const listing = (ids: number[]) =>
  `<!doctype html><html><body><dl id="articles">${ids
    .map(
      (i) =>
        `<dt><a href="/abs/${id(i)}" title="Abstract">arXiv:${id(i)}</a></dt><dd><div class="list-title mathjax"><span class="descriptor">Title:</span> ${title(i)}</div><div class="list-authors"><a href="#">Author ${i}</a></div></dd>`,
    )
    .join('\n')}</dl></body></html>`;

test('three tabs saving while the popup edits the same paper: no lost update', async ({ context, background, extensionId }) => {
  const tabs: number[] = [];
  for (const p of pages) {
    await serve(context, p.url, listing(p.ids));
    const page = await context.newPage();
    await page.goto(p.url);
    await expect(InlineControl.all(page)).toHaveCount(20);
    tabs.push(await tabIdOf(background, page));
  }
  // The popup of the first tab saves the shared paper and opens it.
  const popup = await PopupPage.open(context, extensionId, tabs[0]);
  await popup
    .pageEntry(title(COMMON))
    .getByRole('button', { name: /^Save:/ })
    .click();
  await popup.pageEntry(title(COMMON)).locator('button.row-open').click();
  await expect(popup.page.locator('#details-title')).toHaveText(title(COMMON));

  // All at once: three pages saved by command, and the popup writing a note, tags and status.
  const saving = Promise.all(tabs.map((t) => background.evaluate(([tab]) => papershelf.command('save-page', tab), [t])));
  await popup.note.fill('Written while three tabs were saving.');
  await popup.addTags('concurrent', 'kept');
  await popup.page.getByText('Reading', { exact: true }).click();
  const counts = await saving;
  expect(counts).toEqual([20, 20, 20]);

  await expect(popup.page.locator('.note-state')).toHaveText('Saved');
  const all = await popup.page.evaluate(
    () =>
      new Promise<{ key: string; note: string; tags: string[]; status: string; title: string }[]>((resolve) => {
        const req = indexedDB.open('papershelf');
        req.onsuccess = () => {
          const r = req.result.transaction('papers').objectStore('papers').getAll();
          r.onsuccess = () => resolve(r.result);
        };
      }),
  );
  const want = [...new Set(pages.flatMap((p) => p.ids))].map((i) => `arxiv:${id(i)}`).sort();
  expect(all.map((p) => p.key).sort()).toEqual(want);
  const shared = all.find((p) => p.key === `arxiv:${id(COMMON)}`)!;
  expect(shared).toMatchObject({ note: 'Written while three tabs were saving.', status: 'reading', title: title(COMMON) });
  expect(shared.tags.sort()).toEqual(['concurrent', 'kept']);
});
