import { FIRST_FRAME_KEY, type FirstFrame } from './firstFrame';

// The first frame (entrypoints/popup-first.tsx) shows the popup's shell with the newest papers as
// last stored; the app — the database layer, zod, the search index — is loaded after that frame
// is painted, and replaces it. The database's own answer then replaces the rows.
const root = document.getElementById('app')!;
const frame = (globalThis as Record<string, unknown>)[FIRST_FRAME_KEY] as FirstFrame | undefined;
const start = async () => {
  const firstRows = await frame?.shown.catch(() => undefined);
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const [{ render }, { App }] = await Promise.all([import('preact'), import('./App')]);
  frame?.unmount();
  render(<App firstRows={firstRows} />, root);
};
void start();
