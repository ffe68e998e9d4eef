import { useEffect } from 'preact/hooks';

export interface ToastMessage {
  id: number;
  text: string;
  action?: { label: string; run(): void };
}

/** A short-lived message with an optional action (Undo). Announced politely to screen readers. */
export function Toast({ toast, onDone, ms = 10_000 }: { toast?: ToastMessage; onDone(): void; ms?: number }) {
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(onDone, ms);
    return () => clearTimeout(t);
  }, [toast?.id]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast && (
        <div class="toast">
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              class="link"
              onClick={() => {
                toast.action!.run();
                onDone();
              }}
            >
              {toast.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
