// @vitest-environment jsdom
/**
 * The page's one painter: with the Highlight API, one registered highlight per kind plus the
 * active one, the notes and the active note, ordered by the one priority table, and nothing left
 * after clear; without it, boxes in our own layer at the ranges' client rects, redrawn after a
 * scroll, and the page's DOM untouched either way; one stylesheet in the page, added on first paint.
 */
import { describe, expect, it } from 'vitest';
import {
  createPagePainter,
  HIGHLIGHT_NAMES,
  ACTIVE_HIGHLIGHT,
  ACTIVE_NOTE_HIGHLIGHT,
  NOTE_HIGHLIGHT,
  PAINT_LAYERS,
  type HighlightLike,
  type PainterOptions,
} from '../../lib/highlights';
import { FIGURE_KINDS, KIND_META } from '../../lib/kinds';
import { FakeHighlight, fakePainterWindow } from './fake-painter-window';

/** The figures' side of a fresh painter. */
const createFigurePainter = (options: PainterOptions) => createPagePainter(options).figures;

const fakeWindow = fakePainterWindow;

/** A range whose client rects we choose (jsdom has no layout). */
function rangeAt(...rects: { left: number; top: number; width: number; height: number }[]): Range {
  const r = document.createRange();
  (r as unknown as { getClientRects: () => DOMRect[] }).getClientRects = () => rects as DOMRect[];
  return r;
}

