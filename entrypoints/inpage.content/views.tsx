/**
 * Everything the layer draws with Preact: the status pill and its legend, the figure card, the
 * note button, editor and toasts. A module of its own (content-scripts/inpage/views.js, built by
 * scripts/build-inpage.ts), loaded by the in-page module only when a page first has one of them to
 * show (views-loader.ts): most pages never do, and Preact, the components and the card's model
 * are about 40% of what every page would otherwise load.
 *
 * It is handed plain data and callbacks, and reaches nothing of the extension itself. It keeps its
 * own copy of the interface language (each module is built whole: a module the in-page modules
 * shared would be imported by a relative address, which Chrome resolves to the extension's fixed
 * address, and that one a page may not load), set by the loader before each drawing.
 */
import { render, type ComponentChildren } from 'preact';
import { FigureCard, type FigureCardProps } from '../../components/FigureCard';
import { PageLegend, type PageLegendProps } from '../../components/PageLegend';
import { NoteButton, NoteEditor, NoteToast, type Point } from '../../components/NoteEditor';
import { setLang, tr, type Lang } from '../../components/i18n';
import { buildCardModel, type CardInput } from '../../lib/page';
import type { EditorRequest, NotesMessage } from '../../lib/page';

export function setLanguage(lang: Lang): void {
  setLang(lang);
}

export function drawLegend(slot: HTMLElement, props: PageLegendProps | null): void {
  render(props ? <PageLegend {...props} /> : null, slot);
}

/** The card's props but its model, built here from what the page knows of the figure. */
export interface CardDrawing extends Omit<FigureCardProps, 'model' | 'children'> {
  figure: CardInput;
  /** "Note on this figure", when the figure can take a note (its report is indexed). */
  onNote?: () => void;
}

export function drawCard(slot: HTMLElement, card: CardDrawing | null): void {
  if (!card) {
    render(null, slot);
    return;
  }
  const { figure, onNote, ...props } = card;
  render(
    <FigureCard {...props} model={buildCardModel(figure)}>
      {onNote ? (
        <p class="zb-actions">
          <button type="button" class="zb-add-note" onClick={onNote}>
            {tr('✎ 为此数字写笔记', '✎ Note on this figure')}
          </button>
        </p>
      ) : null}
    </FigureCard>,
    slot,
  );
}

export interface NotesDrawing {
  button: { at: Point; noteKey: string; onClick: () => void } | null;
  /** A new `id` mounts a new editor (fresh fields) even when one was open. */
  editor: { id: number; request: EditorRequest; at: Point; onFinish: () => void } | null;
  toast: { id: number; message: NotesMessage; undo?: () => Promise<void>; onFinish: () => void } | null;
}

export function drawNotes(slot: HTMLElement, { button, editor, toast }: NotesDrawing): void {
  const parts: ComponentChildren = (
    <>
      {button ? <NoteButton at={button.at} noteKey={button.noteKey} onClick={button.onClick} /> : null}
      {editor ? <NoteEditor key={editor.id} request={editor.request} at={editor.at} onFinish={editor.onFinish} /> : null}
      {toast ? <NoteToast key={toast.id} message={toast.message} undo={toast.undo} onFinish={toast.onFinish} /> : null}
    </>
  );
  render(parts, slot);
}
