/**
 * Painting the reader's notes in the page without touching it.
 *
 * With the CSS Custom Highlight API: one `Highlight` named `zhibiao-note` for every anchored
 * note, and `zhibiao-note-active` for the one being edited; the colours live in a stylesheet the
 * content script adds (`::highlight(zhibiao-note) {…}`). Names differ from the figure painter's
 * (`zhibiao-actual`…), so notes and figures on the same page never clear each other.
 *
 * Without the API: boxes from `range.getClientRects()` in a layer inside our shadow root
 * (`position: fixed`, `pointer-events: none`), redrawn once per animation frame after scroll
 * (capture, so inner scrollers count) and resize.
 */
import type { HighlightConstructor, HighlightRegistryLike, PainterWindow } from '../highlights/painter';
import { redrawOnViewportChange } from '../highlights/viewport-redraw';
import { NOTE_META } from '../kinds';

export const NOTE_HIGHLIGHT = NOTE_META.highlight;
export const ACTIVE_NOTE_HIGHLIGHT = NOTE_META.activeHighlight;

export interface NotePainter {
  readonly mode: 'highlight-api' | 'overlay';
  paint(ranges: Range[]): void;
  setActive(range: Range | null): void;
  clear(): void;
}

export function createNotePainter(
  win: PainterWindow,
  overlayLayer: () => HTMLElement | null,
  /** The registered names (lib/highlights/install-names.ts) and the stylesheet hook, as for figures. */
  look: { name?: (name: string) => string; beforePaint?: () => void } = {},
): NotePainter {
  const registry: HighlightRegistryLike | undefined = win.CSS?.highlights;
  const Ctor: HighlightConstructor | undefined = win.Highlight;
  const noteName = (look.name ?? ((n) => n))(NOTE_HIGHLIGHT);
  const activeName = (look.name ?? ((n) => n))(ACTIVE_NOTE_HIGHLIGHT);
  if (registry && typeof Ctor === 'function') {
    return {
      mode: 'highlight-api',
      paint(ranges) {
        registry.delete(noteName);
        if (!ranges.length) return;
        look.beforePaint?.();
        const h = new Ctor(...ranges);
        // Below the figure kinds: a figure inside a noted sentence keeps its kind's colour,
        // the rest of the sentence shows the note's.
        h.priority = NOTE_META.priority;
        registry.set(noteName, h);
      },
      setActive(range) {
        registry.delete(activeName);
        if (!range) return;
        look.beforePaint?.();
        const h = new Ctor(range);
        // The note being edited or shown from the notes page: above everything but the active figure.
        h.priority = NOTE_META.activePriority;
        registry.set(activeName, h);
      },
      clear() {
        registry.delete(noteName);
        registry.delete(activeName);
      },
    };
  }

  let ranges: Range[] = [];
  let active: Range | null = null;
  const draw = () => {
    const layer = overlayLayer();
    if (!layer) return;
    layer.replaceChildren();
    const doc = layer.ownerDocument;
    const box = (rect: DOMRect, cls: string) => {
      const el = doc.createElement('div');
      el.className = cls;
      el.style.cssText = `position:fixed;left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;pointer-events:none`;
      layer.appendChild(el);
    };
    for (const r of ranges) for (const rect of Array.from(r.getClientRects())) box(rect, 'note-box');
    if (active) for (const rect of Array.from(active.getClientRects())) box(rect, 'note-box active');
  };
  const viewport = redrawOnViewportChange(win, draw);
  return {
    mode: 'overlay',
    paint(next) {
      ranges = next;
      viewport.follow(ranges.length > 0);
      viewport.schedule();
    },
    setActive(range) {
      active = range;
      viewport.schedule();
    },
    clear() {
      ranges = [];
      active = null;
      viewport.stop();
      overlayLayer()?.replaceChildren();
    },
  };
}
