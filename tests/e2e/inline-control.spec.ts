import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { badgeOf, expect, serve, tabIdOf, test } from './fixtures';
import { InlineControl } from './pages/InlineControl';

const fixture = (site: string, name: string) => readFileSync(join(import.meta.dirname, '../fixtures', site, `${name}.html`), 'utf8');
const ABS_URL = 'https://arxiv.org/abs/2401.01234v3';

test('saving from an inline button turns it to Saved on that tab and on another tab with the same paper', async ({ context }) => {
  await serve(context, ABS_URL, fixture('arxiv', 'abs-current'));
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(ABS_URL);
  await b.goto(ABS_URL);
  const ctl = (p: typeof a) => new InlineControl(p, 'arxiv:2401.01234').button;
  await expect(ctl(b)).toHaveAccessibleName(/^Save to/);
  // The page's own listeners never see a click on the control.
  await a.evaluate(() => {
    const w = window as unknown as { seen: string[] };
    w.seen = [];
    for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'])
      document.addEventListener(type, (e) => w.seen.push(`${type}:${(e.target as Element).tagName}`));
  });
  await ctl(a).click();
  await expect(ctl(a)).toHaveAccessibleName(/^Saved/);
  expect(await a.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
  // …while its clicks elsewhere reach it as before.
  await a.locator('h1').first().click();
  expect(await a.evaluate(() => (window as unknown as { seen: string[] }).seen)).toContain('click:H1');
  await expect(ctl(b)).toHaveAccessibleName(/^Saved/);
  // Keyboard works too (and counts as a trusted activation): Saved → removed again.
  await ctl(b).focus();
  await b.keyboard.press('Enter');
  await expect(ctl(a)).toHaveAccessibleName(/^Save to/);
});

test('a page script cannot save: synthetic clicks on the control are ignored', async ({ context, background }) => {
  await serve(context, ABS_URL, fixture('arxiv', 'abs-current'));
  const page = await context.newPage();
  await page.goto(ABS_URL);
  const ctl = new InlineControl(page, 'arxiv:2401.01234').button;
  await expect(ctl).toHaveAccessibleName(/^Save to/);
  await page.evaluate(() => {
    const host = document.querySelector('[data-papershelf-key]')!;
    const button = host.shadowRoot!.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    // Nor can it by keyboard, pointer or host events, or by focusing and "pressing" Enter.
    button.focus();
    for (const type of ['keydown', 'keypress', 'keyup'])
      button.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', bubbles: true, composed: true }));
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup'])
      button.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true }));
    (host as HTMLElement).click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  });
  await page.waitForTimeout(500);
  await expect(ctl).toHaveAccessibleName(/^Save to/);
  const count = await background.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('papershelf');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('papers')) return resolve(0);
          const c = db.transaction('papers').objectStore('papers').count();
          c.onsuccess = () => resolve(c.result);
        };
      }),
  );
  expect(count).toBe(0);
});

test('client-rendered listing: entries added later get their control and the badge follows', async ({ context, background }) => {
  const url = 'https://huggingface.co/papers';
  await serve(context, url, fixture('huggingface', 'daily'));
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(background, page);
  const before = Number(
    await expect
      .poll(() => badgeOf(background, tabId))
      .not.toBe('')
      .then(() => badgeOf(background, tabId)),
  );
  expect(before).toBeGreaterThan(0);
  // The app renders one more paper card, as the daily page does when scrolling or filtering.
  await page.evaluate(() => {
    const first = document.querySelector('article')!;
    const clone = first.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('papershelf-save').forEach((e) => e.remove());
    for (const a of clone.querySelectorAll('a[href^="/papers/"]')) a.setAttribute('href', '/papers/2409.99999');
    const title = clone.querySelector('h3 a') ?? clone.querySelector('h3');
    if (title) title.textContent = 'A Paper Rendered Later';
    first.parentElement!.append(clone);
  });
  await expect(page.locator('papershelf-save[data-papershelf-key="arxiv:2409.99999"]')).toHaveCount(1);
  await expect.poll(() => badgeOf(background, tabId)).toBe(String(before + 1));
});

test('settings apply to open tabs at once: inline buttons off and on again', async ({ context, extensionId }) => {
  await serve(context, ABS_URL, fixture('arxiv', 'abs-current'));
  const page = await context.newPage();
  await page.goto(ABS_URL);
  const control = new InlineControl(page, 'arxiv:2401.01234').host;
  await expect(control).toHaveCount(1);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const toggle = options.getByRole('checkbox', { name: 'Show Save buttons beside papers' });
  await toggle.uncheck();
  await expect(control).toHaveCount(0);
  await toggle.check();
  await expect(control).toHaveCount(1);
});
