// @vitest-environment jsdom
/**
 * The figure painter: with the Highlight API, one registered highlight per kind plus the active
 * one, and nothing left after clear; without it, boxes in our own layer at the figures' client
 * rects, redrawn after a scroll, and the page's DOM untouched either way.
 */
import { describe, expect, it } from 'vitest';
import { createFigurePainter, HIGHLIGHT_NAMES, ACTIVE_HIGHLIGHT, type HighlightLike } from '../../lib/highlights';
import { FakeHighlight, fakePainterWindow } from './fake-painter-window';

const fakeWindow = fakePainterWindow;

/** A range whose client rects we choose (jsdom has no layout). */
function rangeAt(...rects: { left: number; top: number; width: number; height: number }[]): Range {
  const r = document.createRange();
  (r as unknown as { getClientRects: () => DOMRect[] }).getClientRects = () => rects as DOMRect[];
  return r;
}

describe('createFigurePainter', () => {
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

describe('painterWithFallback', () => {
  it('moves to boxes for good when the Highlight API refuses the ranges', async () => {
    const { painterWithFallback } = await import('../../lib/highlights');
    const { win } = fakeWindow(true);
    (win.CSS!.highlights as Map<string, HighlightLike>).set = () => {
      throw new TypeError('Permission denied to access object');
    };
    const layer = document.createElement('div');
    const painter = painterWithFallback(createFigurePainter({ win, overlayLayer: () => layer }), () =>
      createFigurePainter({ win, overlayLayer: () => layer, forceOverlay: true }),
    );
    expect(painter.mode).toBe('highlight-api');
    painter.paint([{ kind: 'actual', range: rangeAt({ left: 1, top: 2, width: 3, height: 4 }) }]);
    expect(painter.mode).toBe('overlay');
    expect(layer.children).toHaveLength(1);
    painter.setActive(0);
    expect(layer.children[0].className).toContain('zhibiao-box-active');
    painter.clear();
    expect(layer.children).toHaveLength(0);
  });
});
