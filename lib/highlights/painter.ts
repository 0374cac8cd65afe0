/**
 * Painting figures in the page without touching it.
 *
 * With the CSS Custom Highlight API (Chromium 105+, Safari 17.2+, Firefox 140+): one `Highlight`
 * per figure kind, registered as `zhibiao-actual`, `zhibiao-estimate`, `zhibiao-target`,
 * `zhibiao-baseline`, plus `zhibiao-active` for the figure whose card is open (names, priorities and
 * colours from the kind table, lib/kinds.ts); the colours live in a stylesheet
 * (`::highlight(zhibiao-actual) {…}`) the content script injects. The page's DOM, text
 * and scripts stay exactly as they were.
 *
 * Without it: boxes from `range.getClientRects()`, drawn in a layer of our own (inside our shadow
 * root, `position: fixed`, `pointer-events: none`), redrawn on scroll (any scroller: capture) and
 * resize, at most once per animation frame.
 *
 * Plain DOM: the window (and its `CSS.highlights` / `Highlight`) is passed in, so tests can hand
 * in a fake registry (jsdom has none).
 */
import { redrawOnViewportChange } from './viewport-redraw';
import type { FigureKind } from '../model';
import { ACTIVE_META, FIGURE_KINDS, KIND_META, highlightNames } from '../kinds';

export const HIGHLIGHT_NAMES: Readonly<Record<FigureKind, string>> = highlightNames();
export const ACTIVE_HIGHLIGHT = ACTIVE_META.highlight;
const KINDS = FIGURE_KINDS;

export interface PaintedFigure {
  kind: FigureKind;
  range: Range;
}

/** The part of a HighlightRegistry the painter uses. */
export interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
  get(name: string): HighlightLike | undefined;
}
export interface HighlightLike {
  priority: number;
  add(range: AbstractRange): unknown;
  clear(): void;
  readonly size: number;
}
export type HighlightConstructor = new (...ranges: AbstractRange[]) => HighlightLike;

export interface PainterWindow {
  CSS?: { highlights?: HighlightRegistryLike };
  Highlight?: HighlightConstructor;
  requestAnimationFrame(cb: () => void): number;
  cancelAnimationFrame(id: number): void;
  addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions | boolean): void;
  removeEventListener(type: string, listener: () => void, options?: EventListenerOptions | boolean): void;
}

export interface PainterOptions {
  win: PainterWindow;
  /** Where fallback boxes go (a container inside our shadow root); asked for lazily. */
  overlayLayer: () => HTMLElement | null;
  /** Draw boxes even where the Highlight API exists (tests, comparisons). */
  forceOverlay?: boolean;
  /** The registered name of each highlight (install-names.ts); the names above when absent. */
  name?: (name: string) => string;
  /** Called before highlights are registered (adds their stylesheet to the page). */
  beforePaint?: () => void;
}

export type PaintMode = 'highlight-api' | 'overlay';

export interface FigurePainter {
  readonly mode: PaintMode;
  /** Replaces whatever was painted with these figures. */
  paint(figures: PaintedFigure[]): void;
  /** Marks one figure (by its position in the last `paint`) as the active one; null clears. */
  setActive(index: number | null): void;
  /** Stops showing figures of these kinds (the legend's toggles) until shown again; kept across `paint`. */
  setHidden(kinds: ReadonlySet<FigureKind>): void;
  /** Redraws fallback boxes after layout changed (no-op with the Highlight API). */
  reposition(): void;
  /** Removes every highlight and box and stops listening. */
  clear(): void;
}

export function hasHighlightApi(win: PainterWindow): boolean {
  return typeof win.Highlight === 'function' && !!win.CSS?.highlights;
}

export function createFigurePainter(options: PainterOptions): FigurePainter {
  return !options.forceOverlay && hasHighlightApi(options.win) ? highlightApiPainter(options) : overlayPainter(options);
}

