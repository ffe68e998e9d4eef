// Keyboard triage's key map. Pure: given a keydown event, which action (if any) it asks for.
// A key is never taken while the user types in a field (inputs, textareas, selects, editable
// content, also inside shadow roots), with a modifier key held, or from a synthetic event.

export type TriageAction = 'next' | 'prev' | 'save' | 'dismiss' | 'open' | 'tag' | 'note' | 'help' | 'close';

export const KEYMAP: Readonly<Record<string, TriageAction>> = {
  j: 'next',
  k: 'prev',
  s: 'save',
  x: 'dismiss',
  o: 'open',
  t: 'tag',
  n: 'note',
  '?': 'help',
};

/** What `?` lists, in order. */
export const KEY_HELP: readonly [string, string][] = [
  ['j', 'next entry'],
  ['k', 'previous entry'],
  ['s', 'save'],
  ['x', 'dismiss (again: undo)'],
  ['o', 'open'],
  ['t', 'save and tag'],
  ['n', 'save and add a note'],
  ['?', 'show these keys'],
  ['Esc', 'close'],
];

type KeyLike = Pick<KeyboardEvent, 'key' | 'isTrusted' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey' | 'isComposing' | 'defaultPrevented'> & {
  composedPath?: () => EventTarget[];
  target: EventTarget | null;
};

/** Whether the event comes from a place where the user types. */
export function isTyping(e: Pick<KeyLike, 'composedPath' | 'target'>): boolean {
  const path = e.composedPath?.() ?? [];
  for (const t of path.length ? path : [e.target]) {
    if (!t || typeof (t as Element).tagName !== 'string') continue;
    const el = t as HTMLElement;
    const tag = el.tagName.toLowerCase();
    if (tag === 'input' || tag === 'textarea' || tag === 'select') return true;
    if (el.isContentEditable) return true;
    const ce = el.getAttribute?.('contenteditable');
    if (ce !== null && ce !== undefined && ce !== 'false') return true;
    const role = el.getAttribute?.('role');
    if (role === 'textbox' || role === 'searchbox' || role === 'combobox') return true;
  }
  return false;
}

/** The action a keydown asks for, or null when the key is not ours to take. */
export function triageAction(e: KeyLike): TriageAction | null {
  if (!e.isTrusted || e.isComposing || e.defaultPrevented) return null;
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  if (isTyping(e)) return null;
  if (e.key === 'Escape') return 'close';
  // Shift only as part of `?` (a layout may need it); `J` or `S` are the page's.
  if (e.shiftKey && e.key !== '?') return null;
  return KEYMAP[e.key] ?? null;
}
