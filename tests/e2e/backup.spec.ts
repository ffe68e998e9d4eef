// Automatic backups on the options page: a snapshot lists with its date and count; restoring it
// goes through the import preview and adds back what was lost without removing anything.
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';

test('back up, lose a paper, restore it from the Automatic backups section', async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  await options.importText('refs.bib', '@article{a, title={Kept paper}, doi={10.1234/a}}\n@article{b, title={Lost paper}, doi={10.1234/b}}');
  await options.page.getByRole('button', { name: /^Import 2 papers$/ }).click();
  await expect(options.libraryCount).toHaveText(/^2 papers/);
  // The background snapshots daily on an alarm; here, "Back up now".
  const section = options.page.getByRole('region', { name: 'Automatic backups' });
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section.getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveCount(1);
  await expect(section.getByRole('listitem')).toContainText('2 papers');

  // Lose one paper (as a wrong bulk removal would), restore.
  await options.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.open('papershelf');
        req.onsuccess = () => {
          const tx = req.result.transaction('papers', 'readwrite');
          tx.objectStore('papers').delete('doi:10.1234/b');
          tx.oncomplete = () => resolve();
        };
      }),
  );
  await options.page.reload(); // a raw IndexedDB write is not seen by live queries
  await expect(options.libraryCount).toHaveText(/^1 paper/);
  await section.getByRole('button', { name: 'Restore…' }).click();
  await expect(section.getByLabel('Restore preview')).toContainText('will add 1, update 0, skip 1');
  await section.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(options.libraryCount).toHaveText(/^2 papers/);
  await expect(section.getByRole('status')).toContainText('1 added');
});
