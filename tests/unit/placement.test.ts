/**
 * Card placement: beside the text when the margin holds the card, else below or above the
 * figure's lines, cut to the room when it must be; never over the figure or its line, always in
 * the window. And the scroll that brings a stepped-to figure and its card into view together.
 */
import { describe, expect, it } from 'vitest';
import { placeCard, scrollToFit, type Box } from '../../lib/highlights/placement';

const card = { width: 320, height: 420 };
const column = { left: 300, right: 930 };

function cardBox(p: ReturnType<typeof placeCard>, c = card): Box {
  return { left: p.left, top: p.top, width: c.width, height: Math.min(c.height, p.maxHeight ?? Infinity) };
}
const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('placeCard', () => {
  it('goes into the right margin when it holds the card, level with the figure', () => {
    const anchor = { left: 500, top: 300, width: 60, height: 22 };
    const p = placeCard({ anchor, column, card, viewport: { width: 1366, height: 650 } });
    expect(p.side).toBe('right');
    expect(p.left).toBeGreaterThanOrEqual(column.right);
    expect(p.top).toBeLessThanOrEqual(anchor.top);
  });

  it('goes below or above the line when neither margin holds it, cut to the room if it must be', () => {
    const viewport = { width: 1000, height: 650 };
    for (let top = 10; top < 620; top += 37) {
      const anchor = { left: 600, top, width: 80, height: 24 };
      const p = placeCard({ anchor, column, card, viewport });
      expect(['below', 'above']).toContain(p.side);
      const box = cardBox(p);
      // The whole line (the column's width at the figure's height) stays clear.
      const line = { left: column.left, top: anchor.top, width: column.right - column.left, height: anchor.height };
      expect(overlaps(box, line), `figure at ${top}: card ${JSON.stringify(p)}`).toBe(false);
      expect(box.top).toBeGreaterThanOrEqual(8);
      expect(box.top + box.height).toBeLessThanOrEqual(viewport.height - 8);
      expect(box.left + box.width).toBeLessThanOrEqual(viewport.width - 8);
    }
  });

  it('takes the left margin when only the left one is wide enough', () => {
    const p = placeCard({
      anchor: { left: 420, top: 200, width: 50, height: 20 },
      column: { left: 400, right: 1300 },
      card,
      viewport: { width: 1366, height: 800 },
    });
    expect(p.side).toBe('left');
    expect(p.left + card.width).toBeLessThanOrEqual(400);
  });
});

describe('scrollToFit', () => {
  it('leaves a figure alone when it and the card below it are in view, and scrolls otherwise', () => {
    expect(scrollToFit({ left: 0, top: 100, width: 50, height: 20 }, 300, 650, false)).toBe(0);
    const delta = scrollToFit({ left: 0, top: 500, width: 50, height: 20 }, 420, 650, false);
    expect(delta).toBeGreaterThan(0);
    // After scrolling, the figure and a card below it fit.
    expect(500 - delta + 20 + 8 + 420).toBeLessThanOrEqual(650 - 8);
    expect(500 - delta).toBeGreaterThanOrEqual(8);
    expect(scrollToFit({ left: 0, top: -300, width: 50, height: 20 }, 420, 650, true)).toBeLessThan(0);
  });
});
