/**
 * The content script's work in one page (or frame): run the report check, paint the figures,
 * index the report through the background, and show a figure's card on hover, click or keyboard.
 * Everything that can run without the extension lives in lib/page; this file wires it to the
 * page's events, the card and the extension's messaging.
 */
import { perKind } from '../../lib/kinds';
import type { FigureKind } from '../../lib/model';
import { placeCard, scrollToFit, type FigurePainter } from '../../lib/highlights';
import type { BackgroundClient } from '../../lib/messages';
import type { PageStatus } from '../../lib/messages';
import { figureKeyAction, shortcutLabel, type FigureCommand, type Shortcuts } from '../../lib/page';
import { ReportPage } from '../../lib/page';
import { watchTextChanges, type TextWatch } from '../../lib/page';
import type { FigureRef } from '../../lib/page';
import type { LayerParts, PageLayer } from './layer';
import type { ViewsLoader } from './views-loader';
import { continuationStore } from './continuation';

/** Pointer dwell before a hover opens a card, and grace before a hover card closes: long enough
 * that sweeping the pointer across a paragraph does not flash cards, short enough to feel direct. */
const HOVER_OPEN_MS = 250;
const HOVER_CLOSE_MS = 350;

interface CardState {
  /** Position in `page.figures`. */
  position: number;
  pinned: boolean;
  historyState: 'pending' | 'ready' | { error: string };
}

