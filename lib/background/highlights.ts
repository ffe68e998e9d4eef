// Highlight messages from content scripts (issue 20). Only a tab's content script may send
// them, and it sends them only for trusted toolbar clicks or the browser's shortcut; what it
// sends was validated against the protocol's schemas before it gets here.
import type { PaperMeta } from '../paper/schema';
import type { Highlight, HighlightSelectors } from '../paper/highlight';
import type { HighlightColor } from '../paper/highlightLimits';
import type { Replies } from '../messaging/replies';
import type { ErrorReply } from '../messaging/replies';

export interface HighlightDraftIn {
  paper: PaperMeta;
  selectors: HighlightSelectors;
  color: HighlightColor;
  comment?: string;
  url: string;
}

/** The library's highlight commands the background needs (lib/library/highlights.ts). */
export interface HighlightLibrary {
  /** The highlights of the saved record `key` resolves to (canonical key or alias). */
  listFor(key: string): Promise<Highlight[]>;
  /** Saves the paper if needed, then the highlight under the record's key. */
  addFor(draft: HighlightDraftIn): Promise<Highlight>;
}

type HighlightMsg =
  | { type: 'highlightsOf'; key: string }
  | ({ type: 'highlightAdd' } & HighlightDraftIn);

export async function handleHighlightMessage(
  msg: HighlightMsg,
  tabId: number | undefined,
  lib: HighlightLibrary | undefined,
): Promise<Replies['highlightsOf'] | Replies['highlightAdd'] | ErrorReply> {
  if (tabId === undefined) return { error: `${msg.type}: not from a tab` };
  if (!lib) return { error: 'Highlights are not available' };
  if (msg.type === 'highlightsOf') return { highlights: await lib.listFor(msg.key) };
  const { type: _type, ...draft } = msg;
  return { highlight: await lib.addFor(draft) };
}
