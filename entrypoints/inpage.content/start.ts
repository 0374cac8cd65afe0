/**
 * The in-page work of one page or frame, started by the content script (index.ts) once this module
 * has loaded: figures (the cheap report check, then on reports the figures painted, indexed and
 * explained; InPageFigures) and the reader's notes (NotesInPage), with one painter and one layer.
 *
 * A module of its own (content-scripts/inpage/start.js, built by scripts/build-inpage.ts):
 * the browser parses a module off the page's main thread, where the classic content script it
 * was part of was compiled in the page's own task (20–40 ms on a browser just started). The views
 * it draws with (views.tsx) are a second module, imported the first time something is drawn.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { installName, installSuffix, randomSuffix } from '../../lib/highlights';
import { createPagePainter, type PainterWindow } from '../../lib/highlights';
import { createBackgroundClient } from '../../lib/messages';
import { NotesInPage } from '../../lib/page';
import { ANNOTATE_MESSAGE } from '../../lib/notes';
import { FIGURE_COMMAND_MESSAGE, yieldToPage, type FigureCommand } from '../../lib/page';
import { followLanguage } from '../../components/language';
import { onLangChange } from '../../components/i18n';
import { followShortcuts } from '../../components/shortcuts';
import { InPageFigures } from './figures';
import { answerPageRequest } from './answer';
import { PageLayer } from './layer';
import { NotesLayerUi } from './notes-ui';
import { ViewsLoader, type LayerViews } from './views-loader';
import { importExtensionModule } from './extension-module';

/** The layer's views (views.tsx), as scripts/build-inpage.ts writes them. */
const VIEWS_FILE = '/content-scripts/inpage/views.js';

export async function start(ctx: ContentScriptContext): Promise<void> {
  // Loading this module is a task of its own; the setup below, the first check and the notes
  // each get theirs (in a browser that has just started, together they were one long task).
  await yieldToPage();
  if (ctx.isInvalid) return;
  const background = createBackgroundClient((m) => browser.runtime.sendMessage(m));
  // Highlights and their styles (added only when painting) go by this installation's names.
  const suffix = await installSuffix(browser.storage.local).catch(() => randomSuffix());
  const layer = new PageLayer(document);
  const win = window as unknown as PainterWindow;
  const painter = createPagePainter({ win, doc: document, overlayLayer: () => layer.ensure().overlay, name: (n) => installName(n, suffix) });
  const clock = {
    setTimeout: (cb: () => void, ms: number) => ctx.setTimeout(cb, ms),
    clearTimeout: (id: unknown) => clearTimeout(id as number),
    now: () => Date.now(),
  };
  const views = new ViewsLoader(
    () => importExtensionModule<LayerViews>(VIEWS_FILE),
    (error) => console.warn('Zhibiao: the card and legend could not be loaded:', error),
  );
  const notesUi = new NotesLayerUi(layer, window, views);
  const notes = new NotesInPage({ doc: document, client: background, painter, ui: notesUi, clock });
  const figures = new InPageFigures(document, background, { painter: painter.figures, layer, views, notes });
  const isTop = window.top === window;

  const listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void): boolean => {
    if (sender.id !== browser.runtime.id) return false;
    const m = message as { type?: unknown; action?: unknown; direct?: unknown } | null;
    if (m?.type === FIGURE_COMMAND_MESSAGE) {
      if (m.action === 'next' || m.action === 'previous' || m.action === 'toggle') figures.command(m.action as FigureCommand);
      return false;
    }
    if (m?.type === ANNOTATE_MESSAGE) {
      if (m.direct === true || wantsNoteRequest(isTop)) notes.annotate();
      return false;
    }
    return answerPageRequest(message, { figures, isTop, sendResponse, setTimeout: (cb, ms) => ctx.setTimeout(cb, ms) });
  };
  browser.runtime.onMessage.addListener(listener);
  // Only the reader's own mouse and keys act (NotesInPage and InPageFigures check `isTrusted`).
  ctx.addEventListener(document, 'mouseup', (e) => notes.pointerUp(e), { capture: true });
  ctx.addEventListener(document, 'keydown', (e) => notes.keyDown(e), { capture: true });
  ctx.addEventListener(document, 'selectionchange', () => notes.selectionChanged());
  ctx.addEventListener(window, 'hashchange', () => notes.hashChanged());
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(listener);
    figures.stop();
    notes.stop();
    painter.clear();
    layer.remove();
  });

  void figures.start();
  await yieldToPage();
  if (ctx.isInvalid) return;
  // Card, legend, note editor and toasts follow the reader's language setting (drawn again when it changes).
  ctx.onInvalidated(
    onLangChange(() => {
      figures.relabel();
      notesUi.relabel();
    }),
  );
  void followLanguage().then((stop) => ctx.onInvalidated(stop));
  ctx.onInvalidated(
    followShortcuts((s) => {
      figures.setShortcuts(s);
      notes.setShortcuts(s);
    }),
  );
  void notes.load();
}

/**
 * The note command reaches every frame of the tab: the frame the reader is in answers (the top
 * frame unless a frame inside it has the focus); the context menu addresses its frame directly.
 */
function wantsNoteRequest(isTop: boolean): boolean {
  if (!isTop) return document.hasFocus();
  const active = document.activeElement?.localName;
  return active !== 'iframe' && active !== 'frame';
}
