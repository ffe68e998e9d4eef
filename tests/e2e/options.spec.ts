import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportFormats } from '../../lib/formats';
import { importFile } from '../../lib/formats/import/detect';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';

const library = readFileSync(join(import.meta.dirname, '../fixtures/formats/library.json'), 'utf8');

function hasBibtex(): boolean {
  try {
    execFileSync('bibtex', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('import a backup, export BibTeX: the downloaded file passes GNU bibtex', async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  await options.importText(
    'library.json',
    JSON.stringify({ format: 'papershelf-backup', version: 1, exportedAt: new Date().toISOString(), papers: JSON.parse(library) as unknown[] }),
    'application/json',
  );
  const preview = options.page.getByLabel('Import preview');
  await expect(preview).toContainText(/will add \d+/);
  await preview.getByRole('button', { name: /^Import \d+ papers$/ }).click();
  await expect(options.page.getByRole('status').filter({ hasText: /Imported library\.json/ })).toBeVisible();
  const n = (JSON.parse(library) as unknown[]).length;
  await expect(options.libraryCount).toHaveText(new RegExp(`^${n} papers`));

  const file = await options.exportFile('Export BibTeX');
  expect(file.name).toMatch(/^papershelf-\d{4}-\d{2}-\d{2}\.bib$/);
  expect(file.text.match(/^@\w+\{/gm)).toHaveLength(n);
  test.skip(!hasBibtex() && !process.env.CI, 'bibtex not installed: the file was not checked by the real tool');
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-e2e-'));
  writeFileSync(join(dir, 'lib.bib'), file.text);
  writeFileSync(join(dir, 'doc.aux'), '\\citation{*}\n\\bibdata{lib}\n\\bibstyle{plain}\n');
  let log = '';
  try {
    execFileSync('bibtex', ['doc'], { cwd: dir, encoding: 'utf8' });
  } catch (e) {
    log = String((e as { stdout?: string }).stdout ?? e);
  }
  log ||= readFileSync(join(dir, 'doc.blg'), 'utf8');
  expect(log).not.toMatch(/error message/);
  expect(readFileSync(join(dir, 'doc.bbl'), 'utf8').match(/\\bibitem/g)).toHaveLength(n);
});

test('every format of the registry exports from the options page, and the importable ones read back', async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  const papers = JSON.parse(library) as unknown[];
  await options.importText(
    'library.json',
    JSON.stringify({ format: 'papershelf-backup', version: 1, exportedAt: new Date().toISOString(), papers }),
    'application/json',
  );
  await options.page
    .getByLabel('Import preview')
    .getByRole('button', { name: /^Import \d+ papers$/ })
    .click();
  await expect(options.libraryCount).toHaveText(new RegExp(`^${papers.length} papers`));
  for (const f of exportFormats) {
    const file = await options.exportFile(`Export ${f.label}`);
    expect(file.name, f.id).toMatch(new RegExp(`^papershelf-\\d{4}-\\d{2}-\\d{2}\\.${f.ext}$`));
    expect(file.text.length, f.id).toBeGreaterThan(0);
    if (!f.import) continue;
    const back = importFile(file.name, file.text);
    expect(back.format, f.id).toBe(f.id);
    expect(back.errors, f.id).toEqual([]);
    expect(back.papers, f.id).toHaveLength(papers.length);
  }
});

test('importing a garbage file shows an alert and changes nothing', async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  await options.importText('refs.bib', '@article{ok, title={Kept}, doi={10.1234/kept}}');
  await options.page.getByRole('button', { name: /^Import 1 paper$/ }).click();
  await expect(options.libraryCount).toHaveText(/^1 paper/);

  for (const [name, body] of [
    ['broken.json', '{"format":"papershelf-backup","version":1,"papers":[{"key":'],
    ['binary.bib', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00])],
    ['empty.ris', ''],
  ] as const) {
    await options.importText(name, body);
    await expect(options.alert, name).toContainText(name);
    await expect(options.alert).toContainText(/not changed|nothing/i);
    await expect(options.page.getByLabel('Import preview')).toHaveCount(0);
  }
  await expect(options.libraryCount).toHaveText(/^1 paper/);
});

test('a partly broken file previews what can be read, names the bad entries, and Cancel leaves the library as it was', async ({
  context,
  extensionId,
}) => {
  const options = await OptionsPage.open(context, extensionId);
  // An entry without identifiers comes in under its title; one without a title is named.
  await options.importText(
    'mixed.bib',
    '@article{good, title={Good one}, doi={10.1234/good}}\n@article{nodoi, title={No identity at all}}\n@misc{notitle, author={Doe, John}, year={2003}}\n',
  );
  const preview = options.page.getByLabel('Import preview');
  await expect(preview).toContainText('will add 2');
  await expect(options.alert).toContainText('notitle: no title (John Doe, 2003): skipped');
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(options.libraryCount).toHaveText(/^0 papers/);
});
