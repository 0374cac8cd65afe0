/**
 * TextIndex: the page's visible text as one string, with a two-way map between string offsets
 * and DOM points. The engine works on strings; highlights, hit-testing and note anchors work on
 * DOM Ranges; this is the bridge between the two.
 *
 * How the text is read (a snapshot: build a new index when the page changes):
 * - Text nodes in document order under `root`. Skipped subtrees: script, style, noscript,
 *   template, head, iframe, object, svg, canvas, textarea, select, and elements that are hidden
 *   by cheap checks only — the `hidden` attribute, `aria-hidden="true"`, an inline
 *   `style="display:none"`, and elements marked `data-zhibiao-layer` (our own shadow hosts).
 *   No getComputedStyle: a stylesheet-hidden element is read (the cost of layout on every page
 *   would be far worse than the rare extra text).
 * - Whitespace is collapsed the way `white-space: normal` renders it: a run of spaces, tabs and
 *   line ends becomes one ' ' (mapped to the run's first character), dropped at the start of a
 *   line; a run holding a line end between two Chinese characters is dropped (CSS Text 3
 *   segment-break rule; "政府工作报\n告" reads "政府工作报告"). Inside <pre> (and <listing>, <plaintext>, <xmp>) text is kept as is. NBSP and the
 *   ideographic space are not collapsible in HTML and are kept (the engine folds them).
 * - Lines: a virtual '\n' is inserted where a block-level element (by tag name) starts or ends,
 *   unless the text already stands at a line start, and one for every <br> — so
 *   "8家<br><br>老年人" reads "8家\n\n老年人" as the report's plain text does.
 *
 * Offsets are UTF-16 code units into `text`. Virtual '\n's have no DOM character: a range that
 * starts on one starts at the next real character, a range that ends after one ends after the
 * previous real character, so `offsetsOf(rangeFor(s, e))` gives back `{s, e}` whenever
 * `text[s]` and `text[e - 1]` are real characters (every figure is).
 */

/** One run of text characters that map 1:1 to consecutive characters of one Text node. */
interface Segment {
  node: Text;
  /** Offset of the run in `node.data`. */
  nodeStart: number;
  /** Offset of the run in the index text. */
  textStart: number;
  length: number;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'textarea',
  'select',
  'video',
  'audio',
  'picture',
  'img',
  'input',
  'button',
]);

/** Tags that render as blocks (or table rows/cells) by default: their edges are line breaks. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'option',
  'p',
  'plaintext',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
]);

const PREFORMATTED = new Set(['pre', 'listing', 'plaintext', 'xmp']);

/** How many nodes the reading walks between two looks at the clock (fromElementInSlices). */
const NODES_PER_STEP = 128;

/** A slice of fromElementInSlices: short enough that a slice and the page's own work in the same
 * frame stay well under the 50 ms of a long task, also on a slow machine. */
const SLICE_MS = 8;

/** Whitespace that `white-space: normal` collapses (not NBSP, not U+3000). */
const COLLAPSIBLE = /[ \t\n\r\f]+/g;

/** Wide (East Asian) characters, between which a source line end collapses to nothing. */
const WIDE = /[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/** The attribute that marks Zhibiao's own elements (shadow hosts) so no index reads them. */
export const LAYER_ATTRIBUTE = 'data-zhibiao-layer';

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.hasAttribute(LAYER_ATTRIBUTE)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none/i.test(style)) return true;
  return false;
}

export type Bias = 'forward' | 'backward';

export class TextIndex {
  readonly root: Node;
  readonly text: string;
  private readonly segments: Segment[];
  /** For each indexed Text node, the indexes of its segments (ascending). */
  private readonly byNode: Map<Text, number[]>;

  private constructor(root: Node, text: string, segments: Segment[]) {
    this.root = root;
    this.text = text;
    this.segments = segments;
    this.byNode = new Map();
    segments.forEach((seg, i) => {
      const list = this.byNode.get(seg.node);
      if (list) list.push(i);
      else this.byNode.set(seg.node, [i]);
    });
  }

