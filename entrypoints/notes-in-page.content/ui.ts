/**
 * The in-page notes layer: a floating "note" button beside a selection, the note editor (quote,
 * note text, tags) and a toast with Undo, all inside one shadow root so page styles cannot reach
 * them and our styles cannot leak. Page and note text is only ever set as text (textContent,
 * value), never as HTML.
 */
import { LAYER_ATTRIBUTE } from '../../lib/anchoring/text-index';
import { NOTE_META } from '../../lib/kinds';
import { tr } from '../../components/i18n';
import { DEFAULT_KEYS } from '../../lib/page/keys';

/** The reader's language (the one setting, followed by the content script), read when each string is built. */
export const t = (cn: string, en: string): string => tr(cn, en);

const STYLE = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; }
.note-button { position: fixed; z-index: 2147483647; padding: 4px 10px; border-radius: 14px; border: 1px solid ${NOTE_META.text.light};
  background: #ffe0ef; color: #1b1f24; font-size: 13px; line-height: 18px; cursor: pointer; box-shadow: 0 2px 6px rgba(0,0,0,.25); }
.note-button:focus-visible, button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid #1f6feb; outline-offset: 1px; }
.editor { position: fixed; z-index: 2147483647; width: min(360px, calc(100vw - 16px)); padding: 12px; border-radius: 8px;
  background: #ffffff; color: #1b1f24; border: 1px solid #d0d7de; box-shadow: 0 8px 24px rgba(0,0,0,.25); font-size: 14px; line-height: 1.5; }
.editor h2 { margin: 0 0 6px; font-size: 14px; font-weight: 600; }
.quote { margin: 0 0 8px; padding: 4px 8px; border-left: 3px solid ${NOTE_META.text.light}; background: ${NOTE_META.mark}; max-height: 6em; overflow: auto;
  white-space: pre-wrap; word-break: break-word; font-size: 13px; color: #3a3f45; }
label { display: block; margin: 6px 0 2px; font-size: 12px; color: #57606a; }
textarea, input { width: 100%; font-size: 14px; padding: 6px; border: 1px solid #afb8c1; border-radius: 4px; background: #fff; color: #1b1f24; }
textarea { min-height: 5em; resize: vertical; }
.row { display: flex; gap: 6px; justify-content: flex-end; margin-top: 10px; flex-wrap: wrap; }
button { font-size: 13px; padding: 4px 12px; border-radius: 4px; border: 1px solid #afb8c1; background: #f6f8fa; color: #1b1f24; cursor: pointer; }
button.primary { background: #0b5cad; border-color: #0b5cad; color: #fff; }
button.danger { margin-right: auto; color: #a40e26; }
.error { margin: 8px 0 0; padding: 6px 8px; border-radius: 4px; background: #ffebe9; color: #a40e26; font-size: 13px; }
.hint { margin: 6px 0 0; font-size: 12px; color: #57606a; }
.toast { position: fixed; z-index: 2147483647; left: 50%; bottom: 24px; transform: translateX(-50%); display: flex; gap: 10px; align-items: center;
  padding: 8px 14px; border-radius: 6px; background: #1b1f24; color: #fff; font-size: 13px; box-shadow: 0 4px 12px rgba(0,0,0,.3); }
.toast button { background: transparent; color: #79c0ff; border-color: #79c0ff; }
.note-box { background: ${NOTE_META.mark}; }
.note-box.active { background: ${NOTE_META.activeMark}; }
@media (prefers-color-scheme: dark) {
  .editor { background: #161b22; color: #e6edf3; border-color: #30363d; }
  .quote { color: #e6edf3; border-left-color: ${NOTE_META.text.dark}; }
  textarea, input { background: #0d1117; color: #e6edf3; border-color: #30363d; }
  button { background: #21262d; color: #e6edf3; border-color: #30363d; }
  label, .hint { color: #9da7b3; }
}
`;

export interface EditorValues {
  body: string;
  tags: string[];
}

export interface EditorOptions {
  quote: string;
  /** Existing note being edited (shows Delete). */
  editing: boolean;
  body: string;
  tags: string[];
  anchorRect: DOMRect | null;
  onSave(values: EditorValues): Promise<void>;
  onDelete?(): Promise<void>;
  onClose(): void;
}

/** Tags as typed: separated by commas (either width), semicolons or spaces. */
export function parseTags(input: string): string[] {
  return input.split(/[,，;；、\s]+/).map((s) => s.trim()).filter(Boolean);
}

/**
 * Our elements in the page, created on first use: a page without notes where the reader never
 * selects text gets nothing added. The host is a custom element marked with LAYER_ATTRIBUTE so no
 * TextIndex reads it; the shadow root is open so tests can reach it (page scripts could too, but
 * all it shows is what the reader is typing on that very page).
 */
export class NotesLayer {
  private parts: { host: HTMLElement; root: ShadowRoot; overlay: HTMLElement } | null = null;
  private button: HTMLButtonElement | null = null;
  private editor: HTMLElement | null = null;
  private toastEl: HTMLElement | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | null = null;
  /** The note key as the browser has it, shown on the button. */
  private noteKey = DEFAULT_KEYS.note.label;

  constructor(private readonly doc: Document) {}

  setNoteKey(label: string): void {
    this.noteKey = label;
  }

  private ensure() {
    if (this.parts) {
      if (!this.parts.host.isConnected) this.doc.documentElement.appendChild(this.parts.host);
      return this.parts;
    }
    const host = this.doc.createElement('zhibiao-notes');
    host.setAttribute(LAYER_ATTRIBUTE, 'notes');
    host.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647;';
    // Closed: the page's scripts cannot read the editor (the reader's note text) or press its buttons.
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = STYLE;
    const overlay = this.doc.createElement('div');
    overlay.setAttribute('aria-hidden', 'true');
    root.append(style, overlay);
    this.doc.documentElement.appendChild(host);
    this.parts = { host, root, overlay };
    return this.parts;
  }

  get created(): boolean {
    return this.parts !== null;
  }

  get host(): HTMLElement {
    return this.ensure().host;
  }

  get root(): ShadowRoot {
    return this.ensure().root;
  }

  get overlay(): HTMLElement {
    return this.ensure().overlay;
  }

  contains(node: Node | null): boolean {
    if (!node || !this.parts) return false;
    const { host, root } = this.parts;
    return node === host || host.contains(node) || root.contains(node);
  }

  get editorOpen(): boolean {
    return !!this.editor;
  }

  showButton(rect: DOMRect, onClick: () => void): void {
    this.hideButton();
    const b = this.doc.createElement('button');
    b.type = 'button';
    b.className = 'note-button';
    b.textContent = t('✎ 笔记', '✎ Note');
    b.title = t(`为所选文字做笔记 (${this.noteKey})`, `Note on the selected text (${this.noteKey})`);
    const top = rect.bottom + 6 + 28 > innerHeight ? Math.max(4, rect.top - 34) : rect.bottom + 6;
    b.style.top = `${top}px`;
    b.style.left = `${Math.min(Math.max(4, rect.right - 40), innerWidth - 90)}px`;
    // mousedown would clear the page selection before click; keep it.
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      onClick();
    });
    this.root.appendChild(b);
    this.button = b;
  }

  hideButton(): void {
    this.button?.remove();
    this.button = null;
  }

  openEditor(opts: EditorOptions): void {
    this.closeEditor();
    this.hideButton();
    const d = this.doc;
    const el = d.createElement('div');
    el.className = 'editor';
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-label', t('笔记', 'Note'));
    const title = d.createElement('h2');
    title.textContent = opts.editing ? t('编辑笔记', 'Edit note') : t('新笔记', 'New note');
    const quote = d.createElement('blockquote');
    quote.className = 'quote';
    quote.textContent = opts.quote;
    const bodyLabel = d.createElement('label');
    bodyLabel.textContent = t('笔记', 'Note');
    const body = d.createElement('textarea');
    body.value = opts.body;
    body.placeholder = t('写下你的看法…', 'Your note…');
    bodyLabel.htmlFor = body.id = 'zhibiao-note-body';
    const tagsLabel = d.createElement('label');
    tagsLabel.textContent = t('标签（逗号或空格分隔）', 'Tags (comma or space separated)');
    const tags = d.createElement('input');
    tags.type = 'text';
    tags.value = opts.tags.join(', ');
    tagsLabel.htmlFor = tags.id = 'zhibiao-note-tags';
    const error = d.createElement('p');
    error.className = 'error';
    error.setAttribute('role', 'alert');
    error.hidden = true;
    const row = d.createElement('div');
    row.className = 'row';
    const save = d.createElement('button');
    save.type = 'button';
    save.className = 'primary';
    save.textContent = t('保存', 'Save');
    const cancel = d.createElement('button');
    cancel.type = 'button';
    cancel.textContent = t('取消', 'Cancel');
    if (opts.editing && opts.onDelete) {
      const del = d.createElement('button');
      del.type = 'button';
      del.className = 'danger';
      del.textContent = t('删除', 'Delete');
      del.addEventListener('click', () => void run(() => opts.onDelete!()));
      row.append(del);
    }
    row.append(cancel, save);
    const hint = d.createElement('p');
    hint.className = 'hint';
    hint.textContent = t('Ctrl+Enter 保存 · Esc 关闭', 'Ctrl+Enter saves · Esc closes');
    el.append(title, quote, bodyLabel, body, tagsLabel, tags, error, row, hint);

    let busy = false;
    const run = async (work: () => Promise<void>) => {
      if (busy) return;
      busy = true;
      save.disabled = true;
      error.hidden = true;
      try {
        await work();
        this.closeEditor();
        opts.onClose();
      } catch (err) {
        // The editor stays open with everything typed: nothing is lost, the reader can retry.
        error.textContent = `${t('未能保存：', 'Not saved: ')}${err instanceof Error ? err.message : String(err)}`;
        error.hidden = false;
      } finally {
        busy = false;
        save.disabled = false;
      }
    };
    save.addEventListener('click', () => void run(() => opts.onSave({ body: body.value, tags: parseTags(tags.value) })));
    cancel.addEventListener('click', () => {
      this.closeEditor();
      opts.onClose();
    });
    el.addEventListener('keydown', (e) => {
      e.stopPropagation(); // the page's own shortcuts must not fire while typing a note
      if (e.key === 'Escape') {
        this.closeEditor();
        opts.onClose();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        save.click();
      }
    });

    const r = opts.anchorRect;
    const width = Math.min(360, innerWidth - 16);
    const left = r ? Math.min(Math.max(8, r.left), innerWidth - width - 8) : (innerWidth - width) / 2;
    let top = r ? r.bottom + 8 : 80;
    if (top + 320 > innerHeight) top = r && r.top - 330 > 8 ? r.top - 330 : Math.max(8, innerHeight - 330);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
    this.root.appendChild(el);
    this.editor = el;
    body.focus();
  }

  closeEditor(): void {
    this.editor?.remove();
    this.editor = null;
  }

  toast(message: string, action?: { label: string; run: () => Promise<void> }, ms = 10000): void {
    this.toastEl?.remove();
    if (this.toastTimer) clearTimeout(this.toastTimer);
    const el = this.doc.createElement('div');
    el.className = 'toast';
    el.setAttribute('role', 'status');
    const text = this.doc.createElement('span');
    text.textContent = message;
    el.append(text);
    if (action) {
      const b = this.doc.createElement('button');
      b.type = 'button';
      b.textContent = action.label;
      b.addEventListener('click', async () => {
        b.disabled = true;
        try {
          await action.run();
          el.remove();
        } catch (err) {
          text.textContent = err instanceof Error ? err.message : String(err);
        }
      });
      el.append(b);
    }
    this.root.appendChild(el);
    this.toastEl = el;
    this.toastTimer = setTimeout(() => el.remove(), ms);
  }

  destroy(): void {
    this.parts?.host.remove();
    this.parts = null;
  }
}
