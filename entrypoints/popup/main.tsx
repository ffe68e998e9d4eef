import { render } from 'preact';
import { getDb } from '@/lib/db/database';
import { App } from './App';
import '@/components/theme.css';
import './popup.css';

// IndexedDB opens while the first screen is drawn: the list's first query (run after that
// paint) then finds it open. A failure is reported by the queries, which wait for this open.
getDb()
  .open()
  .catch(() => {});
render(<App />, document.getElementById('app')!);
