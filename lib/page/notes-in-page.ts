/**
 * The reader's notes in one page (or frame): select text, then the floating button, the context
 * menu ("Zhibiao: highlight with note"), the note key (Alt+N by default) or the figure card's
 * "Note on this figure" opens the editor; saved notes are highlighted and re-attached on every
 * visit, also when the text arrives late (MutationObserver) or changed a little (fuzzy anchoring).
 * A note that cannot be found is reported detached and kept.
 *
 * Cost on ordinary pages: one `notes/forUrl` message. The page's text is read (TextIndex) only
 * when the page has notes or the reader makes one, and nothing of ours is added before then.
 *
 * Everything outside the page is passed in: the background (`client`), the painter, the layer
 * that shows the button, editor and toasts (`ui`, components in the content script), and the
 * clock, so jsdom tests drive it whole (tests/unit/notes-in-page-class.test.ts).
 */
import { TextIndex } from '../anchoring';
import type { BackgroundClient } from '../messages';
import type { PagePainter } from '../highlights';
import type { NoteRow } from '../storage';
import { anchorNotes, describeSelection, noteAtPoint, type AttachedNote } from '../notes';
import { noteIdInAddress } from '../notes';
import { figureId } from '../notes';
import { isDefaultKey, NOTE_COMMAND, pageAnswersDefault, shortcutLabel, type KeyLike, type Shortcuts } from './keys';
import type { Clock, NotesUi } from './notes-ui';

/**
 * How long after load a missing note is still "not yet found" rather than detached: reports that
 * load their text late (paginated readers, single-page apps) usually settle within a second or
 * two; marking a note detached earlier would flash a false alarm in the notes page.
 */
export const SETTLE_MS = 2500;
/**
 * Mutations arrive in bursts while a page renders: the first one schedules a re-anchoring this
 * much later, and those in between join it. A throttle, not a debounce: a page that never stops
 * changing (a ticking clock, a live feed) would starve a debounce.
 */
export const REANCHOR_DELAY_MS = 300;
/** At most one re-anchoring per second: it reads the whole page's text. */
export const REANCHOR_INTERVAL_MS = 1000;
/** How long a note asked for by the address (`#zhibiao-note=`) stays marked. */
const SHOWN_MS = 4000;

/** The figure a note is tied to (the card's "Note on this figure"). */
export interface FigureRef {
  reportId: string;
  figureIndex: number;
}

export interface NotesInPageOptions {
  doc: Document;
  client: Pick<BackgroundClient, 'request'>;
  painter: Pick<PagePainter, 'notes' | 'owns'>;
  ui: NotesUi;
  clock: Clock;
}

/** A trusted event: the reader's own (a page script's dispatched events have `isTrusted` false). */
type Trusted = { isTrusted: boolean };

export class NotesInPage {
  private notes: NoteRow[] = [];
  private attached: AttachedNote[] = [];
  private index: TextIndex | null = null;
  private settled = false;
  private observer: MutationObserver | null = null;
  private timer: unknown = null;
  private lastRun = 0;
  /** The text each attached note's range covered when it was anchored. */
  private shownText = new Map<string, string>();
  /** A note the address asks to show (`#zhibiao-note=<id>`, from the notes page), until shown. */
  private requested: string | null = null;
  private shown: string | null = null;
  private detachedCount = 0;
  private warnedDetached = false;
  private shortcuts: Shortcuts = {};
  private stopped = false;
  private readonly timers: unknown[] = [];

  constructor(private readonly options: NotesInPageOptions) {}

  private get doc(): Document {
    return this.options.doc;
  }
  private get ui(): NotesUi {
    return this.options.ui;
  }
  private get paint() {
    return this.options.painter.notes;
  }

  /** Asks for the page's notes and anchors them; the page counts as settled SETTLE_MS later. */
  async load(): Promise<void> {
    this.requested = noteIdInAddress(this.doc.location.hash);
    try {
      this.notes = await this.options.client.request({ type: 'notes/forUrl', url: this.doc.location.href });
    } catch {
      this.notes = [];
    }
    if (this.stopped) return;
    if (this.notes.length) {
      this.reanchor();
      this.watch();
    }
    this.later(() => {
      this.settled = true;
      if (this.notes.length) this.reanchor();
      else this.status();
    }, SETTLE_MS);
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    for (const t of this.timers.splice(0)) this.options.clock.clearTimeout(t);
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    this.paint.clear();
  }

  /** The browser's keys for our commands (the note key is shown on the button). */
  setShortcuts(shortcuts: Shortcuts): void {
    this.shortcuts = shortcuts;
    this.ui.setNoteKey(shortcutLabel('note', shortcuts));
  }

