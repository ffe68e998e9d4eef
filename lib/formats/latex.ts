// Text → BibTeX field content: escaping, optional Unicode → LaTeX, case protection, math.
// BibTeX counts braces even after a backslash, so only braces that pair up inside a value can be
// written as \{ \}; a lone one becomes \textbraceleft{} (or the value would swallow the file).
import { Transform } from 'unicode2latex';

export type BibEncoding = 'utf8' | 'latex';

// 'bibtex-creator' braces every macro ({\"u}, {\L}), so graphemes can be converted one by one.
const toLatex = new Transform('bibtex-creator');
const latexCache = new Map<string, string>();

const PLAIN = /^(?! )(?:[!-~]| (?! |$))*$/;
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/gu;

// A combining accent on nothing (at the start, after a space or a sign): LaTeX would put it on a
// space or a brace ("Munaf{\u }"), which breaks biber for the whole file.
const LONE_MARKS = /(?<![\p{L}\p{N}\p{M}])\p{M}+/gu;

/** NFC, no control characters, lone surrogates or lone accents, whitespace (newlines too) collapsed. */
export function cleanField(s: string | undefined): string {
  if (!s) return '';
  // Most fields are plain printable ASCII with single spaces: already clean (and NFC).
  if (PLAIN.test(s)) return s;
  return s.normalize('NFC').replace(CONTROLS, '').replace(/\s+/g, ' ').replace(LONE_MARKS, '').replace(/\s+/g, ' ').trim();
}

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Indices of `{`/`}` that pair up within `s`. */
function pairedBraces(s: string): Set<number> {
  const paired = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') open.push(i);
    else if (s[i] === '}' && open.length) {
      paired.add(open.pop()!);
      paired.add(i);
    }
  }
  return paired;
}

/** Unicode → LaTeX for one grapheme; scripts other than Latin and math-only symbols stay UTF-8. */
function graphemeToLatex(g: string): string {
  const hit = latexCache.get(g);
  if (hit !== undefined) return hit;
  let out = g;
  // Kept as UTF-8: other scripts (their LaTeX needs extra fonts), stacked accents (ễ: parsers
  // cannot read \~{\^e} back) and ‘ ’ (the ` ' ligatures do not survive a re-import).
  const stacked = (g.normalize('NFD').match(/\p{M}/gu)?.length ?? 0) > 1;
  if (!stacked && g !== '‘' && g !== '’' && !(/\p{L}/u.test(g) && !/\p{Script=Latin}/u.test(g))) {
    const tex = toLatex.tolatex(g);
    if (tex && !tex.includes('$')) out = tex;
  }
  if (latexCache.size < 5000) latexCache.set(g, out);
  return out;
}

