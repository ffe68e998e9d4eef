import { useState } from 'preact/hooks';

interface Props {
  tags: string[];
  /** Every tag of the library, for autocomplete. */
  known: string[];
  onChange(tags: string[]): void;
  label?: string;
}

/** Chips plus an input: Enter or comma adds, Backspace on empty removes the last, × removes one. */
export function TagInput({ tags, known, onChange, label = 'Tags' }: Props) {
  const [draft, setDraft] = useState('');
  const listId = 'tag-suggestions';
  const add = (raw: string) => {
    const parts = raw
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (parts.length) onChange([...new Set([...tags, ...parts])]);
    setDraft('');
  };
  const lower = draft.trim().toLowerCase();
  const suggestions = lower ? known.filter((t) => t.toLowerCase().startsWith(lower) && !tags.includes(t)).slice(0, 8) : [];
  return (
    <div class="tag-input">
      <ul class="chips" aria-label="Current tags">
        {tags.map((t) => (
          <li key={t} class="chip">
            {t}
            <button type="button" class="chip-x" aria-label={`Remove tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        type="text"
        aria-label={label}
        placeholder="Add a tag…"
        list={listId}
        value={draft}
        onInput={(e) => {
          const v = e.currentTarget.value;
          if (v.includes(',')) add(v);
          else setDraft(v);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && !draft && tags.length) onChange(tags.slice(0, -1));
        }}
        onBlur={() => draft.trim() && add(draft)}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