export class InPageFigures {
  readonly page: ReportPage;
  private readonly painter: FigurePainter;
  private readonly layer: PageLayer;
  private readonly views: ViewsLoader;
  /** Opens the note editor on a figure (the notes of this page, same script). */
  private readonly notes: { noteOnRange(range: Range, figure: FigureRef): boolean } | null;
  /** The card slot whose pointer listeners are set. */
  private wiredSlot: HTMLElement | null = null;
  private card: CardState | null = null;
  /** The figure the keyboard steps from (the last one shown). */
  private cursor = -1;
  /** Set when the card just opened from the keyboard or a request: scroll figure and card into view. */
  private scrollPending = false;
  /** Kinds the reader turned off in the legend, and whether the legend is open. */
  private hidden = new Set<FigureKind>();
  private legendOpen = false;
  /** The browser's keys for our commands (shown in the card; the page answers unassigned defaults). */
  private shortcuts: Shortcuts = {};
  private forced = false;
  private watch: TextWatch | null = null;
  private hoverTimer: number | null = null;
  private closeTimer: number | null = null;
  private pointerFrame: number | null = null;
  private lastPointer: { x: number; y: number } | null = null;
  private overCard = false;
  private listening = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly doc: Document,
    private readonly background: BackgroundClient,
    /** The page's one painter (its figures' side), our one layer and what draws in it, and the page's notes. */
    parts: { painter: FigurePainter; layer: PageLayer; views: ViewsLoader; notes?: { noteOnRange(range: Range, figure: FigureRef): boolean } },
  ) {
    this.painter = parts.painter;
    this.layer = parts.layer;
    this.views = parts.views;
    this.notes = parts.notes ?? null;
    this.page = new ReportPage({
      doc,
      painter: this.painter,
      analyseRemote: (req) => this.background.request(req),
      onChange: () => this.changed(),
      continuation: continuationStore,
    });
  }

  /** First check after load, watching from the start for text that arrives or changes (also while
   * the first run reads the page between its tasks). */
  async start(): Promise<void> {
    const root = this.doc.body ?? this.doc.documentElement;
    if (root) {
      this.watch = watchTextChanges(root, () => this.run(this.forced), { ignore: (n) => this.layer.contains(n) });
    }
    await this.run(false);
  }

  /** Analyses now; `force` also paints pages the detector does not take for a report. */
  async run(force: boolean): Promise<PageStatus> {
    if (force) this.forced = true;
    const status = await this.page.run(force);
    if (this.page.figures.length > 0) this.listen();
    this.renderLegend();
    return status;
  }

  stop(): void {
    this.watch?.stop();
    for (const c of this.cleanups.splice(0)) c();
    this.closeCard();
    this.painter.clear();
    this.clearSlot('legend');
  }

  /** Whether this frame has something to show (a detected report, or figures painted on request). */
  get hasFigures(): boolean {
    return this.page.detected || this.page.figures.length > 0;
  }

  /** Scrolls to the figure with this analysis index and opens its card, pinned. */
  showFigure(index: number): boolean {
    const position = this.page.positionOf(index);
    if (position < 0) return false;
    this.open(position, true, true);
    return true;
  }

  // ------------------------------------------------------------------ layer and events

  private ensureLayer(): LayerParts {
    const parts = this.layer.ensure();
    if (parts.cardSlot !== this.wiredSlot) {
      const slot = (this.wiredSlot = parts.cardSlot);
      slot.addEventListener('pointerenter', () => {
        this.overCard = true;
        this.cancelClose();
      });
      slot.addEventListener('pointerleave', () => {
        this.overCard = false;
        if (this.card && !this.card.pinned) this.scheduleClose();
      });
    }
    return parts;
  }

  private on<K extends keyof DocumentEventMap>(
    target: Document | Window,
    type: K,
    fn: (e: DocumentEventMap[K]) => void,
    options: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, fn as EventListener, options);
    this.cleanups.push(() => target.removeEventListener(type, fn as EventListener, options));
  }

  /**
   * Listeners are added only once a page has figures: ordinary pages get none. The card opens only
   * on the reader's own pointer, clicks and keys (`isTrusted`): a page script dispatching events
   * could otherwise open cards and measure them (`window.find`, layout) to learn which other
   * reports the reader has indexed.
   */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const win = this.doc.defaultView!;
    this.on(this.doc, 'pointermove', (e) => e.isTrusted && this.pointerMoved(e), { passive: true });
    this.on(this.doc, 'click', (e) => e.isTrusted && this.clicked(e), { capture: true });
    this.on(win, 'keydown', (e) => e.isTrusted && this.keyPressed(e), { capture: true });
    this.on(win, 'scroll', () => this.placeOpenCard(), { capture: true, passive: true });
    this.on(win, 'resize', () => this.placeOpenCard(), { passive: true });
  }

  private pointerMoved(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    this.lastPointer = { x: e.clientX, y: e.clientY };
    if (this.pointerFrame !== null) return;
    const win = this.doc.defaultView!;
    this.pointerFrame = win.requestAnimationFrame(() => {
      this.pointerFrame = null;
      const p = this.lastPointer;
      if (!p || this.overCard) return;
      const position = this.shownFigureAt(p.x, p.y);
      if (this.card?.pinned) return;
      if (position === null) {
        this.cancelHover();
        if (this.card) this.scheduleClose();
        return;
      }
      this.cancelClose();
      if (this.card?.position === position) return;
      this.cancelHover();
      this.hoverTimer = win.setTimeout(() => {
        this.hoverTimer = null;
        this.open(position, false, false);
      }, HOVER_OPEN_MS);
    });
  }

  private clicked(e: MouseEvent): void {
    if (this.layer.contains(e.target as Node)) return;
    const position = this.shownFigureAt(e.clientX, e.clientY);
    if (position !== null) {
      // The click still reaches the page (a figure inside a link still follows it).
      this.open(position, true, false);
    } else if (this.card) {
      this.closeCard();
    }
  }

  private keyPressed(e: KeyboardEvent): void {
    const action = figureKeyAction(e, this.shortcuts);
    if (!action || this.page.figures.length === 0) return;
    if (action === 'close') {
      if (!this.card) return;
      this.closeCard();
    } else {
      this.command(action);
    }
    e.preventDefault();
    e.stopPropagation();
  }

  /** A figure key, from the browser's command (through the background) or the page's own listener. */
  command(action: FigureCommand): void {
    if (!this.hasFigures || this.page.figures.length === 0) return;
    if (action === 'toggle') {
      if (this.card) this.closeCard();
      else this.open(Math.max(0, this.cursor), true, true);
    } else {
      this.step(action === 'next' ? 1 : -1);
    }
  }

  /** Draws the card and the legend again (the reader chose another language, or the keys they show changed). */
  relabel(): void {
    this.renderCard();
    this.renderLegend();
  }

  setShortcuts(shortcuts: Shortcuts): void {
    this.shortcuts = shortcuts;
    this.relabel();
  }

  private keyLabels() {
    return {
      next: shortcutLabel('next', this.shortcuts),
      previous: shortcutLabel('previous', this.shortcuts),
      toggle: shortcutLabel('toggle', this.shortcuts),
    };
  }

  /** Steps to the next figure of a kind that is shown. */
  private step(delta: 1 | -1): void {
    const n = this.page.figures.length;
    if (n === 0) return;
    let at = this.card?.position ?? this.cursor;
    for (let tries = 0; tries < n; tries++) {
      at = at < 0 ? (delta > 0 ? 0 : n - 1) : (at + delta + n) % n;
      if (!this.hidden.has(this.page.figures[at].figure.kind)) {
        this.open(at, true, true);
        return;
      }
    }
  }

  /** The figure under the pointer, unless its kind is turned off in the legend. */
  private shownFigureAt(x: number, y: number): number | null {
    const position = this.page.figureAt(x, y);
    return position !== null && !this.hidden.has(this.page.figures[position].figure.kind) ? position : null;
  }

  // ------------------------------------------------------------------ status pill and legend

  private renderLegend(): void {
    const report = this.page.analysis?.report;
    if (!this.hasFigures || this.page.figures.length === 0 || !report) {
      this.clearSlot('legend');
      return;
    }
    const counts = perKind(() => 0);
    for (const f of this.page.figures) counts[f.figure.kind]++;
    const legend = {
      region: report.region,
      year: report.planYear,
      title: report.title,
      counts,
      hidden: this.hidden,
      open: this.legendOpen,
      onOpen: (open: boolean) => {
        this.legendOpen = open;
        this.renderLegend();
      },
      onHidden: (hidden: Set<FigureKind>) => this.setHidden(hidden),
      keysHint: `${this.keyLabels().next} / ${this.keyLabels().previous}`,
    };
    this.views.draw('legend', (views) => views.drawLegend(this.ensureLayer().legendSlot, legend));
  }

  /** Empties a slot of the layer, if the layer was made. */
  private clearSlot(slot: 'legend' | 'card'): void {
    this.views.clear(slot, (views) => {
      if (!this.layer.created) return;
      const parts = this.layer.ensure();
      if (slot === 'legend') views.drawLegend(parts.legendSlot, null);
      else views.drawCard(parts.cardSlot, null);
    });
  }

  private setHidden(hidden: Set<FigureKind>): void {
    this.hidden = hidden;
    this.painter.setHidden(hidden);
    const open = this.card && this.page.figures[this.card.position];
    if (open && hidden.has(open.figure.kind)) this.closeCard();
    this.renderLegend();
  }

  private cancelHover(): void {
    if (this.hoverTimer !== null) this.doc.defaultView!.clearTimeout(this.hoverTimer);
    this.hoverTimer = null;
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) this.doc.defaultView!.clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  private scheduleClose(): void {
    if (this.closeTimer !== null) return;
    this.closeTimer = this.doc.defaultView!.setTimeout(() => {
      this.closeTimer = null;
      if (this.card && !this.card.pinned && !this.overCard) this.closeCard();
    }, HOVER_CLOSE_MS);
  }

  // ------------------------------------------------------------------ the card

  private open(position: number, pinned: boolean, scroll: boolean): void {
    const figure = this.page.figures[position];
    if (!figure) return;
    this.cancelHover();
    this.cancelClose();
    this.cursor = position;
    this.scrollPending = scroll;
    const known = figure.history.length > 0;
    this.card = { position, pinned, historyState: this.page.reportId ? (known ? 'ready' : 'pending') : 'ready' };
    if (this.page.indexError) this.card.historyState = { error: this.page.indexError };
    this.painter.setActive(position);
    this.renderCard();
    void this.refreshHistory(position);
  }

  /** Asks the index for the figure's current history: a report of another year may have been
   * indexed since this page was analysed. */
  private async refreshHistory(position: number): Promise<void> {
    const figure = this.page.figures[position];
    const reportId = this.page.reportId;
    if (!figure || !reportId) return;
    try {
      const answer = await this.background.request({ type: 'index/history', reportId, index: figure.index });
      figure.history = answer.history;
      if (this.card?.position === position) this.card.historyState = 'ready';
    } catch (err) {
      if (this.card?.position === position && figure.history.length === 0) {
        this.card.historyState = { error: err instanceof Error ? err.message : String(err) };
      }
    }
    if (this.card?.position === position) this.renderCard();
  }

  private closeCard(): void {
    this.cancelHover();
    this.cancelClose();
    this.card = null;
    this.overCard = false;
    this.painter.setActive(null);
    this.clearSlot('card');
  }

  /** Figures or histories changed (a re-run, the index answered): redraw or drop the card. */
  private changed(): void {
    this.renderLegend();
    if (!this.card) return;
    if (!this.page.figures[this.card.position]) {
      this.closeCard();
      return;
    }
    if (this.card.historyState === 'pending' && this.page.figures[this.card.position].history.length > 0) this.card.historyState = 'ready';
    this.painter.setActive(this.card.position);
    this.renderCard();
  }

  private renderCard(): void {
    const card = this.card;
    if (!card) return;
    const figure = this.page.figures[card.position];
    const reportId = this.page.reportId;
    const notes = this.notes;
    const drawing = {
      figure: { index: figure.index, figure: figure.figure, reportId, history: figure.history, linked: this.page.linkedTo(figure.index) },
      position: card.position + 1,
      total: this.page.figures.length,
      pinned: card.pinned,
      historyState: card.historyState,
      onClose: () => this.closeCard(),
      onStep: (d: 1 | -1) => this.step(d),
      onShowFigure: (index: number) => this.showFigure(index),
      keys: this.keyLabels(),
      onAcrossRegions: reportId
        ? () => void this.background.request({ type: 'open/regions', figureId: `${reportId}:${figure.index}` }).catch(() => {})
        : undefined,
      // "Note on this figure": opens the note editor on the figure's text, tied to the figure so the
      // note lists its value and kind. Absent until the report is indexed (the note would have no
      // figure to point to).
      onNote:
        reportId && notes
          ? () => {
              const range = figure.range.cloneRange();
              this.closeCard();
              notes.noteOnRange(range, { reportId, figureIndex: figure.index });
            }
          : undefined,
    };
    // While the views load, a later drawing or closing replaces this one (ViewsLoader).
    this.views.draw('card', (views) => {
      views.drawCard(this.ensureLayer().cardSlot, drawing);
      this.placeOpenCard();
    });
  }

  /** Puts the card beside its figure, never over the figure or its line (lib/highlights/placement.ts);
   * after a keyboard step, first scrolls so that both are in view. */
  private placeOpenCard(): void {
    const card = this.card;
    const parts = this.layer.created ? this.layer.ensure() : null;
    const el = parts?.cardSlot.firstElementChild as HTMLElement | null | undefined;
    if (!card || !el) return;
    const figure = this.page.figures[card.position];
    if (!figure) return;
    const win = this.doc.defaultView!;
    // The status pill keeps its corner: cards are placed above it.
    const pill = parts?.legendSlot.querySelector<HTMLElement>('.zb-pill');
    const reserve = pill ? pill.offsetHeight + 12 : 0;
    const viewport = { width: win.innerWidth, height: win.innerHeight - reserve };
    el.style.maxHeight = '';
    const size = { width: el.offsetWidth, height: el.offsetHeight };
    const column = textColumn(figure.range);
    if (this.scrollPending) {
      this.scrollPending = false;
      const start = figure.range.startContainer;
      // Inner scrollers first (the figure's element into view), then the window.
      (start.nodeType === 1 ? (start as Element) : start.parentElement)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const anchor = boxOf(figure.range.getBoundingClientRect());
      const beside = placeCard({ anchor, column, card: size, viewport }).side;
      const delta = scrollToFit(anchor, size.height, viewport.height, beside === 'left' || beside === 'right');
      if (delta !== 0) win.scrollBy({ top: delta, behavior: 'instant' as ScrollBehavior });
    }
    const rect = figure.range.getBoundingClientRect();
    const offscreen = rect.bottom < 0 || rect.top > win.innerHeight;
    if (offscreen && !card.pinned) {
      this.closeCard();
      return;
    }
    const at = placeCard({ anchor: boxOf(rect), column: textColumn(figure.range), card: size, viewport });
    el.style.left = `${at.left}px`;
    el.style.top = `${at.top}px`;
    if (at.maxHeight !== undefined) el.style.maxHeight = `${at.maxHeight}px`;
    el.dataset.side = at.side;
  }
}

function boxOf(r: DOMRect): { left: number; top: number; width: number; height: number } {
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

/** The left and right edges of the block the figure's text flows in (its paragraph). */
function textColumn(range: Range): { left: number; right: number } | undefined {
  const node = range.commonAncestorContainer;
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const win = range.startContainer.ownerDocument?.defaultView;
  while (el && win) {
    const display = win.getComputedStyle(el).display;
    if (display !== 'inline' && display !== 'contents') {
      const r = el.getBoundingClientRect();
      if (r.width > 0) return { left: r.left, right: r.right };
    }
    el = el.parentElement;
  }
  return undefined;
}
