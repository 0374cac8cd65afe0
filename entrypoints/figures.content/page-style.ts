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

export function figurePageStyle(doc: Document): PageStyle {
  const style = doc.createElement('style');
  style.setAttribute('data-zhibiao-layer', 'figure-highlights');
  style.textContent = figureHighlightCss(HIGHLIGHT_NAMES, ACTIVE_HIGHLIGHT);
  return {
    ensure() {
      if (!style.isConnected) (doc.head ?? doc.documentElement).appendChild(style);
    },
    setHidden(kinds) {
      style.textContent = figureHighlightCss(HIGHLIGHT_NAMES, ACTIVE_HIGHLIGHT, kinds);
    },
    remove: () => style.remove(),
  };
}
