import { useState } from 'preact/hooks';
import { datedName, downloadText } from '@/components/download';
import { getDb } from '@/lib/db/database';
import { toBibtex } from '@/lib/formats/bibtex';

export function App() {
  const db = getDb();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();

  const exportBib = async () => {
    setError(undefined);
    try {
      const papers = await db.papers.orderBy('addedAt').toArray();
      downloadText(document, datedName('bib'), toBibtex(papers), 'application/x-bibtex');
      setStatus(`Exported ${papers.length} ${papers.length === 1 ? 'paper' : 'papers'} to BibTeX.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main class="options">
      <h1>Papershelf</h1>
      <section aria-labelledby="export-h">
        <h2 id="export-h">Export</h2>
        <button type="button" class="primary" onClick={() => void exportBib()}>
          Export BibTeX
        </button>
        {status && <p role="status">{status}</p>}
        {error && <p role="alert" class="error">{error}</p>}
      </section>
    </main>
  );
}
