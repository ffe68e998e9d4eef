// Size budget of what is injected into pages: deterministic (bytes, not time), so a test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './fixtures';

test('every content script stays under 40 KB and bundles no zod', () => {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(files.length).toBeGreaterThan(10);
  for (const f of files) {
    const code = readFileSync(join(dir, f), 'utf8');
    expect(code.length, f).toBeLessThanOrEqual(40 * 1024);
    expect(code, `${f} bundles zod (validation belongs to the background)`).not.toContain('$ZodType');
  }
});
