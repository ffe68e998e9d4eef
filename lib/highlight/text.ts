// The text a highlight is anchored in: every text node under a root, whitespace runs collapsed
// to one space so that renderings differing only in layout whitespace (arXiv HTML, ar5iv, a
// publisher) give the same text. Each character of `text` maps back to a (node, offset).

/** Not rendered as text, or not the paper's text: never part of a quote. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'ANNOTATION', 'ANNOTATION-XML', 'SVG']);

export interface TextIndex {
  root: Node;
  text: string;
  nodes: Text[];
  /** Index of the first character of `text` each node contributes (or would). */
  nodeStart: Int32Array;
  /** Whether the text before each node ended in a (collapsed) space. */
  nodeSpace: Uint8Array;
  /** Per character of `text`: its node (index into `nodes`) and offset in that node. */
  charNode: Int32Array;
  charOffset: Int32Array;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 160;

function skipped(el: Element): boolean {
  return SKIP.has(el.nodeName.toUpperCase()) || el.hasAttribute('data-papershelf-host');
}

export function collectTextNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const out: Text[] = [];
  const walker = doc.createTreeWalker(root, 0x1 | 0x4, {
    acceptNode: (n) => (n.nodeType === 1 ? (skipped(n as Element) ? 2 : 3) : 1), // REJECT subtree / SKIP element / ACCEPT text
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === 3) out.push(n as Text);
  return out;
}

export function buildTextIndex(root: Node): TextIndex {
  const nodes = collectTextNodes(root);
  let total = 0;
  for (const n of nodes) total += n.data.length;
  const charNode = new Int32Array(total);
  const charOffset = new Int32Array(total);
  const nodeStart = new Int32Array(nodes.length);
  const nodeSpace = new Uint8Array(nodes.length);
  const parts: string[] = [];
  let len = 0;
  let space = true; // leading whitespace of the document is dropped
  for (let k = 0; k < nodes.length; k++) {
    const data = nodes[k].data;
    nodeStart[k] = len;
    nodeSpace[k] = space ? 1 : 0;
    let from = 0;
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (isSpace(c)) {
        if (!space) {
          if (i > from) parts.push(data.slice(from, i));
          parts.push(' ');
          charNode[len] = k;
          charOffset[len++] = i;
          space = true;
        } else if (i > from) parts.push(data.slice(from, i));
        from = i + 1;
      } else {
        charNode[len] = k;
        charOffset[len++] = i;
        space = false;
      }
    }
    if (from < data.length) parts.push(data.slice(from));
  }
  return { root, text: parts.join(''), nodes, nodeStart, nodeSpace, charNode: charNode.subarray(0, len), charOffset: charOffset.subarray(0, len) };
}

/** The index in `text` of the first character at or after offset `off` of node number `k`. */
function indexInNode(ix: TextIndex, k: number, off: number): number {
  const data = ix.nodes[k].data;
  let len = ix.nodeStart[k];
  let space = ix.nodeSpace[k] === 1;
  for (let i = 0; i < off && i < data.length; i++) {
    if (isSpace(data.charCodeAt(i))) {
      if (!space) len++;
      space = true;
    } else {
      len++;
      space = false;
    }
  }
  return len;
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
  range.setStart(ix.nodes[ix.charNode[start]], ix.charOffset[start]);
  range.setEnd(ix.nodes[ix.charNode[last]], ix.charOffset[last] + (end > start ? 1 : 0));
  return range;
}