  /** Reads the visible text under `root` (a Document reads its whole tree, skipping <head>). */
  static fromElement(root: Element | Document): TextIndex {
    const reading = TextIndex.read(root);
    for (;;) {
      const step = reading.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same index, read in slices of about `sliceMs` with `pause()` between them. In a browser
   * that has just started (nothing compiled yet, every core busy) reading a 34,000-character
   * report at once took 50–65 ms of the page's main thread, one long task the page does not have
   * without the extension. The page may change between slices: the index is then of a page that
   * is changing, which the text watch (lib/page/text-watch.ts) reads again once it settles.
   */
  static async fromElementInSlices(root: Element | Document, pause: () => Promise<void>, sliceMs = SLICE_MS): Promise<TextIndex> {
    const reading = TextIndex.read(root);
    for (;;) {
      const until = performance.now() + sliceMs;
      let step = reading.next();
      while (!step.done && performance.now() < until) step = reading.next();
      if (step.done) return step.value;
      await pause();
    }
  }

  /** The document Ranges are created in. */
  private get doc(): Document {
    return (this.root.nodeType === 9 ? this.root : this.root.ownerDocument) as Document;
  }

  /** Index of the last segment with textStart <= t, or -1. */
  private segmentAtOrBefore(t: number): number {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].textStart <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The DOM point before text[t] (bias forward) or after text[t-1] (bias backward). */
  private pointAt(t: number, bias: Bias): { node: Text; offset: number; seg: number } | null {
    const segs = this.segments;
    if (segs.length === 0) return null;
    if (bias === 'forward') {
      const i = this.segmentAtOrBefore(t);
      if (i >= 0 && t < segs[i].textStart + segs[i].length) {
        return { node: segs[i].node, offset: segs[i].nodeStart + (t - segs[i].textStart), seg: i };
      }
      // t is virtual (or past the end): the next real character, else the end of the last one.
      const next = segs[i + 1];
      if (next) return { node: next.node, offset: next.nodeStart, seg: i + 1 };
      const prev = segs[segs.length - 1];
      return { node: prev.node, offset: prev.nodeStart + prev.length, seg: segs.length - 1 };
    }
    const c = t - 1; // the character the point follows
    const i = this.segmentAtOrBefore(c);
    if (i >= 0 && c >= 0) {
      const seg = segs[i];
      const inside = c < seg.textStart + seg.length;
      const offset = inside ? seg.nodeStart + (c - seg.textStart) + 1 : seg.nodeStart + seg.length;
      return { node: seg.node, offset, seg: i };
    }
    return { node: segs[0].node, offset: segs[0].nodeStart, seg: 0 };
  }

  /** A Range covering text[start, end), possibly across elements; null when out of bounds or empty index. */
  rangeFor(start: number, end: number): Range | null {
    if (!(start >= 0 && end >= start && end <= this.text.length)) return null;
    const a = this.pointAt(start, 'forward');
    if (!a) return null;
    const range = this.doc.createRange();
    range.setStart(a.node, a.offset);
    if (end === start) {
      range.collapse(true);
      return range;
    }
    const b = this.pointAt(end, 'backward');
    if (!b) return null;
    // A span made only of virtual line breaks maps to an empty range at the next character.
    if (b.seg < a.seg || (b.seg === a.seg && b.offset < a.offset)) {
      range.collapse(true);
      return range;
    }
    range.setEnd(b.node, b.offset);
    return range;
  }

  /**
   * The text offset of a DOM point; null when the point is outside `root`.
   * A point between indexed characters (in skipped whitespace, a hidden element, between blocks)
   * maps to the next character's offset (bias 'forward', for range starts) or just after the
   * previous character (bias 'backward', for range ends).
   */
  offsetOf(node: Node, offset: number, bias: Bias = 'forward'): number | null {
    if (!this.contains(node)) return null;
    const segs = this.segments;
    if (segs.length === 0) return 0;

    const own = node.nodeType === TEXT_NODE ? this.byNode.get(node as Text) : undefined;
    if (own) {
      let before = -1; // last segment of this node ending at or before offset
      for (const i of own) {
        const seg = segs[i];
        if (offset >= seg.nodeStart && offset <= seg.nodeStart + seg.length) {
          // On a boundary shared by nothing else in this node: exact.
          return seg.textStart + (offset - seg.nodeStart);
        }
        if (seg.nodeStart + seg.length <= offset) before = i;
      }
      return this.betweenSegments(before, bias);
    }

    // General case: binary search for the first segment whose end is at or after the point.
    const probe = this.doc.createRange();
    try {
      probe.setStart(node, offset);
    } catch {
      return null;
    }
    let lo = 0;
    let hi = segs.length - 1;
    let first = segs.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const seg = segs[mid];
      // comparePoint: -1 when the segment's end lies before the probe point.
      if (probe.comparePoint(seg.node, seg.nodeStart + seg.length) >= 0) {
        first = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    if (first < segs.length) {
      const seg = segs[first];
      if (probe.comparePoint(seg.node, seg.nodeStart) >= 0) return this.betweenSegments(first - 1, bias);
      return seg.textStart + seg.length; // only reachable for points inside seg.node's bounds
    }
    return this.betweenSegments(segs.length - 1, bias);
  }

  /** Offset for a point lying after segment `i` (−1: before all) and before segment i+1. */
  private betweenSegments(i: number, bias: Bias): number {
    const segs = this.segments;
    const prev = segs[i];
    const next = segs[i + 1];
    if (bias === 'backward' && prev) return prev.textStart + prev.length;
    if (next) return next.textStart;
    return prev ? prev.textStart + prev.length : 0;
  }

  /** The text offsets a Range covers; null when it lies outside `root`. */
  offsetsOf(range: Range): { start: number; end: number } | null {
    const start = this.offsetOf(range.startContainer, range.startOffset, 'forward');
    const end = this.offsetOf(range.endContainer, range.endOffset, 'backward');
    if (start === null || end === null) return null;
    return end < start ? { start, end: start } : { start, end };
  }

  /** The Text nodes and offsets covering text[start, end), for callers that measure or hit-test. */
  pieces(start: number, end: number): { node: Text; start: number; end: number }[] {
    const out: { node: Text; start: number; end: number }[] = [];
    let i = Math.max(0, this.segmentAtOrBefore(start));
    for (; i < this.segments.length; i++) {
      const seg = this.segments[i];
      if (seg.textStart >= end) break;
      const s = Math.max(start, seg.textStart);
      const e = Math.min(end, seg.textStart + seg.length);
      if (e > s) out.push({ node: seg.node, start: seg.nodeStart + (s - seg.textStart), end: seg.nodeStart + (e - seg.textStart) });
    }
    return out;
  }

  private contains(node: Node): boolean {
    return node === this.root || this.root.contains(node);
  }
  /**
   * The reading behind fromElement and fromElementInSlices: pauses (yields) after every
   * NODES_PER_STEP nodes so that a caller can spread it over tasks; returns the index.
   */
  private static *read(root: Element | Document): Generator<void, TextIndex> {
    const parts: string[] = [];
    const segments: Segment[] = [];
    let length = 0;
    let last = ''; // last character emitted
    // A collapsed space not yet emitted; `segmentBreak` when its run held a line end.
    let pending: { node: Text; offset: number; segmentBreak: boolean } | null = null;
    let preDepth = 0;

    const emitReal = (node: Text, nodeStart: number, chunk: string) => {
      if (!chunk) return;
      if (pending) {
        // A source line end between two Chinese characters is no space (CSS Text 3 segment break
        // rules; editors wrap long lines anywhere: "政府工作报\n告").
        const dropped = pending.segmentBreak && WIDE.test(last) && WIDE.test(chunk[0]);
        if (length > 0 && last !== '\n' && !dropped) pushMapped(pending.node, pending.offset, ' ');
        pending = null;
      }
      pushMapped(node, nodeStart, chunk);
    };
    const pushMapped = (node: Text, nodeStart: number, chunk: string) => {
      const prev = segments[segments.length - 1];
      if (prev && prev.node === node && prev.nodeStart + prev.length === nodeStart && prev.textStart + prev.length === length) {
        prev.length += chunk.length;
      } else {
        segments.push({ node, nodeStart, textStart: length, length: chunk.length });
      }
      parts.push(chunk);
      length += chunk.length;
      last = chunk[chunk.length - 1];
    };
    const pushVirtual = () => {
      parts.push('\n');
      length += 1;
      last = '\n';
    };
    const lineBreak = (hard: boolean) => {
      pending = null;
      if (hard || (length > 0 && last !== '\n')) pushVirtual();
    };
    const readText = (node: Text) => {
      const data = node.data;
      if (preDepth > 0) {
        emitReal(node, 0, data);
        return;
      }
      COLLAPSIBLE.lastIndex = 0;
      let at = 0;
      for (let m = COLLAPSIBLE.exec(data); m; m = COLLAPSIBLE.exec(data)) {
        emitReal(node, at, data.slice(at, m.index));
        const segmentBreak = /[\n\r]/.test(m[0]);
        if (!pending) pending = { node, offset: m.index, segmentBreak };
        else if (segmentBreak) pending.segmentBreak = true;
        at = m.index + m[0].length;
      }
      emitReal(node, at, data.slice(at));
    };

    const enter = (el: Element): boolean => {
      const tag = el.localName;
      if (SKIPPED.has(tag) || isHidden(el)) return false;
      if (tag === 'br') {
        lineBreak(true);
        return false;
      }
      if (BLOCKS.has(tag)) lineBreak(false);
      if (PREFORMATTED.has(tag)) preDepth++;
      return true;
    };
    const leave = (el: Element) => {
      const tag = el.localName;
      if (PREFORMATTED.has(tag)) preDepth--;
      if (BLOCKS.has(tag)) lineBreak(false);
    };

    // Iterative depth-first walk (deeply nested pages must not overflow the call stack).
    let node: Node | null = root.firstChild;
    let steps = 0;
    while (node) {
      if (++steps % NODES_PER_STEP === 0) yield;
      let descend = false;
      if (node.nodeType === TEXT_NODE) readText(node as Text);
      else if (node.nodeType === ELEMENT_NODE) descend = enter(node as Element);
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      if (descend) leave(node as Element);
      while (node && node !== root && !node.nextSibling) {
        node = node.parentNode;
        if (node && node !== root && node.nodeType === ELEMENT_NODE) leave(node as Element);
      }
      node = !node || node === root ? null : node.nextSibling;
    }

    // Line ends after the last character map to nothing and read like a stray blank line: drop them.
    let text = parts.join('');
    const lastSeg = segments[segments.length - 1];
    const realEnd = lastSeg ? lastSeg.textStart + lastSeg.length : 0;
    while (text.length > realEnd && text.endsWith('\n')) text = text.slice(0, -1);
    return new TextIndex(root, text, segments);
  }
}
