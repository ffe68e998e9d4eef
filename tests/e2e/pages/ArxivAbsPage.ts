import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { badgeOf, expect, serve, tabIdOf } from '../fixtures';
import { InlineControl } from './InlineControl';

export const ABS_URL = 'https://arxiv.org/abs/2401.01234v3';
export const ABS_KEY = 'arxiv:2401.01234';
export const ABS_TITLE = 'Sparse Mixtures & Dense Experts: Scaling Laws for Routing';
export const absHtml = readFileSync(join(import.meta.dirname, '../../fixtures/arxiv/abs-current.html'), 'utf8');

/** Our arXiv abstract page fixture, served at its real URL, open in a tab whose badge shows it. */
export async function openAbs(
  context: BrowserContext,
  background: Worker,
  html = absHtml,
): Promise<{ page: Page; tabId: number; control: InlineControl }> {
  await serve(context, ABS_URL, html);
  const page = await context.newPage();
  await page.goto(ABS_URL);
  const tabId = await tabIdOf(background, page);
  await expect.poll(() => badgeOf(background, tabId)).toBe('1');
  return { page, tabId, control: new InlineControl(page, ABS_KEY) };
}