  // ------------------------------------------------------------ the reader's events
  // Only the reader's own mouse and keys (`isTrusted`): a page script dispatching a mouseup on a
  // noted passage must not open that note's editor and read it.

  /** A mouseup anywhere: offer the button for a selection, or open the note clicked on. */
  pointerUp(e: Trusted & Pick<MouseEvent, 'target' | 'clientX' | 'clientY'>): void {
    if (!e.isTrusted || this.ui.contains(e.target as Node)) return;
    // After the browser has updated the selection for this click.
    this.later(() => {
      const range = this.selectionRange();
      if (range && !this.ui.editorOpen) {
        const rects = range.getClientRects();
        const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
        this.ui.showButton(last, () => this.openForSelection());
        return;
      }
      this.ui.hideButton();
      if (!range && this.attached.length && this.index && !this.ui.editorOpen) {
        const hit = noteAtPoint(this.attached, this.doc, e.clientX, e.clientY, this.index);
        if (hit) this.openForNote(hit);
      }
    }, 0);
  }

  /** The note key, where the browser left its command unassigned (Chrome does if the key is taken). */
  keyDown(e: Trusted & KeyLike & { preventDefault(): void }): void {
    if (!e.isTrusted) return;
    if (isDefaultKey(e, 'note') && pageAnswersDefault(NOTE_COMMAND, this.shortcuts)) {
      e.preventDefault();
      if (!this.ui.editorOpen) this.openForSelection();
    }
  }

  selectionChanged(): void {
    if (!this.selectionRange()) this.ui.hideButton();
  }

  /** The address changed: it may ask for another note. */
  hashChanged(): void {
    this.requested = noteIdInAddress(this.doc.location.hash);
    this.showRequested();
  }

  /** The context menu or the browser's command (through the background): a note on the selection. */
  annotate(): void {
    if (!this.ui.editorOpen) this.openForSelection();
  }

  /** The figure card's "Note on this figure": the editor on `range`, tied to the figure. False when it cannot open. */
  noteOnRange(range: Range, figure?: FigureRef): boolean {
    return !this.ui.editorOpen && this.openForRange(range, figure);
  }

  // ------------------------------------------------------------ anchoring

  private status(): void {
    // Pages without notes get no element of ours just to carry a status.
    if (!this.ui.created && this.notes.length === 0) return;
    this.ui.status({
      notes: this.notes.length,
      attached: this.attached.length,
      detached: this.detachedCount,
      mode: this.paint.mode,
      settled: this.settled,
      shown: this.shown,
    });
  }

  private root(): HTMLElement {
    return this.doc.body ?? this.doc.documentElement;
  }

  /** True when every note is attached and its range still covers the same text. */
  private stillInPlace(): boolean {
    return (
      this.attached.length === this.notes.length &&
      this.attached.every((a) => !a.range.collapsed && a.range.startContainer.isConnected && a.range.toString() === this.shownText.get(a.note.id))
    );
  }

  private reanchor(): void {
    if (this.stopped) return;
    this.lastRun = this.options.clock.now();
    this.index = TextIndex.fromElement(this.root());
    const result = anchorNotes(this.notes, this.index);
    this.attached = result.attached;
    this.detachedCount = result.detached.length;
    this.shownText = new Map(this.attached.map((a) => [a.note.id, a.range.toString()]));
    this.paint.paint(this.attached.map((a) => a.range));
    this.showRequested();
    this.status();
    this.warnDetached(result.detached.length);
    // Tell the store what changed: found again, or (after the page settled) gone.
    const nowAttached = this.attached.filter((a) => a.note.detached).map((a) => a.note.id);
    const nowDetached = this.settled ? result.detached.filter((n) => !n.detached).map((n) => n.id) : [];
    if (nowAttached.length || nowDetached.length) {
      for (const a of this.attached) a.note.detached = false;
      if (this.settled) for (const n of result.detached) n.detached = true;
      this.options.client.request({ type: 'notes/anchored', attached: nowAttached, detached: nowDetached }).catch(() => {});
    }
  }

