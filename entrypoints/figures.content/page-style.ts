/**
 * The figure highlights' colours, which must sit in the page's document (a `::highlight()` rule
 * in our shadow root cannot reach the page's ranges). Written from the kind table, added the first
 * time figures are painted, and rewritten when the reader hides kinds in the legend.
 */
import type { FigureKind } from '../../lib/model';
import { figureHighlightCss, perKind } from '../../lib/kinds';
import { ACTIVE_HIGHLIGHT, HIGHLIGHT_NAMES, pageSheet } from '../../lib/highlights';

export interface PageStyle {
  /** Adds the sheet if it is not in the page (again, after a page replaced its head). */
  ensure(): void;
  setHidden(kinds: ReadonlySet<FigureKind>): void;
  remove(): void;
}

/** `name` gives each highlight its registered name (this installation's, lib/highlights/install-names.ts). */
export function figurePageStyle(doc: Document, name: (n: string) => string = (n) => n): PageStyle {
  const names = perKind((k) => name(HIGHLIGHT_NAMES[k]));
  const active = name(ACTIVE_HIGHLIGHT);
  const sheet = pageSheet(doc, figureHighlightCss(names, active));
  return {
    ensure: sheet.ensure,
    setHidden(kinds) {
      sheet.set(figureHighlightCss(names, active, kinds));
    },
    remove: sheet.remove,
  };
}
