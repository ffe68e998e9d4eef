// Meta-test: every adapter file is registered, has a content script and fixtures of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases } from '../../tests/helpers/fixtures';
import { siteIds, siteScriptSource } from '../content/siteScripts';
import { adapters, adaptersFor } from './registry';

const siteFiles = readdirSync(join(import.meta.dirname, 'sites')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('adapter registry', () => {
  it('registers one adapter per file in sites/', () => {
    expect(adapters.map((a) => a.id).sort()).toEqual(siteFiles.map((f) => f.replace(/\.ts$/, '')).sort());
  });

  it('gives every adapter a content script of its own, generated from its file', async () => {
    // The build generates one script per id of siteIds (wxt.config.ts); each imports the const
    // named after its file: that const must be the adapter registered under that id.
    expect(siteIds(readdirSync(join(import.meta.dirname, 'sites')))).toEqual(adapters.map((a) => a.id));
    for (const a of adapters) {
      const mod = (await import(`./sites/${a.id}.ts`)) as Record<string, unknown>;
      expect(mod[a.id], `sites/${a.id}.ts exports no const ${a.id}`).toBe(a);
      expect(siteScriptSource(a.id)).toContain(`import { ${a.id} as adapter } from '@/lib/detect/sites/${a.id}';`);
    }
    // No hand-written site entrypoint is left beside the generated ones (it would be built twice).
    expect(readdirSync(join(import.meta.dirname, '../../entrypoints')).filter((f) => f.endsWith('.content.ts'))).toEqual([]);
    expect(readFileSync(join(import.meta.dirname, '../../wxt.config.ts'), 'utf8')).toContain('siteScriptSource(id)');
  });

  it('has unique ids', () => {
    expect(new Set(adapters.map((a) => a.id)).size).toBe(adapters.length);
  });

  const fixtures = fixtureCases();
  it.each(adapters.map((a) => [a.id, a] as const))('%s has fixtures and its examples route to it', (_id, a) => {
    const own = fixtures.filter((f) => adaptersFor(new URL(f.url)).includes(a));
    expect(own.length, `no fixture under tests/fixtures served at a URL of ${a.id}`).toBeGreaterThan(0);
    expect(
      own.some((f) => f.count > 0),
      `${a.id}: every fixture is empty`,
    ).toBe(true);
    expect(a.examples.length).toBeGreaterThan(0);
    for (const ex of a.examples) expect(adaptersFor(new URL(ex)), ex).toContain(a);
  });
});
