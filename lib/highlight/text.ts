// The text a highlight is anchored in: every text node under a root, whitespace runs collapsed
// to one space so that renderings differing only in layout whitespace (arXiv HTML, ar5iv, a
// publisher) give the same text. Any character of `text` maps back to a (node, offset).
//
// Built for a 100-page paper in a few ms: one TreeWalker over text nodes only (no script
// callback per node; skipped subtrees are found by one selector query and jumped over), one
// native regex replace per node, and per node (not per character) where its text starts. A
// node whose text needed no collapsing maps offsets by subtraction; only the others are
// re-scanned, and only when a range is made in them.

/** Not rendered as text, or not the paper's text (TeX annotations, our own hosts). */
const SKIP_SELECTOR = 'script,style,noscript,template,textarea,input,select,annotation,annotation-xml,svg,[data-papershelf-host]';

export interface TextIndex {
  root: Node;
  text: string;
  nodes: Text[];
  /** Index in `text` of the first character each node contributes (or would). */
  nodeStart: Int32Array;
  /** Index in `text` just after the node's last character (nodeStart when it adds none). */
  nodeEnd: Int32Array;
  /** Whether the text before each node ended in a (collapsed) space. */
  nodeSpace: Uint8Array;
  /** 1 when the node's characters map one to one to `text` (offset = index - nodeStart). */
  nodeExact: Uint8Array;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 160;
/** A run of two or more whitespace characters, or one that is not a plain space. */
const COLLAPSE = /[ \t\n\r\f\u00a0]{2,}|[\t\n\r\f\u00a0]/g;

/** The subtree roots under `root` whose text is never part of a quote, in document order. */
function skipRoots(root: Node): ArrayLike<Element> {
  return 'querySelectorAll' in root ? (root as ParentNode).querySelectorAll(SKIP_SELECTOR) : [];
}

/** Yields (to the caller's loop) every this many nodes, so that a slice can end there. */
const STEP = 512;

/**
 * The index, built in steps: each `yield` is a point where a caller may give the page its
 * main thread back (the DOM may change meanwhile; whoever watches for changes rebuilds).
 */
export function* textIndexSteps(root: Node): Generator<void, TextIndex, void> {
  const doc = root.ownerDocument ?? (root as Document);
  const skips = skipRoots(root);
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  let j = 0;
  for (let n = walker.nextNode(); n;) {
    let inside = false;
    while (j < skips.length) {
      const pos = skips[j].compareDocumentPosition(n);
      if (pos & 16 /* contained by the skipped element */) {
        inside = true;
        break;
      }
      if (pos & 4 /* after it */) j++;
      else break;
    }
    if (inside) {
      // Past the whole skipped subtree at once: from its last descendant on.
      let last: Node = skips[j];
      while (last.lastChild) last = last.lastChild;
      walker.currentNode = last;
      n = walker.nextNode();
      continue;
    }
    nodes.push(n as Text);
    if (nodes.length % (STEP * 4) === 0) yield;
    n = walker.nextNode();
  }
  const count = nodes.length;
  const nodeStart = new Int32Array(count);
  const nodeEnd = new Int32Array(count);
  const nodeSpace = new Uint8Array(count);
  const nodeExact = new Uint8Array(count);
  const parts: string[] = [];
  let len = 0;
  let space = true; // leading whitespace of the document is dropped
  for (let k = 0; k < count; k++) {
    const data = nodes[k].data;
    let s = data.replace(COLLAPSE, ' ');
    if (space && s.charCodeAt(0) === 32) s = s.slice(1);
    nodeStart[k] = len;
    nodeSpace[k] = space ? 1 : 0;
    nodeExact[k] = s.length === data.length ? 1 : 0;
    if (s.length) {
      parts.push(s);
      len += s.length;
      space = s.charCodeAt(s.length - 1) === 32;
    }
    nodeEnd[k] = len;
    if (k % STEP === STEP - 1) yield;
  }
  return { root, text: parts.join(''), nodes, nodeStart, nodeEnd, nodeSpace, nodeExact };
}

export function buildTextIndex(root: Node): TextIndex {
  const steps = textIndexSteps(root);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The index in `text` of the first character at or after offset `off` of node number `k`. */
function indexInNode(ix: TextIndex, k: number, off: number): number {
  const data = ix.nodes[k].data;
  if (ix.nodeExact[k]) return ix.nodeStart[k] + Math.min(off, data.length);
  let len = ix.nodeStart[k];
  let space = ix.nodeSpace[k] === 1;
  for (let i = 0; i < off && i < data.length; i++) {
    const ws = isSpace(data.charCodeAt(i));
    if (!(ws && space)) len++;
    space = ws;
  }
  return len;
}

/** The offset in node `k` of the character `idx` of `text` (which that node contributes). */
function offsetInNode(ix: TextIndex, k: number, idx: number): number {
  if (ix.nodeExact[k]) return idx - ix.nodeStart[k];
  const data = ix.nodes[k].data;
  let len = ix.nodeStart[k];
  let space = ix.nodeSpace[k] === 1;
  for (let i = 0; i < data.length; i++) {
    const ws = isSpace(data.charCodeAt(i));
    if (ws && space) continue;
    if (len === idx) return i;
    len++;
    space = ws;
  }
  return data.length;
}

/** The node that contributes character `idx` of `text`: the first whose end is past it. */
function nodeAt(ix: TextIndex, idx: number): number {
  let lo = 0;
  let hi = ix.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.nodeEnd[mid] > idx) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First node (by number) that is at or after the boundary point (container, offset). */
function firstNodeAfter(ix: TextIndex, container: Node, offset: number): number {
  const ref = offset < container.childNodes.length ? container.childNodes[offset] : null;
  const after = (t: Text) => {
    if (ref) return ref === t || ref.contains(t) || (ref.compareDocumentPosition(t) & 4) !== 0;
    return !container.contains(t) && (container.compareDocumentPosition(t) & 4) !== 0;
  };
  let lo = 0;
  let hi = ix.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(ix.nodes[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function nodeNumber(ix: TextIndex, t: Text): number {
  // Document order lets a binary search find it without a Map of every node.
  let lo = 0;
  let hi = ix.nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = ix.nodes[mid];
    if (n === t) return mid;
    if (n.compareDocumentPosition(t) & 4) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The position in `text` of a DOM boundary point. */
export function pointToIndex(ix: TextIndex, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const k = nodeNumber(ix, container as Text);
    if (k >= 0) return indexInNode(ix, k, offset);
    return pointToIndex(ix, container.parentNode!, Array.prototype.indexOf.call(container.parentNode!.childNodes, container) + (offset > 0 ? 1 : 0));
  }
  const k = firstNodeAfter(ix, container, offset);
  return k < ix.nodes.length ? ix.nodeStart[k] : ix.text.length;
}

/** A DOM Range over text[start, end). */
export function indexToRange(ix: TextIndex, start: number, end: number): Range {
  const doc = ix.root.ownerDocument ?? (ix.root as Document);
  const range = doc.createRange();
  const last = Math.max(start, end - 1);
  const a = nodeAt(ix, start);
  const b = last === start ? a : nodeAt(ix, last);
  range.setStart(ix.nodes[a], offsetInNode(ix, a, start));
  range.setEnd(ix.nodes[b], offsetInNode(ix, b, last) + (end > start ? 1 : 0));
  return range;
}
