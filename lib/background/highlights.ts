// Highlight messages from content scripts (issue 20). Only a tab's content script may send
// them, and it sends them only for trusted toolbar clicks or the browser's shortcut; what it
// sends was validated against the protocol's schemas before it gets here.
import type { PapershelfDB } from '../library/db';
import { addHighlight, highlightsOf } from '../library/highlights';
import type { ErrorReply, Replies } from '../messaging/replies';
import type { ToBackground } from '../messaging/protocol';

type HighlightMsg = Extract<ToBackground, { type: 'highlightsOf' | 'highlightAdd' }>;

export async function handleHighlightMessage(
  db: PapershelfDB,
  msg: HighlightMsg,
  tabId: number | undefined,
): Promise<Replies['highlightsOf'] | Replies['highlightAdd'] | ErrorReply> {
  if (tabId === undefined) return { error: `${msg.type}: not from a tab` };
  if (msg.type === 'highlightsOf') return { highlights: await highlightsOf(db, msg.key) };
  const { paper, selectors, color, comment, url } = msg;
  return { highlight: await addHighlight(db, paper, { selectors, color, comment, url }) };
}
