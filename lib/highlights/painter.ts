/**
 * Painting figures and notes in the page without touching it: one painter for both.
 *
 * With the CSS Custom Highlight API (Chromium 105+, Safari 17.2+, Firefox 140+): one `Highlight`
 * per entry of PAINT_LAYERS (each figure kind, the notes, the note being edited, the figure whose
 * card is open), registered under this installation's names; their colours live in one stylesheet
 * in the page's document (`::highlight(…) {…}`, lib/highlights/page-sheet.ts), added the first time
 * something is painted. The page's DOM, text and scripts stay exactly as they were.
 *
 * Without it, or when the API refuses our ranges: boxes from `range.getClientRects()`, drawn in a
 * layer of our own (inside our shadow root, `position: fixed`, `pointer-events: none`), redrawn
 * on scroll (any scroller: capture) and resize, at most once per animation frame.
 *
 * Plain DOM: the window (and its `CSS.highlights` / `Highlight`) is passed in, so tests can hand
 * in a fake registry (jsdom has none).
 */
import { redrawOnViewportChange } from './viewport-redraw';
import { pageSheet, type PageSheet } from './page-sheet';
import type { FigureKind } from '../model';
import { ACTIVE_META, FIGURE_KINDS, KIND_META, NOTE_META, figureHighlightCss, noteHighlightCss, perKind } from '../kinds';

/** What we paint: each figure kind, the reader's notes, the note being edited or shown, the figure whose card is open. */
export type PaintLayer = FigureKind | 'note' | 'note-active' | 'active';

/**
 * The one table of which highlight shows above which (higher wins where ranges overlap): the kinds
 * from the kind table, notes below every kind (a figure inside a noted sentence keeps its kind's
 * colour), the note being edited above the kinds, the open card's figure above everything.
 */
export const PAINT_LAYERS: Readonly<Record<PaintLayer, { highlight: string; priority: number }>> = {
  ...perKind((k) => ({ highlight: KIND_META[k].highlight, priority: KIND_META[k].priority })),
  note: { highlight: NOTE_META.highlight, priority: NOTE_META.priority },
  'note-active': { highlight: NOTE_META.activeHighlight, priority: NOTE_META.activePriority },
  active: { highlight: ACTIVE_META.highlight, priority: ACTIVE_META.priority },
};

export const HIGHLIGHT_NAMES: Readonly<Record<FigureKind, string>> = perKind((k) => PAINT_LAYERS[k].highlight);
export const ACTIVE_HIGHLIGHT = PAINT_LAYERS.active.highlight;
export const NOTE_HIGHLIGHT = PAINT_LAYERS.note.highlight;
export const ACTIVE_NOTE_HIGHLIGHT = PAINT_LAYERS['note-active'].highlight;

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
  /** The page's document, for the highlight colours (none: no stylesheet, as in tests of the registry alone). */
  doc?: Document;
  /** Where fallback boxes go (a container inside our shadow root); asked for lazily, only to draw. */
  overlayLayer: () => HTMLElement | null;
  /** Draw boxes even where the Highlight API exists (tests, comparisons). */
  forceOverlay?: boolean;
  /** The registered name of each highlight (install-names.ts); the table's names when absent. */
  name?: (name: string) => string;
}

export type PaintMode = 'highlight-api' | 'overlay';

/** The figures' side of the painter (what lib/page/report-page.ts and the card use). */
export interface FigurePainter {
  readonly mode: PaintMode;
  /** Replaces whatever figures were painted with these (and clears the active one). */
  paint(figures: PaintedFigure[]): void;
  /** Marks one figure (by its position in the last `paint`) as the active one; null clears. */
  setActive(index: number | null): void;
  /** Stops showing figures of these kinds (the legend's toggles) until shown again; kept across `paint`. */
  setHidden(kinds: ReadonlySet<FigureKind>): void;
  /** Redraws fallback boxes after layout changed (no-op with the Highlight API). */
  reposition(): void;
  /** Removes the figures' highlights (notes stay). */
  clear(): void;
}

/** The notes' side of the painter. */
export interface NotePainter {
  readonly mode: PaintMode;
  /** Replaces the painted notes with these ranges. */
  paint(ranges: Range[]): void;
  /** The note being edited or shown; null clears. */
  setActive(range: Range | null): void;
  /** Removes the notes' highlights (figures stay). */
  clear(): void;
}

export interface PagePainter {
  readonly mode: PaintMode;
  readonly figures: FigurePainter;
  readonly notes: NotePainter;
  /** Whether a node is ours in the page's document (the stylesheet), for watchers of page changes. */
  owns(node: Node): boolean;
  /** Removes every highlight, box and the stylesheet, and stops listening. */
  clear(): void;
}

export function hasHighlightApi(win: PainterWindow): boolean {
  return typeof win.Highlight === 'function' && !!win.CSS?.highlights;
}

/** Everything shown, whichever way it is drawn. */
interface PaintState {
  figures: PaintedFigure[];
  activeFigure: number | null;
  hidden: ReadonlySet<FigureKind>;
  notes: Range[];
  activeNote: Range | null;
}

type Part = 'figures' | 'active' | 'notes' | 'note-active';

/** One way of drawing the state: `show` redraws a part of it, `clear` removes all of it. */
interface Backend {
  readonly mode: PaintMode;
  show(state: PaintState, part: Part): void;
  clear(): void;
}

