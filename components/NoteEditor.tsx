/**
 * The reader's notes in the page: the floating "note" button beside a selection, the note editor
 * (quote, note text, tags) and the toast with Undo. Rendered by the content script in its closed
 * shadow root beside the figure card (NoteEditor.css); page and note text is only ever rendered as
 * text. Every string follows the one language setting (`tr`), also while open.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EditorRequest, NotesMessage } from '../lib/page/notes-ui';
import { tr } from './i18n';

/** Tags as typed: separated by commas (either width), 、, semicolons or spaces. */
export function parseTags(input: string): string[] {
  return input
    .split(/[,，;；、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A toast's words, in the reader's language. */
function notesMessageText(m: NotesMessage): string {
  switch (m.type) {
    case 'saved':
      return tr('笔记已保存', 'Note saved');
    case 'updated':
      return tr('已更新', 'Note updated');
    case 'deleted':
      return tr('笔记已删除', 'Note deleted');
    case 'select-first':
      return tr('请先选中要做笔记的文字', 'Select some text to note first');
    case 'no-page-text':
      return tr('所选内容不含页面文字', 'The selection holds no page text');
    case 'requested-gone':
      return tr(
        '这条笔记在页面现在的文字里找不到了；它仍保存在笔记页。',
        'This note’s passage is no longer in the page as it is now; the note is kept on the notes page.',
      );
    case 'detached':
      return tr(
        `本页有 ${m.count} 条笔记找不到原文位置（页面已改变），笔记仍保存在笔记页。`,
        `${m.count} note(s) on this page could not be re-attached (the page changed); they are kept on the notes page.`,
      );
  }
}

export interface Point {
  left: number;
  top: number;
}

export function NoteButton({ at, noteKey, onClick }: { at: Point; noteKey: string; onClick(): void }) {
  return (
    <button
      type="button"
      class="note-button"
      style={{ left: `${at.left}px`, top: `${at.top}px` }}
      title={tr(`为所选文字做笔记 (${noteKey})`, `Note on the selected text (${noteKey})`)}
      // mousedown would clear the page's selection before the click; keep it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
    >
      {tr('✎ 笔记', '✎ Note')}
    </button>
  );
}

/** The editor; `onFinish` closes it (after a save or delete that worked, Cancel or Esc). */
export function NoteEditor({ request, at, onFinish }: { request: EditorRequest; at: Point; onFinish(): void }) {
  const body = useRef<HTMLTextAreaElement>(null);
  const tags = useRef<HTMLInputElement>(null);
  const save = useRef<HTMLButtonElement>(null);
  const busy = useRef(false);
  const mounted = useRef(true);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    body.current?.focus();
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = async (work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setWorking(true);
    setError(null);
    try {
      await work();
      onFinish();
    } catch (err) {
      // The editor stays open with everything typed: nothing is lost, the reader can retry.
      if (mounted.current) setError(err instanceof Error ? err.message : String(err));
    } finally {
      busy.current = false;
      if (mounted.current) setWorking(false);
    }
  };
  // The fields are read when saving (not kept in state): what is in them is what is saved.
  const onSave = () => void run(() => request.onSave({ body: body.current?.value ?? '', tags: parseTags(tags.current?.value ?? '') }));

  return (
    <div
      class="editor"
      role="dialog"
      aria-label={tr('笔记', 'Note')}
      style={{ left: `${at.left}px`, top: `${at.top}px` }}
      onKeyDown={(e) => {
        e.stopPropagation(); // the page's own shortcuts must not fire while typing a note
        if (e.key === 'Escape') onFinish();
        else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save.current?.click();
        }
      }}
    >
      <h2>{request.editing ? tr('编辑笔记', 'Edit note') : tr('新笔记', 'New note')}</h2>
      <blockquote class="quote">{request.quote}</blockquote>
      <label for="zhibiao-note-body">{tr('笔记', 'Note')}</label>
      <textarea id="zhibiao-note-body" ref={body} defaultValue={request.body} placeholder={tr('写下你的看法…', 'Your note…')} />
      <label for="zhibiao-note-tags">{tr('标签（逗号或空格分隔）', 'Tags (comma or space separated)')}</label>
      <input id="zhibiao-note-tags" ref={tags} type="text" defaultValue={request.tags.join(', ')} />
      <p class="error" role="alert" hidden={error === null}>
        {error === null ? '' : `${tr('未能保存：', 'Not saved: ')}${error}`}
      </p>
      <div class="row">
        {request.editing && request.onDelete ? (
          <button type="button" class="danger" onClick={() => void run(() => request.onDelete!())}>
            {tr('删除', 'Delete')}
          </button>
        ) : null}
        <button type="button" onClick={onFinish}>
          {tr('取消', 'Cancel')}
        </button>
        <button type="button" class="primary" ref={save} disabled={working} onClick={onSave}>
          {tr('保存', 'Save')}
        </button>
      </div>
      <p class="hint">{tr('Ctrl+Enter 保存 · Esc 关闭', 'Ctrl+Enter saves · Esc closes')}</p>
    </div>
  );
}

/** A toast, with Undo when `undo` is given; `onFinish` removes it. */
export function NoteToast({ message, undo, onFinish }: { message: NotesMessage; undo?: () => Promise<void>; onFinish(): void }) {
  const [failed, setFailed] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  return (
    <div class="toast" role="status">
      <span>{failed ?? notesMessageText(message)}</span>
      {undo ? (
        <button
          type="button"
          disabled={working}
          onClick={async () => {
            setWorking(true);
            try {
              await undo();
              onFinish();
            } catch (err) {
              setFailed(err instanceof Error ? err.message : String(err));
            }
          }}
        >
          {tr('撤销', 'Undo')}
        </button>
      ) : null}
    </div>
  );
}