  private scheduleReanchor(): void {
    if (this.timer !== null) return;
    const wait = Math.max(REANCHOR_DELAY_MS, this.lastRun + REANCHOR_INTERVAL_MS - this.options.clock.now());
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      // Changes elsewhere on the page leave the notes where they were: nothing to redo.
      if (!this.stillInPlace()) this.reanchor();
    }, wait);
  }

  private watch(): void {
    if (this.observer || !this.notes.length || this.stopped) return;
    const win = this.doc.defaultView;
    if (!win) return;
    this.observer = new win.MutationObserver((records) => {
      // Our own layer and highlight stylesheet change too; those are not page text.
      const ours = (n: Node) => this.options.painter.owns(n) || this.ui.contains(n);
      const onlyOurs = (r: MutationRecord) =>
        ours(r.target) || (r.type === 'childList' && r.addedNodes.length + r.removedNodes.length > 0 && [...r.addedNodes, ...r.removedNodes].every(ours));
      if (records.every(onlyOurs)) return;
      this.scheduleReanchor();
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  private showRequested(): void {
    const requested = this.requested;
    if (!requested) return;
    const hit = this.attached.find((a) => a.note.id === requested);
    if (hit) {
      this.requested = null;
      hit.range.startContainer.parentElement?.scrollIntoView?.({ block: 'center' });
      this.paint.setActive(hit.range);
      this.shown = hit.note.id;
      this.status();
      this.later(() => {
        if (!this.ui.editorOpen) this.paint.setActive(null);
      }, SHOWN_MS);
    } else if (this.settled && this.notes.some((n) => n.id === requested)) {
      this.requested = null;
      // This says more than the count of detached notes would: that one is not shown after it.
      this.warnedDetached = true;
      this.ui.toast({ type: 'requested-gone' }, undefined, 8000);
    }
  }

  /** Tells the reader, once per visit, that notes of this page could not be found. */
  private warnDetached(count: number): void {
    if (this.warnedDetached || !this.settled || count === 0 || this.requested) return;
    this.warnedDetached = true;
    this.ui.toast({ type: 'detached', count }, undefined, 6000);
  }

  private later(cb: () => void, ms: number): void {
    const id = this.options.clock.setTimeout(() => {
      const at = this.timers.indexOf(id);
      if (at >= 0) this.timers.splice(at, 1);
      if (!this.stopped) cb();
    }, ms);
    this.timers.push(id);
  }

  // ------------------------------------------------------------ making and editing notes

  private selectionRange(): Range | null {
    const sel = this.doc.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (this.ui.contains(range.commonAncestorContainer)) return null;
    if (!range.toString().trim()) return null;
    return range;
  }

  private openForSelection(): void {
    const range = this.selectionRange();
    if (!range) {
      this.ui.toast({ type: 'select-first' }, undefined, 4000);
      return;
    }
    if (!this.openForRange(range)) this.ui.toast({ type: 'no-page-text' }, undefined, 4000);
  }

  /** Opens the editor for a new note on `range`; false when it holds no page text. */
  private openForRange(range: Range, figure?: FigureRef): boolean {
    // Selectors are taken now, from the text as the reader sees it, not when Save is pressed.
    const described = describeSelection(range, TextIndex.fromElement(this.root()));
    if (!described) return false;
    this.paint.setActive(range.cloneRange());
    this.ui.openEditor({
      quote: described.quote,
      editing: false,
      body: '',
      tags: [],
      anchorRect: range.getBoundingClientRect(),
      onSave: async ({ body, tags }) => {
        const saved = await this.options.client.request({
          type: 'notes/create',
          note: {
            url: this.doc.location.href,
            pageTitle: this.doc.title,
            selectors: described.selectors,
            quote: described.quote,
            body,
            tags,
            ...(figure ? { reportId: figure.reportId, figureId: figureId(figure.reportId, figure.figureIndex) } : {}),
          },
        });
        this.notes.push(saved);
        this.doc.getSelection()?.removeAllRanges();
        this.reanchor();
        this.watch();
        this.ui.toast({ type: 'saved' }, undefined, 3000);
      },
      onClose: () => this.paint.setActive(null),
    });
    return true;
  }

  private openForNote(a: AttachedNote): void {
    this.paint.setActive(a.range);
    const before = { body: a.note.body, tags: a.note.tags };
    const id = a.note.id;
    this.ui.openEditor({
      quote: a.note.quote,
      editing: true,
      body: a.note.body,
      tags: a.note.tags,
      anchorRect: a.range.getBoundingClientRect(),
      onSave: async ({ body, tags }) => {
        this.replace(await this.options.client.request({ type: 'notes/update', id, patch: { body, tags } }));
        this.ui.toast({ type: 'updated' }, async () => this.replace(await this.options.client.request({ type: 'notes/update', id, patch: before })));
      },
      onDelete: async () => {
        const deleted = await this.options.client.request({ type: 'notes/delete', id });
        this.notes = this.notes.filter((n) => n.id !== deleted.id);
        this.reanchor();
        this.ui.toast({ type: 'deleted' }, async () => {
          this.notes.push(await this.options.client.request({ type: 'notes/undoDelete', token: deleted.undoToken }));
          this.reanchor();
        });
      },
      onClose: () => this.paint.setActive(null),
    });
  }

  private replace(row: NoteRow): void {
    this.notes = this.notes.map((n) => (n.id === row.id ? row : n));
    for (const a of this.attached) if (a.note.id === row.id) a.note = row;
  }
}
