import { render } from 'preact';
import { readFirstRows } from '@/lib/library/firstRowsRead';
import { PopupShell } from '@/components/PopupShell';
import '@/components/theme.css';
import './popup.css';

// The first frame is the popup's shell with the newest papers as last stored (storage.session
// answers in a few ms); the app — the database layer, zod, the search index — is loaded after
// that frame is painted, and replaces it. The database's own answer then replaces the rows.
const root = document.getElementById('app')!;
void readFirstRows().then((firstRows) => {
  render(<PopupShell rows={firstRows.now} />, root);
  requestAnimationFrame(() => setTimeout(() => void import('./App').then(({ App }) => render(<App firstRows={firstRows} />, root))));
});
