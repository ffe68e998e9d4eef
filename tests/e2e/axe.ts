import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** axe-core finds no violation on the page (or inside `scope`, a CSS selector). */
export async function expectNoViolations(page: Page, scope?: string): Promise<void> {
  const axe = new AxeBuilder({ page });
  if (scope) axe.include(scope);
  const { violations } = await axe.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
