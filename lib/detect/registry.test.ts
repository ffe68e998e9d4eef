// Meta-test: every adapter file is registered, and every adapter has fixtures of its own.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases } from '../../tests/helpers/fixtures';
import { adapters, adaptersFor } from './registry';

const siteFiles = readdirSync(join(import.meta.dirname, 'sites')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('adapter registry', () => {
  it('registers one adapter per file in sites/', () => {
    expect(adapters.map((a) => a.id).sort()).toEqual(siteFiles.map((f) => f.replace(/\.ts$/, '')).sort());
  });

  it('gives every adapter a content script of its own', () => {
    const entries = readdirSync(join(import.meta.dirname, '../../entrypoints')).filter((f) => f.endsWith('.content.ts'));
    expect(entries.map((f) => f.replace(/\.content\.ts$/, '')).sort()).toEqual(adapters.map((a) => a.id).sort());
  });

  it('has unique ids', () => {
    expect(new Set(adapters.map((a) => a.id)).size).toBe(adapters.length);
  });

  const fixtures = fixtureCases();
  it.each(adapters.map((a) => [a.id, a] as const))('%s has fixtures and its examples route to it', (_id, a) => {
    const own = fixtures.filter((f) => adaptersFor(new URL(f.url)).includes(a));
    expect(own.length, `no fixture under tests/fixtures served at a URL of ${a.id}`).toBeGreaterThan(0);
    expect(own.some((f) => f.count > 0), `${a.id}: every fixture is empty`).toBe(true);
    expect(a.examples.length).toBeGreaterThan(0);
    for (const ex of a.examples) expect(adaptersFor(new URL(ex)), ex).toContain(a);
  });
});
