import { render } from 'preact';
import { relaySyncedDismissals } from '@/lib/triage/broadcast';
import { App } from './App';
import '@/components/theme.css';
import './options.css';

// "Sync now" merges here: dismissals it brings re-dim the open tabs, as the background's syncs do.
relaySyncedDismissals();
render(<App />, document.getElementById('app')!);
