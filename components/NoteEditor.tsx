import { useEffect, useRef, useState } from 'preact/hooks';
import { renderMarkdown } from '@/lib/markdown/render';

interface Props {
  value: string;
  onSave(note: string): Promise<unknown>;
  /** Autosave delay after the last keystroke. */
  delay?: number;
}

/** Markdown note that saves itself as you type, with a sanitised preview. */
export function NoteEditor({ value, onSave, delay = 400 }: Props) {
  const [draft, setDraft] = useState(value);
  const [state, setState] = useState<'saved' | 'pending' | 'error'>('saved');
  const [preview, setPreview] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(draft);
  // Read by the unmount and page-hide handlers, which would otherwise see the first render's state.
  const pending = useRef(false);

  // Take outside changes (another tab) only while nothing is pending here.
  useEffect(() => {
    if (state === 'saved' && value !== latest.current) {
      latest.current = value;
      setDraft(value);
    }
  }, [value]);

  const flush = () => {
    clearTimeout(timer.current);
    pending.current = false;
    const text = latest.current;
    onSave(text).then(
      () => setState((s) => (latest.current === text ? 'saved' : s)),
      () => {
        pending.current = true;
        setState('error');
      },
    );
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  // Typed text is written when the editor goes away (back to the list) or the popup closes
  // before the autosave delay is up.
  useEffect(() => {
    const hide = () => pending.current && flushRef.current();
    addEventListener('pagehide', hide);
    return () => {
      removeEventListener('pagehide', hide);
      hide();
    };
  }, []);

  return (
    <div class="note">
      <div class="note-head">
        <label for="note-text">Note</label>
        <span class="note-state" aria-live="polite">
          {state === 'pending' ? 'Saving…' : state === 'error' ? 'Not saved — retrying on next edit' : draft ? 'Saved' : ''}
        </span>
        <button type="button" class="link" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? 'Edit' : 'Preview'}
        </button>
      </div>
      {preview ? (
        // Sanitised by micromark (no raw HTML, safe URLs) and DOMPurify.
        <div class="note-preview" dangerouslySetInnerHTML={{ __html: renderMarkdown(draft) || '<p class="empty">Nothing to preview.</p>' }} />
      ) : (
        <textarea
          id="note-text"
          aria-label="Note"
          rows={6}
          placeholder="Markdown: **bold**, lists, [links](https://…)"
          value={draft}
          onInput={(e) => {
            const v = e.currentTarget.value;
            latest.current = v;
            setDraft(v);
            setState('pending');
            pending.current = true;
            clearTimeout(timer.current);
            timer.current = setTimeout(flush, delay);
          }}
          onBlur={() => pending.current && flush()}
        />
      )}
    </div>
  );
}
