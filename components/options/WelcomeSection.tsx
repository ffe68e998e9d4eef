/** What Papershelf does, where, and with which permissions — open by default on a new library. */
export function WelcomeSection({ empty }: { empty: boolean }) {
  return (
    <details class="card welcome" open={empty}>
      <summary>
        <h2>How Papershelf works</h2>
      </summary>
      <ol>
        <li>
          <strong>Read as usual.</strong> On arXiv, Hugging Face papers, OpenReview, Google Scholar, Semantic Scholar, DBLP, ACL Anthology, PMLR, NeurIPS, CVF, PubMed,
          bioRxiv and publisher pages, a small <em>Save</em> button appears beside every paper — on listings too. The toolbar badge counts the papers on the page.
        </li>
        <li>
          <strong>Save</strong> with the button, or open the toolbar popup to save several at once. The popup is also your library: search it (try{' '}
          <code>tag:ml year:&gt;2020</code>), tag papers, write notes, track what you have read.
        </li>
        <li>
          <strong>Export</strong> BibTeX (or RIS, CSL-JSON, Markdown, CSV) below. Citation keys stay the same from one export to the next.
        </li>
      </ol>
      <p class="muted">
        Everything stays in this browser (IndexedDB): no account, no server. Papershelf reads the pages you visit only to find papers; on a page without any it stops
        after one quick check.
      </p>
    </details>
  );
}