function highlightBackend(win: PainterWindow, name: (n: string) => string, beforePaint: () => void): Backend {
  const registry = win.CSS!.highlights!;
  const Ctor = win.Highlight!;
  const registered = perLayer(name);
  const put = (layer: PaintLayer, ranges: Range[]) => {
    registry.delete(registered[layer]);
    if (ranges.length === 0) return;
    beforePaint();
    const h = new Ctor(...ranges);
    h.priority = PAINT_LAYERS[layer].priority;
    registry.set(registered[layer], h);
  };
  return {
    mode: 'highlight-api',
    show(state, part) {
      if (part === 'figures') {
        for (const kind of FIGURE_KINDS) put(kind, state.hidden.has(kind) ? [] : state.figures.filter((f) => f.kind === kind).map((f) => f.range));
      } else if (part === 'active') {
        const figure = state.activeFigure === null ? undefined : state.figures[state.activeFigure];
        put('active', figure ? [figure.range] : []);
      } else if (part === 'notes') put('note', state.notes);
      else put('note-active', state.activeNote ? [state.activeNote] : []);
    },
    clear() {
      for (const n of Object.values(registered)) registry.delete(n);
    },
  };
}

function overlayBackend(win: PainterWindow, overlayLayer: () => HTMLElement | null): Backend {
  let last: PaintState | null = null;
  const draw = () => {
    const state = last;
    const layer = overlayLayer();
    if (!state || !layer) return;
    const doc = layer.ownerDocument;
    const boxes: HTMLElement[] = [];
    const add = (range: Range, className: string, figure?: number) => {
      const rects = range.getClientRects();
      for (let r = 0; r < rects.length; r++) {
        const rect = rects[r];
        if (rect.width === 0 && rect.height === 0) continue;
        const box = doc.createElement('div');
        box.className = className;
        if (figure !== undefined) box.dataset.figure = String(figure);
        box.style.left = `${rect.left}px`;
        box.style.top = `${rect.top}px`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        boxes.push(box);
      }
    };
    // Drawn lowest first, so later boxes lie over earlier ones as the priorities say.
    for (const range of state.notes) add(range, 'zhibiao-box zhibiao-box-note');
    state.figures.forEach((figure, i) => {
      if (!state.hidden.has(figure.kind))
        add(figure.range, `zhibiao-box zhibiao-box-${figure.kind}${i === state.activeFigure ? ' zhibiao-box-active' : ''}`, i);
    });
    if (state.activeNote) add(state.activeNote, 'zhibiao-box zhibiao-box-note zhibiao-box-note-active');
    layer.replaceChildren(...boxes);
  };
  const viewport = redrawOnViewportChange(win, draw);
  return {
    mode: 'overlay',
    show(state) {
      last = state;
      viewport.follow(state.figures.length + state.notes.length > 0);
      draw();
    },
    clear() {
      last = null;
      viewport.stop();
      overlayLayer()?.replaceChildren();
    },
  };
}

function perLayer(name: (n: string) => string): Record<PaintLayer, string> {
  return Object.fromEntries(Object.entries(PAINT_LAYERS).map(([layer, { highlight }]) => [layer, name(highlight)])) as Record<PaintLayer, string>;
}

/** The page's highlight rules under this installation's names; hidden kinds get no rule. */
function pageCss(name: (n: string) => string, hidden: ReadonlySet<FigureKind>): string {
  const names = perLayer(name);
  return (
    figureHighlightCss(
      perKind((k) => names[k]),
      names.active,
      hidden,
    ) + noteHighlightCss(name)
  );
}

/**
 * The one painter of a page (or frame). Starts with the Highlight API where there is one and moves
 * to boxes for good the first time the API throws: where it exists but refuses our ranges (a
 * content script's objects handed to the page's registry across a world boundary, as Firefox's
 * wrappers may), figures and notes are still shown.
 */
export function createPagePainter(options: PainterOptions): PagePainter {
  const name = options.name ?? ((n: string) => n);
  const state: PaintState = { figures: [], activeFigure: null, hidden: new Set(), notes: [], activeNote: null };
  const sheet: PageSheet | null = options.doc ? pageSheet(options.doc, pageCss(name, state.hidden)) : null;
  const overlay = () => overlayBackend(options.win, options.overlayLayer);
  let backend: Backend = !options.forceOverlay && hasHighlightApi(options.win) ? highlightBackend(options.win, name, () => sheet?.ensure()) : overlay();

  const show = (...parts: Part[]) => {
    try {
      for (const part of parts) backend.show(state, part);
    } catch (err) {
      if (backend.mode === 'overlay') throw err;
      try {
        backend.clear();
      } catch {
        // Nothing more to undo.
      }
      backend = overlay();
      backend.show(state, 'figures');
    }
  };

  const figures: FigurePainter = {
    get mode() {
      return backend.mode;
    },
    paint(next) {
      state.figures = next;
      state.activeFigure = null;
      show('figures', 'active');
    },
    setActive(index) {
      state.activeFigure = index;
      show('active');
    },
    setHidden(kinds) {
      state.hidden = new Set(kinds);
      sheet?.set(pageCss(name, state.hidden));
      show('figures', 'active');
    },
    reposition() {
      if (backend.mode === 'overlay') show('figures');
    },
    clear() {
      figures.paint([]);
    },
  };
  const notes: NotePainter = {
    get mode() {
      return backend.mode;
    },
    paint(ranges) {
      state.notes = ranges;
      show('notes');
    },
    setActive(range) {
      state.activeNote = range;
      show('note-active');
    },
    clear() {
      state.notes = [];
      state.activeNote = null;
      show('notes', 'note-active');
    },
  };
  return {
    get mode() {
      return backend.mode;
    },
    figures,
    notes,
    owns: (node) => !!sheet?.owns(node),
    clear() {
      state.figures = [];
      state.activeFigure = null;
      state.notes = [];
      state.activeNote = null;
      backend.clear();
      sheet?.remove();
    },
  };
}
