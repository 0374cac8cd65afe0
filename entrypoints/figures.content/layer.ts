/**
 * Zhibiao's one addition to a page: a host element holding a closed shadow root, created only once
 * a page is found to carry a report (or the reader asks for an analysis). Inside it: the card and,
 * where the Highlight API is missing, the fallback highlight boxes.
 *
 * Closed, so the page's scripts cannot read the card (it shows figures of other reports the
 * reader has indexed); hung on <html> after <body>, so the page's body selectors and layout never
 * see it; marked with LAYER_ATTRIBUTE so no TextIndex reads it as page text.
 */
import { LAYER_ATTRIBUTE } from '../../lib/anchoring/text-index';
import cardCss from '../../components/FigureCard.css?inline';
import { figureBoxCss, kindClassCss, kindColourCss } from '../../lib/kinds';

/** The card's sheet, then the kind table's colours for it and the fallback boxes. */
const LAYER_CSS = cardCss + kindColourCss('.zb-layer') + kindClassCss('zb-kind-') + figureBoxCss();

export interface FigureLayer {
  host: HTMLElement;
  /** Fallback highlight boxes. */
  overlay: HTMLElement;
  /** Where the card renders. */
  cardSlot: HTMLElement;
  /** Where the status pill and its legend render. */
  legendSlot: HTMLElement;
  contains(node: Node | null): boolean;
  remove(): void;
}

export function createFigureLayer(doc: Document): FigureLayer {
  const host = doc.createElement('zhibiao-figures');
  host.setAttribute(LAYER_ATTRIBUTE, '');
  // Inline and !important: page rules that hit every element (`* {…}`) must not move or show it.
  host.style.cssText =
    'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = LAYER_CSS;
  const wrapper = doc.createElement('div');
  wrapper.className = 'zb-layer';
  const overlay = doc.createElement('div');
  overlay.className = 'zb-overlay';
  const cardSlot = doc.createElement('div');
  cardSlot.className = 'zb-card-slot';
  const legendSlot = doc.createElement('div');
  legendSlot.className = 'zb-legend-slot';
  wrapper.append(overlay, legendSlot, cardSlot);
  root.append(style, wrapper);
  (doc.documentElement ?? doc.body).appendChild(host);
  return {
    host,
    overlay,
    cardSlot,
    legendSlot,
    contains: (node) => !!node && (node === host || host.contains(node) || root.contains(node)),
    remove: () => host.remove(),
  };
}
