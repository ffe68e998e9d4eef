// The details view, loaded when first needed: it brings the Markdown renderer, the sanitiser and
// the BibTeX writer (with its Unicode → LaTeX tables), which the list the popup opens on never
// uses. The popup asks for it once it has drawn, so opening a paper is normally instant.
import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Module = typeof import('./PaperDetails');
let loaded: Module | undefined;
let loading: Promise<Module> | undefined;

export function loadDetails(): Promise<Module> {
  loading ??= import('./PaperDetails').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = undefined; // a later attempt may succeed (e.g. after an update)
      throw e;
    },
  );
  return loading;
}

export function PaperDetails(props: ComponentProps<Module['PaperDetails']>) {
  const [mod, setMod] = useState(loaded);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (mod) return;
    let live = true;
    loadDetails().then(
      (m) => live && setMod(m),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [mod]);
  if (mod) return <mod.PaperDetails {...props} />;
  if (error)
    return (
      <p role="alert" class="error">
        Could not open the paper: {error}. Reopen the popup to try again.
      </p>
    );
  return (
    <p class="empty" aria-busy="true">
      Opening…
    </p>
  );
}
