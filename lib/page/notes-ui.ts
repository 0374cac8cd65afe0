/**
 * What NotesInPage (notes-in-page.ts) asks of the page's interface and of time: the layer that
 * shows the note button, the editor and toasts (Preact components in the content script), and a
 * clock. Plain types, so the class runs in jsdom tests with a recording layer and a hand-turned clock.
 */
/** What the layer tells the reader; it words each in the reader's language. */
export type NotesMessage =
  | { type: 'saved' }
  | { type: 'updated' }
  | { type: 'deleted' }
  | { type: 'select-first' }
  | { type: 'no-page-text' }
  | { type: 'requested-gone' }
  | { type: 'detached'; count: number };

interface EditorValues {
  body: string;
  tags: string[];
}

export interface EditorRequest {
  quote: string;
  /** An existing note (shows Delete). */
  editing: boolean;
  body: string;
  tags: string[];
  anchorRect: DOMRect | null;
  /** Rejects with the reason when saving failed: the editor stays open with what was typed. */
  onSave(values: EditorValues): Promise<void>;
  onDelete?(): Promise<void>;
  onClose(): void;
}

/** Where the notes stand, for tests and for the reader's tools (inside our closed layer). */
export interface NotesStatus {
  notes: number;
  attached: number;
  detached: number;
  mode: string;
  settled: boolean;
  /** The note last shown for the address. */
  shown: string | null;
}

/** The in-page interface: note button, editor and toasts, in our one layer. */
export interface NotesUi {
  /** Whether our layer is already in the page. */
  readonly created: boolean;
  readonly editorOpen: boolean;
  contains(node: Node | null): boolean;
  showButton(rect: DOMRect, onClick: () => void): void;
  hideButton(): void;
  openEditor(request: EditorRequest): void;
  /** `undo` adds an Undo button; `ms` is how long the toast stays. */
  toast(message: NotesMessage, undo?: () => Promise<void>, ms?: number): void;
  setNoteKey(label: string): void;
  status(status: NotesStatus): void;
}

export interface Clock {
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  now(): number;
}
