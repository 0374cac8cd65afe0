/**
 * A window for painter tests: jsdom has neither the CSS Custom Highlight API nor animation frames,
 * so this one records highlights in a Map, frames in a list the test runs by hand, and listeners
 * by event type.
 */
import type { HighlightLike, PainterWindow } from '../../lib/highlights';

export class FakeHighlight implements HighlightLike {
  priority = 0;
  ranges: AbstractRange[];
  constructor(...ranges: AbstractRange[]) {
    this.ranges = ranges;
  }
  add(r: AbstractRange) {
    this.ranges.push(r);
  }
  clear() {
    this.ranges = [];
  }
  get size() {
    return this.ranges.length;
  }
}

export function fakePainterWindow(withApi: boolean) {
  const registry = new Map<string, HighlightLike>();
  const listeners = new Map<string, () => void>();
  const frames: (() => void)[] = [];
  const win: PainterWindow = {
    ...(withApi ? { CSS: { highlights: registry }, Highlight: FakeHighlight } : { CSS: {} }),
    requestAnimationFrame: (cb) => frames.push(cb),
    cancelAnimationFrame: () => {},
    addEventListener: (type, fn) => listeners.set(type, fn),
    removeEventListener: (type) => listeners.delete(type),
  };
  return { win, registry, listeners, frames };
}
