// Text hygiene for strings taken from pages and files.

// C0/C1 controls other than whitespace; they break exports and mean nothing in a title.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// What cleanText would change: a control character, whitespace other than a lone space, or a
// space at either end. Most strings (adapters' own, already cleaned, a listing's thousands of
// titles read twice) have none, and are then returned as they are, with nothing allocated.
const UNCLEAN = /[\u0000-\u001F\u007F-\u009F]|[^\S ]| \s|^ | $/;

/** Collapses whitespace and drops control characters; Unicode letters and marks are kept. */
export function cleanText(raw: string | null | undefined): string {
  if (!raw) return '';
  if (!UNCLEAN.test(raw)) return raw;
  return raw.replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** Text of an element, with whitespace collapsed (never its HTML). */
export function textOf(el: Element | null | undefined): string {
  return cleanText(el?.textContent);
}

/** Four-digit year found in a date string such as `2017/06/12` or `12 Jun 2017`. */
export function yearOf(raw: string | null | undefined): number | undefined {
  const m = raw ? /\b(1[6-9]\d\d|2[01]\d\d)\b/.exec(raw) : null;
  return m ? Number(m[1]) : undefined;
}

/** "Vaswani, Ashish" → "Ashish Vaswani"; other forms are kept as they are. */
export function displayName(raw: string): string {
  const s = cleanText(raw);
  const m = /^([^,]+),\s*([^,]+)$/.exec(s);
  return m ? `${m[2]} ${m[1]}` : s;
}
