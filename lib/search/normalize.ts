// Text folding shared by the query parser and the index, so both sides agree on what a "word" is.

// Letters that NFKD does not decompose into base + combining mark.
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const SPECIAL_RE = /[ßæœøłđðþıħ]/g;
const MARKS_RE = /\p{M}+/gu;
const NON_WORD_RE = /[^\p{L}\p{N}]+/u;
const NON_WORD_ASCII_RE = /[^a-z0-9]+/;
const ASCII_RE = /^[\x20-\x7e]*$/;

/** Lower-cases, strips diacritics (é→e) and expands ligatures (ß→ss). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII_RE.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c]);
}

/** Longest word kept; anything longer is noise (URLs, hashes) and is cut. */
export const MAX_WORD = 40;

/** Folded words of a text, in order (duplicates kept: phrases need positions). */
export function words(text: string): string[] {
  const out: string[] = [];
  const folded = fold(text);
  for (const w of folded.split(ASCII_RE.test(folded) ? NON_WORD_ASCII_RE : NON_WORD_RE))
    if (w) out.push(w.length > MAX_WORD ? w.slice(0, MAX_WORD) : w);
  return out;
}
