/**
 * The figure highlights' colours, which must sit in the page's document (a `::highlight()` rule
 * in our shadow root cannot reach the page's ranges). Written from the kind table, added the first
 * time figures are painted, and rewritten when the reader hides kinds in the legend.
 */
import type { FigureKind } from '../../lib/model';
import { figureHighlightCss } from '../../lib/kinds';
import { ACTIVE_HIGHLIGHT, HIGHLIGHT_NAMES } from '../../lib/highlights';

export interface PageStyle {
  /** Adds the sheet if it is not in the page (again, after a page replaced its head). */
  ensure(): void;
  setHidden(kinds: ReadonlySet<FigureKind>): void;
  remove(): void;
}

/** `name` gives each highlight its registered name (this installation's, lib/highlights/install-names.ts). */
export function figurePageStyle(doc: Document, name: (highlight: string) => string = (n) => n): PageStyle {
  const names = Object.fromEntries(Object.entries(HIGHLIGHT_NAMES).map(([k, n]) => [k, name(n)])) as Record<FigureKind, string>;
  const active = name(ACTIVE_HIGHLIGHT);
  // No attribute or class of ours: the sheet must not tell a page which extension wrote it.
  const style = doc.createElement('style');
  style.textContent = figureHighlightCss(names, active);
  return {
    ensure() {
      if (!style.isConnected) (doc.head ?? doc.documentElement).appendChild(style);
    },
    setHidden(kinds) {
      style.textContent = figureHighlightCss(names, active, kinds);
    },
    remove: () => style.remove(),
  };
}
