import { render } from 'preact';
import { openLibrary } from '@/lib/library/db';
import { readFirstRows } from '@/lib/library/firstRows';
import { App } from './App';
import '@/components/theme.css';
import './popup.css';

// IndexedDB opens while the first screen is drawn: the list's first query (run after that
// paint) then finds it open. A failure is reported by the queries, which wait for this open.
openLibrary()
  .open()
  .catch(() => {});
// The first frame shows the newest papers as last stored (a few ms away, where the database is
// ~50–100 ms); the database's own answer replaces them. Never more than a short wait: rows
// that come later are shown when they come.
void readFirstRows().then((firstRows) => render(<App firstRows={firstRows} />, document.getElementById('app')!));
