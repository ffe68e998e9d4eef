import { useState } from 'preact/hooks';
import { ask } from '@/lib/messaging/client';
import type { Settings } from '@/lib/settings/schema';
import { compileWatchList } from '@/lib/triage/watch';

/** Daily triage's settings: the seen ledger (local, switchable, clearable), marks, keys, watch list. */
export function TriageSettings({ settings, set }: { settings: Settings; set(patch: Partial<Settings>): unknown }) {
  const [watch, setWatch] = useState(settings.watchList.join('\n'));
  const [cleared, setCleared] = useState<string>();
  const lines = watch
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 200);
  const rules = compileWatchList(lines);
  const check = (e: Event) => (e.currentTarget as HTMLInputElement).checked;
  const clear = () =>
    ask({ type: 'clearSeen' }).then(
      () => setCleared('History cleared: every listing entry is new again.'),
      (e: unknown) => setCleared(`Could not clear the history: ${e instanceof Error ? e.message : String(e)}`),
    );
  return (
    <fieldset>
      <legend>Daily triage</legend>
      <label>
        <input type="checkbox" checked={settings.seenLedger} onChange={(e) => void set({ seenLedger: check(e) })} /> Remember the listing entries I
        have seen (kept in this browser only), so that listings mark what is <strong>New</strong>
      </label>
      <label>
        <input type="checkbox" checked={settings.dimSeen} onChange={(e) => void set({ dimSeen: check(e) })} /> Dim entries I saw before (dismissed
        ones are always dimmed)
      </label>
      <label>
        Hide instead of dim{' '}
        <select
          aria-label="Hide instead of dim"
          value={settings.hideInsteadOfDim}
          onChange={(e) => void set({ hideInsteadOfDim: e.currentTarget.value as Settings['hideInsteadOfDim'] })}
        >
          <option value="off">no: dim them</option>
          <option value="dismissed">dismissed entries</option>
          <option value="all">dismissed entries, and seen ones when dimmed</option>
        </select>
      </label>
      <p class="hint">A hidden entry leaves a one-line “1 hidden · show” in its place.</p>
      <label>
        Toolbar badge counts{' '}
        <select
          aria-label="Toolbar badge counts"
          value={settings.badgeCount}
          onChange={(e) => void set({ badgeCount: e.currentTarget.value as Settings['badgeCount'] })}
        >
          <option value="all">every paper on the page</option>
          <option value="new">only the new papers</option>
        </select>
      </label>
      <label>
        Keyboard triage (j/k, s, x, o, t, n, ?){' '}
        <select
          aria-label="Keyboard triage"
          value={settings.keyboardTriage}
          onChange={(e) => void set({ keyboardTriage: e.currentTarget.value as Settings['keyboardTriage'] })}
        >
          <option value="auto">on the supported sites</option>
          <option value="on">on every listing</option>
          <option value="off">off</option>
        </select>
      </label>
      <label for="watch-list">
        Watch list — one per line: a keyword or phrase, <code>author: Name</code>, <code>cat: cs.LG</code>, <code>venue: NeurIPS</code>
      </label>
      <textarea
        id="watch-list"
        rows={4}
        value={watch}
        onInput={(e) => setWatch(e.currentTarget.value)}
        onBlur={() => void set({ watchList: lines })}
      />
      <p class="hint">
        {rules.length} {rules.length === 1 ? 'rule' : 'rules'}; saved when you leave the field.
      </p>
      <p>
        <button type="button" onClick={() => void clear()}>
          Clear history
        </button>{' '}
        {cleared && <span role="status">{cleared}</span>}
      </p>
    </fieldset>
  );
}
