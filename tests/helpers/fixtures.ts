// Fixtures of our own writing: tests/fixtures/<site>/<name>.html beside <name>.json, the latter
// { url, count, papers: [{ key, title, ...fields to check }] }.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

export interface FixtureCase {
  site: string;
  name: string;
  url: string;
  count: number;
  papers: ({ key: string; title: string } & Record<string, unknown>)[];
  html: string;
}

export function fixtureCases(): FixtureCase[] {
  const out: FixtureCase[] = [];
  for (const site of readdirSync(FIXTURES_DIR).sort()) {
    const dir = join(FIXTURES_DIR, site);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.json')) continue;
      const name = f.replace(/\.json$/, '');
      // Only page fixtures (name.html beside name.json); other folders hold other kinds of fixture.
      if (!existsSync(join(dir, `${name}.html`))) continue;
      const exp = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<FixtureCase, 'site' | 'name' | 'html'>;
      out.push({ ...exp, site, name, html: readFileSync(join(dir, `${name}.html`), 'utf8') });
    }
  }
  return out;
}
