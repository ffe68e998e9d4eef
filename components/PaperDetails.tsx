import { useState } from 'preact/hooks';
import type { PapershelfDB } from '@/lib/library/db';
import { describeDbError } from '@/lib/library/db';
import { findSaved } from '@/lib/library/db';
import { changeTags } from '@/lib/library/commands';
import { exportBibWithStableKeys } from '@/lib/library/bib';
import { isPublished } from '@/lib/enrich/completion';
import * as library from '@/lib/library/commands';
import { readingStatuses, type Paper, type ReadingStatus } from '@/lib/paper/schema';
import { loadSettings } from '@/lib/settings/store';
import { HighlightList } from './HighlightList';
import { NoteEditor } from './NoteEditor';
import { TagInput } from './TagInput';
import { useLiveQuery } from './useLiveQuery';

const STATUS_LABEL: Record<ReadingStatus, string> = { unread: 'To read', reading: 'Reading', read: 'Read' };

interface Props {
  db: PapershelfDB;
  paperKey: string;
  knownTags: string[];
  onBack(): void;
  onRemoved(papers: Paper[]): void;
  notify(text: string): void;
}

function links(p: Paper): { label: string; href: string }[] {
  const out = [];
  if (p.absUrl) out.push({ label: 'Abstract', href: p.absUrl });
  if (p.pdfUrl) out.push({ label: 'PDF', href: p.pdfUrl });
  if (p.ids.doi) out.push({ label: 'DOI', href: `https://doi.org/${p.ids.doi}` });
  if (p.ids.arxiv && !p.absUrl?.includes('arxiv.org')) out.push({ label: 'arXiv', href: `https://arxiv.org/abs/${p.ids.arxiv}` });
  return out;
}

export function PaperDetails({ db, paperKey, knownTags, onBack, onRemoved, notify }: Props) {
  // The key may be an alias (a DOI met on a page, saved under its arXiv id).
  const { data: paper, error } = useLiveQuery(() => findSaved(db, [paperKey]).then((p) => p ?? null), [paperKey]);
  const [failure, setFailure] = useState<string>();
  if (error) return <p role="alert">{error.message}</p>;
  if (paper === undefined) return <p class="empty">Loading…</p>;
  if (paper === null)
    return (
      <div class="empty-state">
        <p>This paper is not in your library any more.</p>
        <button type="button" onClick={onBack}>
          Back
        </button>
      </div>
    );
  const update = (patch: Parameters<typeof library.update>[2]) =>
    library.update(db, paper.key, patch).catch((e: unknown) => {
      setFailure(describeDbError(e));
      throw e;
    });
  const copy = async (what: 'bib' | 'key') => {
    try {
      const bib = await exportBibWithStableKeys(db, [paper], await loadSettings());
      const key = /^@\w+\{([^,]+),/.exec(bib)?.[1] ?? '';
      await navigator.clipboard.writeText(what === 'bib' ? bib : key);
      notify(what === 'bib' ? 'BibTeX copied.' : `Copied ${key}.`);
    } catch (e) {
      setFailure(`Could not copy: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const meta: [string, string | undefined][] = [
    ['Authors', paper.authors.join(', ')],
    [
      'Venue',
      [paper.venue, paper.volume && `vol. ${paper.volume}`, paper.number && `no. ${paper.number}`, paper.pages && `pp. ${paper.pages}`]
        .filter(Boolean)
        .join(', '),
    ],
    ['Published', paper.date ?? (paper.year ? String(paper.year) : undefined)],
    ['Type', paper.type],
    [
      'arXiv',
      paper.ids.arxiv &&
        `${paper.ids.arxiv}${paper.arxivVersion ? `v${paper.arxivVersion}` : ''}${paper.arxivCategory ? ` [${paper.arxivCategory}]` : ''}`,
    ],
    ['DOI', paper.ids.doi],
    ['Citation key', paper.citationKey],
    ['Saved', new Date(paper.addedAt).toLocaleString()],
  ];
  return (
    <article class="details" aria-labelledby="details-title">
      <div class="details-bar">
        <button type="button" class="link" onClick={onBack}>
          ← Back
        </button>
        <button
          type="button"
          class={`star ${paper.starred ? 'on' : ''}`}
          aria-pressed={paper.starred}
          aria-label="Star"
          onClick={() => void update({ starred: !paper.starred })}
        >
          {paper.starred ? '★' : '☆'}
        </button>
      </div>
      <h2 id="details-title" class="details-title">
        {paper.title}
      </h2>
      {/* A preprint that metadata completion found published (both identifiers on one record). */}
      {paper.ids.arxiv && isPublished(paper) && (
        <p class="published">
          Published in {paper.venue}
          {paper.year ? ` (${paper.year})` : ''}
        </p>
      )}
      {failure && (
        <p role="alert" class="error">
          {failure}
        </p>
      )}
      <dl class="meta">
        {meta
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <p class="links">
        {links(paper).map((l) => (
          <a key={l.label} href={l.href} target="_blank" rel="noopener noreferrer">
            {l.label}
          </a>
        ))}
      </p>
      <fieldset class="status">
        <legend>Reading status</legend>
        {readingStatuses.map((s) => (
          <label key={s} class={paper.status === s ? 'on' : ''}>
            <input type="radio" name="status" value={s} checked={paper.status === s} onChange={() => void update({ status: s })} />
            {STATUS_LABEL[s]}
          </label>
        ))}
      </fieldset>
      <TagInput
        tags={paper.tags}
        known={knownTags}
        // As a difference: tags added elsewhere while this view was open are kept.
        onChange={(tags) =>
          void changeTags(
            db,
            paper.key,
            tags.filter((t) => !paper.tags.includes(t)),
            paper.tags.filter((t) => !tags.includes(t)),
          ).catch((e: unknown) => setFailure(describeDbError(e)))
        }
      />
      <NoteEditor key={paper.key} value={paper.note} onSave={(note) => update({ note })} />
      <HighlightList db={db} paperKey={paper.key} />
      {paper.abstract && (
        <details class="abstract">
          <summary>Abstract</summary>
          <p>{paper.abstract}</p>
        </details>
      )}
      <div class="actions">
        <button type="button" onClick={() => void copy('bib')}>
          Copy BibTeX
        </button>
        <button type="button" onClick={() => void copy('key')}>
          Copy citation key
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => void library.remove(db, [paper.key]).then(onRemoved, (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)))}
        >
          Remove
        </button>
      </div>
    </article>
  );
}
