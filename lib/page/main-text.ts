/**
 * Where the report's own text lies in the live page's TextIndex.
 *
 * Choice: one TextIndex over the whole body, and the analysis restricted to the span between the
 * first and the last character of the article that Readability finds. Readability mutates what it
 * reads, so it reads a clone; the clone has the same tree shape as the page, so one lockstep walk
 * maps every cloned text node to the live one, and Readability's article element (asked for as an
 * element through `serializer`) still holds those cloned text nodes. The span may take in a little
 * chrome that sits between article paragraphs; it never loses article text, and the offsets map to
 * live Ranges through the same index the highlights use.
 *
 * When Readability finds nothing (short pages, odd markup) the whole body text is used.
 */
import { Readability } from '@mozilla/readability';
import { MAX_READABLE_DEPTH, nestedDeeperThan } from './depth';
import type { TextIndex } from '../anchoring';

export interface MainTextSpan {
  start: number;
  end: number;
  usedReadability: boolean;
}

/** Lockstep walk of two trees of the same shape: clone text node → live text node. */
function mapTextNodes(live: Node, clone: Node): Map<Node, Node> {
  const map = new Map<Node, Node>();
  const stack: [Node, Node][] = [[live, clone]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    if (a.nodeType === 3) {
      map.set(b, a);
      continue;
    }
    let x = a.firstChild;
    let y = b.firstChild;
    while (x && y) {
      if (x.nodeType === 3 || x.firstChild) stack.push([x, y]);
      x = x.nextSibling;
      y = y.nextSibling;
    }
  }
  return map;
}

export function mainTextSpan(doc: Document, index: TextIndex): MainTextSpan {
  const whole: MainTextSpan = { start: 0, end: index.text.length, usedReadability: false };
  if (!doc.documentElement || nestedDeeperThan(doc.documentElement, MAX_READABLE_DEPTH)) return whole;
  let article: Node | null | undefined = null;
  let map: Map<Node, Node>;
  try {
    const clone = doc.cloneNode(true) as Document;
    map = mapTextNodes(doc.documentElement, clone.documentElement);
    article = new Readability<Node>(clone, { serializer: (node) => node, charThreshold: 300 }).parse()?.content;
  } catch {
    return whole;
  }
  if (!article) return whole;

  let start = Infinity;
  let end = -Infinity;
  const stack: Node[] = [article];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const live = map.get(node);
      const data = (node as Text).data;
      if (!live || !data.trim()) continue;
      const s = index.offsetOf(live, 0, 'forward');
      const e = index.offsetOf(live, (live as Text).data.length, 'backward');
      if (s !== null && e !== null && e > s) {
        if (s < start) start = s;
        if (e > end) end = e;
      }
      continue;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  }
  if (!(end > start)) return whole;
  // Start at the line start so a heading cut by the article's first node is read whole.
  start = index.text.lastIndexOf('\n', start - 1) + 1;
  return { start, end, usedReadability: true };
}
