/**
 * The notes' part of our layer (lib/page/notes-in-page.ts `NotesUi`): the note button, the editor
 * and one toast at a time, drawn (views.tsx, through the loader) into the layer's notes slot.
 * Nothing is drawn, and no layer made, until there is something to show.
 */
import type { Point } from '../../components/NoteEditor';
import type { EditorRequest, NotesMessage, NotesStatus, NotesUi } from '../../lib/page';
import { DEFAULT_KEYS } from '../../lib/page';
import type { PageLayer } from './layer';
import type { ViewsLoader } from './views-loader';

/** How long a toast stays unless told otherwise. */
const TOAST_MS = 10_000;
/** Room the editor needs below its passage before it goes above it instead. */
const EDITOR_WIDTH = 360;
const EDITOR_HEIGHT = 320;

interface Toast {
  id: number;
  message: NotesMessage;
  undo?: () => Promise<void>;
}

export class NotesLayerUi implements NotesUi {
  private button: { at: Point; onClick: () => void } | null = null;
  private editor: { request: EditorRequest; at: Point; id: number } | null = null;
  private toastShown: Toast | null = null;
  private toastTimer: number | null = null;
  private count = 0;
  /** The note key as the browser has it, shown on the button. */
  private noteKey = DEFAULT_KEYS.note.label;

  constructor(
    private readonly layer: PageLayer,
    private readonly win: Window,
    private readonly views: ViewsLoader,
  ) {}

  get created(): boolean {
    return this.layer.created;
  }

  get editorOpen(): boolean {
    return this.editor !== null;
  }

  contains(node: Node | null): boolean {
    return this.layer.contains(node);
  }

  /** Draws what is shown again (the reader chose another language). */
  relabel(): void {
    this.render();
  }

  setNoteKey(label: string): void {
    this.noteKey = label;
    if (this.button) this.render();
  }

  showButton(rect: DOMRect, onClick: () => void): void {
    const { innerWidth, innerHeight } = this.win;
    const top = rect.bottom + 6 + 28 > innerHeight ? Math.max(4, rect.top - 34) : rect.bottom + 6;
    this.button = { at: { left: Math.min(Math.max(4, rect.right - 40), innerWidth - 90), top }, onClick };
    this.render();
  }

  hideButton(): void {
    if (!this.button) return;
    this.button = null;
    this.render();
  }

  openEditor(request: EditorRequest): void {
    const { innerWidth, innerHeight } = this.win;
    const r = request.anchorRect;
    const width = Math.min(EDITOR_WIDTH, innerWidth - 16);
    const left = r ? Math.min(Math.max(8, r.left), innerWidth - width - 8) : (innerWidth - width) / 2;
    let top = r ? r.bottom + 8 : 80;
    if (top + EDITOR_HEIGHT > innerHeight)
      top = r && r.top - EDITOR_HEIGHT - 10 > 8 ? r.top - EDITOR_HEIGHT - 10 : Math.max(8, innerHeight - EDITOR_HEIGHT - 10);
    this.button = null;
    // A new id mounts a new editor (fresh fields) even when one was open.
    this.editor = { request, at: { left, top }, id: ++this.count };
    this.render();
  }

  toast(message: NotesMessage, undo?: () => Promise<void>, ms = TOAST_MS): void {
    if (this.toastTimer !== null) this.win.clearTimeout(this.toastTimer);
    const toast = { id: ++this.count, message, undo };
    this.toastShown = toast;
    this.toastTimer = this.win.setTimeout(() => this.dropToast(toast), ms);
    this.render();
  }

  status(s: NotesStatus): void {
    const slot = this.layer.ensure().notesSlot;
    slot.dataset.notes = String(s.notes);
    slot.dataset.attached = String(s.attached);
    slot.dataset.detached = String(s.detached);
    slot.dataset.mode = s.mode;
    slot.dataset.settled = String(s.settled);
    if (s.shown) slot.dataset.shown = s.shown;
  }

  private closeEditor(id: number): void {
    const editor = this.editor;
    if (!editor || editor.id !== id) return;
    this.editor = null;
    this.render();
    editor.request.onClose();
  }

  private dropToast(toast: Toast): void {
    if (this.toastShown !== toast) return;
    this.toastShown = null;
    this.render();
  }

  private render(): void {
    if (!this.layer.created && !this.button && !this.editor && !this.toastShown) return;
    const { button, editor, toastShown: toast, noteKey } = this;
    const drawing = {
      button: button ? { at: button.at, noteKey, onClick: button.onClick } : null,
      editor: editor ? { id: editor.id, request: editor.request, at: editor.at, onFinish: () => this.closeEditor(editor.id) } : null,
      toast: toast ? { id: toast.id, message: toast.message, undo: toast.undo, onFinish: () => this.dropToast(toast) } : null,
    };
    this.views.draw('notes', (views) => views.drawNotes(this.layer.ensure().notesSlot, drawing));
  }
}