function highlightApiPainter({ win, name = (n) => n, beforePaint }: PainterOptions): FigurePainter {
  const registry = win.CSS!.highlights!;
  const Ctor = win.Highlight!;
  let figures: PaintedFigure[] = [];
  let hidden: ReadonlySet<FigureKind> = new Set();
  const kindName = Object.fromEntries(KINDS.map((k) => [k, name(HIGHLIGHT_NAMES[k])])) as Record<FigureKind, string>;
  const activeName = name(ACTIVE_HIGHLIGHT);

  const unregister = () => {
    for (const kind of KINDS) registry.delete(kindName[kind]);
  };
  const register = () => {
    unregister();
    if (figures.length) beforePaint?.();
    KINDS.forEach((kind) => {
      if (hidden.has(kind)) return;
      const ranges = figures.filter((f) => f.kind === kind).map((f) => f.range);
      if (ranges.length === 0) return;
      const highlight = new Ctor(...ranges);
      // Kinds never overlap in practice; the table's priorities keep overlaps deterministic anyway.
      highlight.priority = KIND_META[kind].priority;
      registry.set(kindName[kind], highlight);
    });
  };
  const clear = () => {
    unregister();
    registry.delete(activeName);
    figures = [];
  };

  return {
    mode: 'highlight-api',
    paint(next) {
      clear();
      figures = next;
      register();
    },
    setHidden(kinds) {
      hidden = new Set(kinds);
      register();
    },
    setActive(index) {
      registry.delete(activeName);
      const figure = index === null ? undefined : figures[index];
      if (!figure) return;
      const active = new Ctor(figure.range);
      active.priority = ACTIVE_META.priority; // above every kind and note
      registry.set(activeName, active);
    },
    reposition() {},
    clear,
  };
}

function overlayPainter({ win, overlayLayer }: PainterOptions): FigurePainter {
  let figures: PaintedFigure[] = [];
  let active: number | null = null;
  let hidden: ReadonlySet<FigureKind> = new Set();
  const draw = () => {
    const layer = overlayLayer();
    if (!layer) return;
    const doc = layer.ownerDocument;
    const boxes: HTMLElement[] = [];
    figures.forEach((figure, i) => {
      if (hidden.has(figure.kind)) return;
      const rects = figure.range.getClientRects();
      for (let r = 0; r < rects.length; r++) {
        const rect = rects[r];
        if (rect.width === 0 && rect.height === 0) continue;
        const box = doc.createElement('div');
        box.className = `zhibiao-box zhibiao-box-${figure.kind}${i === active ? ' zhibiao-box-active' : ''}`;
        box.dataset.figure = String(i);
        box.style.left = `${rect.left}px`;
        box.style.top = `${rect.top}px`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        boxes.push(box);
      }
    });
    layer.replaceChildren(...boxes);
  };
  const viewport = redrawOnViewportChange(win, draw);

  return {
    mode: 'overlay',
    paint(next) {
      figures = next;
      active = null;
      viewport.follow(next.length > 0);
      draw();
    },
    setActive(index) {
      active = index;
      draw();
    },
    setHidden(kinds) {
      hidden = new Set(kinds);
      draw();
    },
    reposition: draw,
    clear() {
      figures = [];
      active = null;
      viewport.stop();
      overlayLayer()?.replaceChildren();
    },
  };
}

/**
 * A painter that starts with `primary` and moves to `fallback()` for good the first time the
 * primary throws. Where the Highlight API exists but refuses our ranges (a content script's
 * objects handed to the page's registry across a world boundary, as Firefox's wrappers may), the
 * figures are still shown, as boxes.
 */
export function painterWithFallback(primary: FigurePainter, fallback: () => FigurePainter): FigurePainter {
  let current = primary;
  let last: PaintedFigure[] = [];
  let active: number | null = null;
  let hidden: ReadonlySet<FigureKind> = new Set();
  const guard = (work: (p: FigurePainter) => void) => {
    try {
      work(current);
    } catch (err) {
      if (current !== primary) throw err;
      try {
        primary.clear();
      } catch {
        // Nothing more to undo.
      }
      current = fallback();
      current.setHidden(hidden);
      current.paint(last);
      current.setActive(active);
    }
  };
  return {
    get mode() {
      return current.mode;
    },
    paint(figures) {
      last = figures;
      active = null;
      guard((p) => p.paint(figures));
    },
    setActive(index) {
      active = index;
      guard((p) => p.setActive(index));
    },
    setHidden(kinds) {
      hidden = new Set(kinds);
      guard((p) => p.setHidden(kinds));
    },
    reposition: () => guard((p) => p.reposition()),
    clear() {
      last = [];
      active = null;
      guard((p) => p.clear());
    },
  };
}
