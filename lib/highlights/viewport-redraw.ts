/**
 * Overlay boxes sit at `position: fixed` coordinates taken from `range.getClientRects()`, so they
 * go stale whenever the page scrolls or the window resizes. This redraws them at most once per
 * animation frame after either, listening only while there is something to draw: an ordinary
 * page with no figures or notes pays for no listeners.
 */
import type { PainterWindow } from './painter';

export interface ViewportRedraw {
  /** Redraw on the next frame (several calls in one frame redraw once). */
  schedule(): void;
  /** Start or stop following scroll and resize. */
  follow(on: boolean): void;
  /** Stop following and drop a pending redraw. */
  stop(): void;
}

export function redrawOnViewportChange(win: PainterWindow, draw: () => void): ViewportRedraw {
  let frame: number | null = null;
  let following = false;
  const schedule = () => {
    if (frame !== null) return;
    frame = win.requestAnimationFrame(() => {
      frame = null;
      draw();
    });
  };
  const follow = (on: boolean) => {
    if (on === following) return;
    following = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    // Capture: scrolls of inner scrollers do not bubble to the window.
    win[method]('scroll', schedule, { capture: true, passive: true } as AddEventListenerOptions);
    win[method]('resize', schedule, { passive: true } as AddEventListenerOptions);
  };
  return {
    schedule,
    follow,
    stop() {
      follow(false);
      if (frame !== null) win.cancelAnimationFrame(frame);
      frame = null;
    },
  };
}