const NEEDS_ESCAPE = /[\\#$%&_{}~^]/;
const NON_ASCII = /[^\x00-\x7F]/;

/** Nothing to escape or convert (the common case): the text goes out as it is. */
const untouched = (s: string, enc: BibEncoding) => !NEEDS_ESCAPE.test(s) && (enc === 'utf8' || !NON_ASCII.test(s));

function encodeRun(s: string, offset: number, paired: Set<number>, enc: BibEncoding): string {
  if (untouched(s, enc)) return s;
  let out = '';
  for (const m of s.matchAll(/\P{M}\p{M}*/gu)) {
    const g = m[0];
    const at = offset + m.index;
    if (g === '{' || g === '}') out += paired.has(at) ? '\\' + g : g === '{' ? '\\textbraceleft{}' : '\\textbraceright{}';
    else if (SPECIAL[g]) out += SPECIAL[g];
    else if (enc === 'latex' && /[^\x00-\x7F]/.test(g)) out += graphemeToLatex(g);
    else out += g;
  }
  return out;
}

/** Escapes # $ % & _ { } ~ ^ \ (and converts Unicode when `enc` is 'latex'). */
export function escapeBib(s: string, enc: BibEncoding = 'utf8'): string {
  if (untouched(s, enc)) return s; // (before pairedBraces, which costs a Set)
  return encodeRun(s, 0, pairedBraces(s), enc);
}

export interface Segment {
  math: boolean;
  text: string;
}

// Math is kept verbatim only when it cannot hurt: balanced, short, nothing that ends a document,
// and no space just inside the dollars ("costs $5 and $10" is text, not math).
const UNSAFE_MATH =
  /\\(end|begin|input|include|def|edef|gdef|let|catcode|write|immediate|csname|newcommand|renewcommand|makeatletter|usepackage|documentclass|openout|openin|read|special)(?![a-zA-Z])|[%#&]|\\$/;

function safeMath(inner: string): boolean {
  if (!inner.trim() || /^\s|\s$/.test(inner) || inner.length > 300 || UNSAFE_MATH.test(inner.replace(/\\[%#&]/g, ''))) return false;
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\') i++;
    else if (inner[i] === '{') depth++;
    else if (inner[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Splits `$…$` math from text. With `texEscapes` (reading LaTeX), `\$` is a literal dollar.
 * Math that is not safe stays text (and is escaped like any other text).
 */
export function splitMath(s: string, texEscapes = false): Segment[] {
  const out: Segment[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    if (texEscapes && s[i] === '\\') {
      text += s.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (s[i] === '$') {
      let j = i + 1;
      while (j < s.length && s[j] !== '$') j += texEscapes && s[j] === '\\' ? 2 : 1;
      const inner = s.slice(i + 1, j);
      if (j < s.length && safeMath(inner)) {
        if (text) out.push({ math: false, text });
        out.push({ math: true, text: `$${inner}$` });
        text = '';
        i = j + 1;
        continue;
      }
    }
    text += s[i++];
  }
  if (text) out.push({ math: false, text });
  return out;
}

const WORDS = /[\p{L}\p{M}\p{N}]+/gu;

// Some word of the text needs protection (see needsProtection): a capital right after a letter.
const INNER_CAPITAL = /[\p{L}\p{M}\p{N}]\p{Lu}/u;

/** Words BibTeX styles must not lower-case: a capital after the first letter (BERT, ImageNet, GPT). */
export function needsProtection(word: string): boolean {
  return /^.+?\p{Lu}/su.test(word);
}

/**
 * Title content: escaped, acronyms and inner-capital words braced ({BERT}, {GPT}-4), math kept. A
 * capital touching math is part of a formula ({H}$_2${O}): braced too, or styles print "h$_2$o".
 */
export function encodeTitle(title: string, enc: BibEncoding): string {
  const clean = cleanField(title);
  // Nothing to escape, convert or keep as math (most titles): only the words to brace.
  if (!clean.includes('$') && untouched(clean, enc))
    return INNER_CAPITAL.test(clean) ? clean.replace(WORDS, (w) => (needsProtection(w) ? `{${w}}` : w)) : clean;
  const segs = splitMath(clean);
  return segs
    .map((seg, i) => {
      if (seg.math) return seg.text;
      const paired = pairedBraces(seg.text);
      let out = '';
      for (const m of seg.text.matchAll(/[\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+/gu)) {
        const run = encodeRun(m[0], m.index, paired, enc);
        const word = /^[\p{L}\p{M}\p{N}]/u.test(m[0]);
        const touchesMath = (m.index === 0 && segs[i - 1]?.math) || (m.index + m[0].length === seg.text.length && segs[i + 1]?.math);
        out += word && (needsProtection(m[0]) || (touchesMath && /\p{Lu}/u.test(m[0]))) ? `{${run}}` : run;
      }
      return out;
    })
    .join('');
}

/** Verbatim fields (url, doi, eprint): no LaTeX, but nothing that could unbalance the entry. */
export function verbatim(s: string): string {
  return cleanField(s).replace(/[{}\\\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
