// The README's supported-sites table names every site adapter, and nothing else but "any other page".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from './registry';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('README supported sites', () => {
  it('lists exactly the registered adapters, by name', () => {
    const section = readme.split(/^## Supported sites$/m)[1]?.split(/^## /m)[0] ?? '';
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !/^\| (site|-)/.test(l));
    const names = rows
      .map((l) => l.split('|')[1].trim())
      .filter((c) => c !== 'any other page')
      .flatMap((c) => c.split(' · '));
    expect(rows.length, 'no "## Supported sites" table in README.md').toBeGreaterThan(5);
    expect(names.sort()).toEqual(adapters.map((a) => a.name).sort());
  });
});