describe('the figures side', () => {
  it('registers one highlight per kind and an active one above them', () => {
    const { win, registry } = fakeWindow(true);
    const painter = createFigurePainter({ win, overlayLayer: () => null });
    expect(painter.mode).toBe('highlight-api');
    const a = rangeAt();
    const t1 = rangeAt();
    const t2 = rangeAt();
    painter.paint([
      { kind: 'actual', range: a },
      { kind: 'target', range: t1 },
      { kind: 'target', range: t2 },
    ]);
    expect(registry.get(HIGHLIGHT_NAMES.actual)!.size).toBe(1);
    expect(registry.get(HIGHLIGHT_NAMES.target)!.size).toBe(2);
    expect(registry.has(HIGHLIGHT_NAMES.estimate)).toBe(false);
    painter.setActive(2);
    const active = registry.get(ACTIVE_HIGHLIGHT) as FakeHighlight;
    expect(active.ranges).toEqual([t2]);
    expect(active.priority).toBeGreaterThan(registry.get(HIGHLIGHT_NAMES.target)!.priority);
    painter.setActive(null);
    expect(registry.has(ACTIVE_HIGHLIGHT)).toBe(false);
    painter.paint([{ kind: 'estimate', range: a }]);
    expect(registry.has(HIGHLIGHT_NAMES.target)).toBe(false);
    painter.clear();
    expect(registry.size).toBe(0);
  });

  it('hides the kinds the legend turns off, also across a new paint, and shows them again', () => {
    const { win, registry } = fakeWindow(true);
    const painter = createFigurePainter({ win, overlayLayer: () => null });
    const a = rangeAt();
    const t = rangeAt();
    painter.paint([
      { kind: 'actual', range: a },
      { kind: 'target', range: t },
    ]);
    painter.setHidden(new Set(['target']));
    expect(registry.has(HIGHLIGHT_NAMES.target)).toBe(false);
    expect(registry.get(HIGHLIGHT_NAMES.actual)!.size).toBe(1);
    painter.paint([{ kind: 'target', range: t }]);
    expect(registry.has(HIGHLIGHT_NAMES.target)).toBe(false);
    painter.setHidden(new Set());
    expect(registry.get(HIGHLIGHT_NAMES.target)!.size).toBe(1);
  });

  it('leaves hidden kinds out of the fallback boxes', () => {
    const { win } = fakeWindow(false);
    const layer = document.createElement('div');
    const painter = createFigurePainter({ win, overlayLayer: () => layer });
    painter.paint([
      { kind: 'actual', range: rangeAt({ left: 1, top: 1, width: 10, height: 10 }) },
      { kind: 'estimate', range: rangeAt({ left: 1, top: 20, width: 10, height: 10 }) },
    ]);
    expect(layer.children).toHaveLength(2);
    painter.setHidden(new Set(['estimate']));
    expect([...layer.children].map((c) => c.className)).toEqual(['zhibiao-box zhibiao-box-actual']);
  });

  it('draws boxes in its own layer where the API is missing, and redraws after a scroll', () => {
    const { win, listeners, frames } = fakeWindow(false);
    const layer = document.createElement('div');
    document.body.innerHTML = '<p>新增<span>8</span>家</p>';
    const before = document.body.innerHTML;
    const painter = createFigurePainter({ win, overlayLayer: () => layer });
    expect(painter.mode).toBe('overlay');
    let top = 100;
    const range = document.createRange();
    (range as unknown as { getClientRects: () => unknown[] }).getClientRects = () => [
      { left: 10, top, width: 30, height: 16 },
      { left: 0, top: top + 20, width: 12, height: 16 },
    ];
    painter.paint([{ kind: 'target', range }]);
    const boxes = () => [...layer.children] as HTMLElement[];
    expect(boxes()).toHaveLength(2);
    expect(boxes()[0].className).toContain('zhibiao-box-target');
    expect(boxes()[0].style.top).toBe('100px');
    painter.setActive(0);
    expect(boxes()[0].className).toContain('zhibiao-box-active');

    top = 40;
    listeners.get('scroll')!();
    listeners.get('scroll')!(); // one redraw per frame however many scroll events
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(boxes()[0].style.top).toBe('40px');

    painter.clear();
    expect(boxes()).toHaveLength(0);
    expect(listeners.has('scroll')).toBe(false);
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('one painter for figures and notes', () => {
  it('orders every highlight by one table: kinds from the kind table, notes below them, the active note above, the active figure on top', () => {
    for (const k of FIGURE_KINDS) expect(PAINT_LAYERS[k]).toEqual({ highlight: KIND_META[k].highlight, priority: KIND_META[k].priority });
    const kinds = FIGURE_KINDS.map((k) => PAINT_LAYERS[k].priority);
    expect(PAINT_LAYERS.note.priority).toBeLessThan(Math.min(...kinds));
    expect(PAINT_LAYERS['note-active'].priority).toBeGreaterThan(Math.max(...kinds));
    expect(PAINT_LAYERS.active.priority).toBeGreaterThan(PAINT_LAYERS['note-active'].priority);
    expect(new Set(Object.values(PAINT_LAYERS).map((l) => l.highlight)).size).toBe(Object.keys(PAINT_LAYERS).length);
  });

  it('paints notes and figures in one registry, each side clearing only its own', () => {
    const { win, registry } = fakePainterWindow(true);
    const painter = createPagePainter({ win, overlayLayer: () => null });
    const figure = rangeAt();
    const note = rangeAt();
    painter.figures.paint([{ kind: 'target', range: figure }]);
    painter.notes.paint([note, rangeAt()]);
    painter.notes.setActive(note);
    painter.figures.setActive(0);
    expect(registry.get(NOTE_HIGHLIGHT)!.size).toBe(2);
    expect(registry.get(NOTE_HIGHLIGHT)!.priority).toBe(PAINT_LAYERS.note.priority);
    expect((registry.get(ACTIVE_NOTE_HIGHLIGHT) as FakeHighlight).ranges).toEqual([note]);
    expect(registry.get(ACTIVE_NOTE_HIGHLIGHT)!.priority).toBe(PAINT_LAYERS['note-active'].priority);

    painter.figures.clear();
    expect([...registry.keys()].sort()).toEqual([ACTIVE_NOTE_HIGHLIGHT, NOTE_HIGHLIGHT].sort());
    painter.figures.paint([{ kind: 'actual', range: figure }]);
    painter.notes.clear();
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAMES.actual]);
    painter.clear();
    expect(registry.size).toBe(0);
  });

  it('adds its one stylesheet to the page on the first paint, under the given names, and rewrites it for hidden kinds', () => {
    document.head.innerHTML = '';
    const { win, registry } = fakePainterWindow(true);
    const name = (n: string) => n.replace(/^zhibiao-/, 'zbx1y2z3-');
    const painter = createPagePainter({ win, doc: document, overlayLayer: () => null, name });
    painter.figures.paint([]);
    painter.notes.paint([]);
    expect(document.head.querySelectorAll('style')).toHaveLength(0);
    painter.notes.paint([rangeAt()]);
    const sheet = document.head.querySelector('style')!;
    expect([...registry.keys()]).toEqual(['zbx1y2z3-note']);
    expect(sheet.textContent).toContain('::highlight(zbx1y2z3-note)');
    expect(sheet.textContent).toContain('::highlight(zbx1y2z3-target)');
    expect(sheet.textContent).not.toContain('zhibiao-');
    expect(sheet.attributes).toHaveLength(0);
    expect(painter.owns(sheet)).toBe(true);
    painter.figures.setHidden(new Set(['target']));
    expect(sheet.textContent).not.toContain('zbx1y2z3-target)');
    painter.clear();
    expect(document.head.querySelectorAll('style')).toHaveLength(0);
  });

  it('draws note boxes under figure boxes and the active note on top where the API is missing', () => {
    const { win } = fakePainterWindow(false);
    const layer = document.createElement('div');
    const painter = createPagePainter({ win, overlayLayer: () => layer });
    const note = rangeAt({ left: 1, top: 1, width: 50, height: 10 });
    painter.notes.paint([note]);
    painter.figures.paint([{ kind: 'actual', range: rangeAt({ left: 5, top: 1, width: 10, height: 10 }) }]);
    painter.notes.setActive(note);
    expect([...layer.children].map((c) => c.className)).toEqual([
      'zhibiao-box zhibiao-box-note',
      'zhibiao-box zhibiao-box-actual',
      'zhibiao-box zhibiao-box-note zhibiao-box-note-active',
    ]);
    painter.figures.clear();
    expect(layer.children).toHaveLength(2);
    painter.clear();
    expect(layer.children).toHaveLength(0);
  });
});

describe('the fallback to boxes', () => {
  it('moves to boxes for good when the Highlight API refuses the ranges, notes included', () => {
    const { win } = fakeWindow(true);
    (win.CSS!.highlights as Map<string, HighlightLike>).set = () => {
      throw new TypeError('Permission denied to access object');
    };
    const layer = document.createElement('div');
    const page = createPagePainter({ win, overlayLayer: () => layer });
    const painter = page.figures;
    expect(painter.mode).toBe('highlight-api');
    painter.paint([{ kind: 'actual', range: rangeAt({ left: 1, top: 2, width: 3, height: 4 }) }]);
    expect(painter.mode).toBe('overlay');
    expect(page.notes.mode).toBe('overlay');
    expect(layer.children).toHaveLength(1);
    painter.setActive(0);
    expect(layer.children[0].className).toContain('zhibiao-box-active');
    page.notes.paint([rangeAt({ left: 1, top: 20, width: 3, height: 4 })]);
    expect(layer.children).toHaveLength(2);
    page.clear();
    expect(layer.children).toHaveLength(0);
  });
});
