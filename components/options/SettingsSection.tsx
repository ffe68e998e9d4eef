import { useState } from 'preact/hooks';
import { adapters } from '@/lib/detect/registry';
import { formatCitationKey } from '@/lib/formats/citekey';
import type { Paper } from '@/lib/paper/schema';
import type { Settings } from '@/lib/settings/schema';
import { saveSettings } from '@/lib/settings/store';
import { TriageSettings } from './TriageSettings';

const SAMPLE = {
  key: 'arxiv:1706.03762',
  ids: { arxiv: '1706.03762' },
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer'],
  year: 2017,
  type: 'preprint',
  source: 'sample',
} as Paper;

export function SettingsSection({ settings }: { settings: Settings }) {
  const [error, setError] = useState<string>();
  const [keyFormat, setKeyFormat] = useState(settings.citationKeyFormat);
  const set = (patch: Partial<Settings>) => saveSettings(patch).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const disabled = new Set(settings.disabledSites);
  const toggleSite = (id: string) => {
    const next = new Set(disabled);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    void set({ disabledSites: [...next] });
  };
  let preview = '';
  try {
    preview = formatCitationKey(SAMPLE, keyFormat);
  } catch {
    preview = '';
  }

  return (
    <section aria-labelledby="settings-h" class="card">
      <h2 id="settings-h">Settings</h2>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <fieldset>
        <legend>On web pages</legend>
        <label>
          <input type="checkbox" checked={settings.inlineButtons} onChange={(e) => void set({ inlineButtons: e.currentTarget.checked })} /> Show Save
          buttons beside papers
        </label>
        <label>
          <input type="radio" name="detectOn" checked={settings.detectOn === 'all'} onChange={() => void set({ detectOn: 'all' })} /> Detect papers on
          every site (journal pages through their metadata)
        </label>
        <label>
          <input type="radio" name="detectOn" checked={settings.detectOn === 'known'} onChange={() => void set({ detectOn: 'known' })} /> Only on the
          supported sites below
        </label>
      </fieldset>
      <fieldset>
        <legend>Supported sites</legend>
        <div class="sites">
          {adapters.map((a) => (
            <label key={a.id} title={a.hosts.join(', ')}>
              <input type="checkbox" checked={!disabled.has(a.id)} onChange={() => toggleSite(a.id)} /> {a.name}
            </label>
          ))}
          <label title="citation_* meta, Dublin Core, JSON-LD, COinS on any other page">
            <input type="checkbox" checked={!disabled.has('generic')} onChange={() => toggleSite('generic')} /> Other sites (standard metadata)
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>BibTeX</legend>
        <label>
          Citation key format{' '}
          <input
            type="text"
            aria-label="Citation key format"
            value={keyFormat}
            onInput={(e) => setKeyFormat(e.currentTarget.value)}
            onBlur={() => keyFormat.trim() && void set({ citationKeyFormat: keyFormat.trim() })}
            onKeyDown={(e) => e.key === 'Enter' && keyFormat.trim() && void set({ citationKeyFormat: keyFormat.trim() })}
          />
        </label>
        <p class="hint">
          Example: <code>{preview || '—'}</code>. Parts: <code>[auth]</code> <code>[auth:upper]</code> <code>[authors2]</code> <code>[year]</code>{' '}
          <code>[shorttitle]</code> <code>[title:3]</code>. Keys already exported keep their value.
        </p>
        <label>
          Flavour{' '}
          <select
            aria-label="BibTeX flavour"
            value={settings.bibFlavour}
            onChange={(e) => void set({ bibFlavour: e.currentTarget.value as Settings['bibFlavour'] })}
          >
            <option value="bibtex">BibTeX (natbib, classic styles)</option>
            <option value="biblatex">BibLaTeX (biber)</option>
          </select>
        </label>
        <label>
          Characters{' '}
          <select
            aria-label="BibTeX encoding"
            value={settings.bibEncoding}
            onChange={(e) => void set({ bibEncoding: e.currentTarget.value as Settings['bibEncoding'] })}
          >
            <option value="utf8">Keep Unicode (UTF-8)</option>
            <option value="latex">Convert to LaTeX commands (ASCII)</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={settings.bibIncludeAbstract} onChange={(e) => void set({ bibIncludeAbstract: e.currentTarget.checked })} />{' '}
          Include abstracts
        </label>
        <label>
          <input type="checkbox" checked={settings.bibIncludeNote} onChange={(e) => void set({ bibIncludeNote: e.currentTarget.checked })} /> Include
          notes
        </label>
      </fieldset>
      <fieldset>
        <legend>Appearance and privacy</legend>
        <label>
          Theme{' '}
          <select aria-label="Theme" value={settings.theme} onChange={(e) => void set({ theme: e.currentTarget.value as Settings['theme'] })}>
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={settings.networkLookups} onChange={(e) => void set({ networkLookups: e.currentTarget.checked })} /> Complete
          missing metadata from public APIs (arXiv, Crossref, Semantic Scholar, OpenReview)
        </label>
      </fieldset>
      <TriageSettings settings={settings} set={set} />
    </section>
  );
}
