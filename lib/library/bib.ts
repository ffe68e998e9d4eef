// BibTeX export as the extension does it: keys given to papers for the first time are stored,
// so the next export (and the user's LaTeX documents) keep citing the same keys.
import type { PapershelfDB } from '../db/database';
import { assignCitationKeys } from './commands';
import { bibOptionsFromSettings, exportBibtex } from '../formats/bibtex';
import type { Paper } from '../paper/schema';
import type { Settings } from '../settings/schema';
import { highlightsByKey } from './highlights';

export async function exportBibWithStableKeys(db: PapershelfDB, papers: Paper[], settings: Settings): Promise<string> {
  const library = await db.papers.toArray();
  // Highlights are read only when they are to be written (annote).
  const highlights = settings.bibIncludeHighlights
    ? await highlightsByKey(
        db,
        papers.map((p) => p.key),
      )
    : undefined;
  const { text, assignedKeys } = exportBibtex(papers, { ...bibOptionsFromSettings(settings), library, highlights });
  await assignCitationKeys(db, assignedKeys);
  return text;
}
