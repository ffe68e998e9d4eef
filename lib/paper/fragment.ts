// A link that opens a page scrolled to a passage: a URL text fragment
// (https://wicg.github.io/scroll-to-text-fragment/), `#:~:text=start[,end]`.

const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
const WORDS = 5;

export function textFragmentUrl(url: string, quote: string): string {
  const base = url.replace(/#.*$/, '');
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return base;
  // A long passage is named by its first and last words: the browser highlights all between.
  const text = words.length > 2 * WORDS ? `${enc(words.slice(0, WORDS).join(' '))},${enc(words.slice(-WORDS).join(' '))}` : enc(words.join(' '));
  return `${base}#:~:text=${text}`;
}
