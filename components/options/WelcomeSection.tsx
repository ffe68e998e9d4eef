/** What Papershelf does, where, and with which permissions — open by default on a new library. */
export function WelcomeSection({ empty }: { empty: boolean }) {
  return (
    <details class="card welcome" open={empty}>
      <summary>
        <h2>{empty ? 'Welcome to Papershelf' : 'How Papershelf works'}</h2>
      </summary>
      <ol>
        <li>
          <strong>Read as usual.</strong> On arXiv, Hugging Face papers, OpenReview, Google Scholar, Semantic Scholar, DBLP, ACL Anthology, PMLR,
          NeurIPS, CVF, PubMed, bioRxiv and publisher pages, a small <em>Save</em> button appears beside every paper — on listings too. The toolbar
          badge counts the papers on the page: blue while some are not saved, green once all are.
        </li>
        <li>
          <strong>Save</strong> with the button, with <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> (every paper on the page), or by right-clicking a
          link to arXiv, a DOI, OpenReview or the ACL Anthology: <em>Save link to Papershelf</em>. Select a passage on a paper's page and choose{' '}
          <em>Add selection to note</em> to quote it.
        </li>
        <li>
          <strong>Organise</strong> in the toolbar popup (<kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>L</kbd>): search (try <code>tag:ml year:&gt;2020</code>
          ), tag, write notes, track what you have read. Change the keys at <code>chrome://extensions/shortcuts</code>.
        </li>
        <li>
          <strong>Export</strong> BibTeX (or RIS, CSL-JSON, Markdown, CSV) below. Citation keys stay the same from one export to the next.
        </li>
      </ol>
      <p class="muted">
        Everything stays in this browser (IndexedDB): no account, no server. Papershelf reads the pages you visit only to find papers; on a page
        without any it stops after one quick check. It asks for <strong>storage</strong> (your library and settings) and the{' '}
        <strong>context menu</strong> entries above — nothing else.
      </p>
    </details>
  );
}
