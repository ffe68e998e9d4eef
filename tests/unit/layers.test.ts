// The architecture's rules, checked on the tree and shown to bite on files that break them.
import { ESLint } from 'eslint';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import tseslint from 'typescript-eslint';
import papershelf, { violation } from '../lint/layers.js';

const root = join(import.meta.dirname, '../..');

describe('imports run downward only (papershelf/layers)', { timeout: 30_000 }, () => {
  // The rule alone on snippets (the project's type-aware config wants files the TS project knows).
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser }, plugins: { papershelf }, rules: { 'papershelf/layers': 'error' } },
    ],
  });
  const lint = async (path: string, code: string) =>
    (await eslint.lintText(code, { filePath: join(root, path) }))[0].messages.filter((m) => m.ruleId === 'papershelf/layers');

  it.each([
    ['lib/paper/x.ts', "import { a } from '../detect/registry';\nexport const b = a;\n"],
    ['lib/formats/x.ts', "import { a } from '../library/db';\nexport const b = a;\n"],
    ['components/X.tsx', "import { a } from '@/lib/db/papers';\nexport const b = a;\n"],
    ['lib/enrich/x.ts', "export { a } from '../db/database';\n"],
    ['lib/library/x.ts', "import { a } from '../enrich/queue';\nexport const b = a;\n"],
    ['lib/inline/x.ts', "import { a } from '../library/commands';\nexport const b = a;\n"],
    ['lib/db/x.ts', "const m = import('../library/firstRows');\nexport default m;\n"],
  ])('refuses %s importing upward or into lib/db', async (path, code) => {
    const got = await lint(path, code);
    expect(got).toHaveLength(1);
    expect(got[0].message).toMatch(/^Upward import/);
  });

  it.each([
    ['lib/library/x.ts', "import { a } from '../db/papers';\nexport const b = a;\n"],
    ['components/X.tsx', "import { a } from '@/lib/library/commands';\nexport const b = a;\n"],
    ['entrypoints/x.ts', "import { a } from '@/components/App';\nexport const b = a;\n"],
    ['lib/formats/x.ts', "import { a } from '../paper/tags';\nexport const b = a;\n"],
  ])('allows %s importing downward', async (path, code) => {
    expect(await lint(path, code)).toEqual([]);
  });

  it('is on in the project config for every product folder', async () => {
    const project = new ESLint({ cwd: root });
    for (const f of ['lib/paper/identity.ts', 'lib/library/write.ts', 'components/PaperDetails.tsx', 'entrypoints/background.ts']) {
      const config = (await project.calculateConfigForFile(join(root, f))) as { rules: Record<string, unknown> };
      expect([config.rules['papershelf/layers']].flat()[0], f).toBe(2);
    }
  });

  it('names the rule in the verdict', () => {
    expect(violation('lib/search/x.ts', 'lib/library/db')).toMatch(/layer 1.*layer 3/);
    expect(violation('lib/backup/x.ts', 'lib/db/database')).toMatch(/internal to lib\/library/);
    expect(violation('lib/paper/a.ts', 'lib/paper/b')).toBeUndefined();
  });
});

/** Every non-test source file under the product's folders, repository-relative. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('one write path', () => {
  // A table of the database (a receiver named …db/…Db/…DB, as every Dexie handle here is) written to.
  const WRITES =
    /\w*(?:db|Db|DB)\s*\.\s*(papers|changes|meta|highlights)\s*\.\s*(put|bulkPut|add|bulkAdd|update|bulkUpdate|delete|bulkDelete|clear)\s*\(|\w*(?:db|Db|DB)\s*\.\s*(papers|changes)\b[^;]*\.modify\s*\(/;
  const files = ['lib', 'components', 'entrypoints'].flatMap(sources).map((f) => relative(root, join(root, f)).split('\\').join('/'));

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('lib/library/write.ts');
  });

  it('no file outside lib/library and lib/db writes the papers, the change log or the meta table', () => {
    const offenders = files.filter(
      (f) => !f.startsWith('lib/library/') && !f.startsWith('lib/db/') && WRITES.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('inside lib/library, only write.ts writes the papers and the log, and compact.ts trims the log (every other module goes through write)', () => {
    // Collections that hang off a paper (highlights) are written by their module inside a `write`.
    const CORE = new RegExp(WRITES.source.replace('|highlights', ''));
    const offenders = files.filter(
      (f) =>
        f.startsWith('lib/library/') &&
        !['lib/library/write.ts', 'lib/library/compact.ts'].includes(f) &&
        CORE.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('the check bites', () => {
    expect(WRITES.test('await db.papers.bulkPut(rows);')).toBe(true);
    expect(WRITES.test("await db.papers.where('key').anyOf(keys).modify((p) => {});")).toBe(true);
    expect(WRITES.test('await db.changes.clear();')).toBe(true);
    expect(WRITES.test('await w.db.highlights.put(h);')).toBe(true);
    expect(WRITES.test('await db.papers.bulkGet(keys);')).toBe(false);
    expect(WRITES.test('this.papers.clear();')).toBe(false);
  });
});
