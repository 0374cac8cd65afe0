/**
 * Zhibiao's one addition to a page: a host element holding a closed shadow root, created only when
 * something must be shown (a report's figures and pill, a note button, editor or toast, notes to
 * re-attach). Ordinary pages get no element of ours. Inside it: the fallback highlight boxes, the
 * status pill and legend, the figure card, and the notes' button, editor and toasts.
 *
 * Closed, so the page's scripts cannot read the card (it shows figures of other reports the
 * reader has indexed) or the reader's note text, nor press its buttons; hung on <html> after
 * <body>, so the page's body selectors and layout never see it; marked with LAYER_ATTRIBUTE so no
 * TextIndex reads it as page text. A page that removes it gets it back, as it was, on next use.
 */
import { LAYER_ATTRIBUTE } from '../../lib/anchoring';
import cardCss from '../../components/FigureCard.css?inline';
import notesCss from '../../components/NoteEditor.css?inline';
import { NOTE_META, figureBoxCss, kindClassCss, kindColourCss } from '../../lib/kinds';

export const HOST_NAME = 'zhibiao-layer';

/** The notes' colours (the quote's edge and fill, the button's border, the fallback boxes), from the kind table. */
function noteColourCss(): string {
  return (
    `.zb-notes .note-button { border-color: ${NOTE_META.text.light}; }\n` +
    `.zb-notes .quote { border-left-color: ${NOTE_META.text.light}; background: ${NOTE_META.mark}; }\n` +
    `@media (prefers-color-scheme: dark) { .zb-notes .quote { border-left-color: ${NOTE_META.text.dark}; } }\n` +
    `.zhibiao-box-note { background: ${NOTE_META.mark}; mix-blend-mode: normal; }\n` +
    `.zhibiao-box-note-active { background: ${NOTE_META.activeMark}; }\n`
  );
}

/** The card's sheet, the kind table's colours for it and the fallback boxes, then the notes' sheet.
 * Built when the layer is first made, not when the script loads: most pages never show one. */
const layerCss = (): string => cardCss + kindColourCss('.zb-layer') + kindClassCss('zb-kind-') + figureBoxCss() + notesCss + noteColourCss();

export interface LayerParts {
  host: HTMLElement;
  /** Fallback highlight boxes. */
  overlay: HTMLElement;
  /** Where the status pill and its legend render. */
  legendSlot: HTMLElement;
  /** Where the card renders. */
  cardSlot: HTMLElement;
  /** Where the note button, editor and toasts render; carries the notes' status (data-*). */
  notesSlot: HTMLElement;
}

export class PageLayer {
  private parts: (LayerParts & { root: ShadowRoot }) | null = null;

  constructor(private readonly doc: Document) {}

  /** Whether the layer was made (it may since have been taken out by the page: `ensure` puts it back). */
  get created(): boolean {
    return this.parts !== null;
  }

  /** The layer's parts, making the layer or hanging it back into the page as needed. */
  ensure(): LayerParts {
    if (this.parts) {
      if (!this.parts.host.isConnected) (this.doc.documentElement ?? this.doc.body).appendChild(this.parts.host);
      return this.parts;
    }
    const doc = this.doc;
    const host = doc.createElement(HOST_NAME);
    host.setAttribute(LAYER_ATTRIBUTE, '');
    // Inline and !important: page rules that hit every element (`* {…}`) must not move or show it.
    host.style.cssText =
      'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important;';
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = layerCss();
    const div = (className: string) => {
      const el = doc.createElement('div');
      el.className = className;
      return el;
    };
    const wrapper = div('zb-layer');
    const overlay = div('zb-overlay');
    overlay.setAttribute('aria-hidden', 'true');
    const legendSlot = div('zb-legend-slot');
    const cardSlot = div('zb-card-slot');
    wrapper.append(overlay, legendSlot, cardSlot);
    // Beside the card's wrapper, not in it: the notes keep their own type (the host's initial values).
    const notesSlot = div('zb-notes');
    root.append(style, wrapper, notesSlot);
    (doc.documentElement ?? doc.body).appendChild(host);
    this.parts = { host, root, overlay, legendSlot, cardSlot, notesSlot };
    return this.parts;
  }

  contains(node: Node | null): boolean {
    if (!node || !this.parts) return false;
    const { host, root } = this.parts;
    return node === host || host.contains(node) || root.contains(node);
  }

  remove(): void {
    this.parts?.host.remove();
    this.parts = null;
  }
}
