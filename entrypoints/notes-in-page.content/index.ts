/**
 * Notes in any web page: select text, then the floating button, the context menu ("Zhibiao:
 * highlight with note") or the note key (Alt+N by default) opens the editor; saved notes are highlighted and
 * re-attached on every visit, also when the text arrives late (MutationObserver) or changed a
 * little (fuzzy anchoring). A note that cannot be found is reported detached and kept.
 *
 * Cost on ordinary pages: one `notes/forUrl` message. The page's text is read (TextIndex) only
 * when the page has notes or the reader makes one.
 */
import { browser } from 'wxt/browser';
import { TextIndex } from '../../lib/anchoring/text-index';
import { createBackgroundClient } from '../../lib/messages/client';
import type { NoteRow, Selector } from '../../lib/storage/db';
import { createNotePainter } from '../../lib/notes/painter';
import { anchorNotes, describeSelection, noteAtPoint, type AttachedNote } from '../../lib/notes/page-notes';
import type { PainterWindow } from '../../lib/highlights/painter';
import { installName, installSuffix, randomSuffix } from '../../lib/highlights/install-names';
import { pageSheet } from '../../lib/highlights';
import { noteHighlightCss } from '../../lib/kinds';
import { ANNOTATE_MESSAGE } from '../../lib/notes/requests';
import { noteIdInAddress } from '../../lib/notes/fragment';
import { figureId, IN_PAGE_NOTES_KEY, type InPageNotes } from '../../lib/notes/figure-note';
import { NotesLayer, t } from './ui';
import { followLanguage } from '../../components/language';
import { followShortcuts } from '../../components/shortcuts';
import { isDefaultKey, NOTE_COMMAND, pageAnswersDefault, shortcutLabel, type Shortcuts } from '../../lib/page/keys';

/**
 * How long after load a missing note is still "not yet found" rather than detached: reports that
 * load their text late (paginated readers, single-page apps) usually settle within a second or
 * two; marking a note detached earlier would flash a false alarm in the notes page.
 */
const SETTLE_MS = 2500;
/**
 * Mutations arrive in bursts while a page renders: the first one schedules a re-anchoring this
 * much later, and those in between join it. A throttle, not a debounce: a page that never stops
 * changing (a ticking clock, a live feed) would starve a debounce.
 */
const REANCHOR_DELAY_MS = 300;
/** At most one re-anchoring per second: it reads the whole page's text. */
const REANCHOR_INTERVAL_MS = 1000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    void followLanguage().then((stop) => ctx.onInvalidated(stop));
    const client = createBackgroundClient((m) => browser.runtime.sendMessage(m));
    const layer = new NotesLayer(document);
    // The highlight colours must be in the document (not our shadow root) to style its ranges;
    // added the first time there is something to paint, under this installation's names.
    const suffix = await installSuffix(browser.storage.local).catch(() => randomSuffix());
    const name = (n: string) => installName(n, suffix);
    const sheet = pageSheet(document, noteHighlightCss(name));
    const painter = createNotePainter(window as unknown as PainterWindow, () => layer.overlay, { name, beforePaint: sheet.ensure });

    let notes: NoteRow[] = [];
    let attached: AttachedNote[] = [];
    let index: TextIndex | null = null;
    let settled = false;
    let observer: MutationObserver | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const status = (detached: number) => {
      // Pages without notes get no element of ours just to carry a status.
      if (!layer.created && notes.length === 0) return;
      layer.host.dataset.notes = String(notes.length);
      layer.host.dataset.attached = String(attached.length);
      layer.host.dataset.detached = String(detached);
      layer.host.dataset.mode = painter.mode;
      layer.host.dataset.settled = String(settled);
    };

    /** The text each attached note's range covered when it was anchored. */
    let shownText = new Map<string, string>();
    let lastRun = 0;

    /** True when every note is attached and its range still covers the same text. */
    const stillInPlace = () =>
      attached.length === notes.length &&
      attached.every((a) => !a.range.collapsed && a.range.startContainer.isConnected && a.range.toString() === shownText.get(a.note.id));

    const reanchor = () => {
      if (ctx.isInvalid) return;
      lastRun = Date.now();
      index = TextIndex.fromElement(document.body ?? document.documentElement);
      const result = anchorNotes(notes, index);
      attached = result.attached;
      if (attached.length) sheet.ensure();
      shownText = new Map(attached.map((a) => [a.note.id, a.range.toString()]));
      painter.paint(attached.map((a) => a.range));
      status(result.detached.length);
      // Tell the store what changed: found again, or (after the page settled) gone.
      const nowAttached = attached.filter((a) => a.note.detached).map((a) => a.note.id);
      const nowDetached = settled ? result.detached.filter((n) => !n.detached).map((n) => n.id) : [];
      showRequested();
      warnDetached(result.detached.length);
      if (nowAttached.length || nowDetached.length) {
        for (const a of attached) a.note.detached = false;
        if (settled) for (const n of result.detached) n.detached = true;
        client.request({ type: 'notes/anchored', attached: nowAttached, detached: nowDetached }).catch(() => {});
      }
    };

    const scheduleReanchor = () => {
      if (timer) return;
      const wait = Math.max(REANCHOR_DELAY_MS, lastRun + REANCHOR_INTERVAL_MS - Date.now());
      timer = setTimeout(() => {
        timer = null;
        // Changes elsewhere on the page leave the notes where they were: nothing to redo.
        if (!stillInPlace()) reanchor();
      }, wait);
    };

    const watch = () => {
      if (observer || !notes.length) return;
      observer = new MutationObserver((records) => {
        // Our own layer and highlight stylesheet change too; those are not page text.
        const ours = (n: Node) => sheet.owns(n) || layer.contains(n);
        const onlyOurs = (r: MutationRecord) =>
          ours(r.target) ||
          (r.type === 'childList' && r.addedNodes.length + r.removedNodes.length > 0 && [...r.addedNodes, ...r.removedNodes].every(ours));
        if (records.every(onlyOurs)) return;
        scheduleReanchor();
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    };

    /** A note the address asks to show (`#zhibiao-note=<id>`, from the notes page), until shown. */
    let requested: string | null = noteIdInAddress(location.hash);
    let warnedDetached = false;
    const showRequested = () => {
      if (!requested) return;
      const hit = attached.find((a) => a.note.id === requested);
      if (hit) {
        requested = null;
        const target = hit.range.startContainer.parentElement;
        target?.scrollIntoView({ block: 'center' });
        painter.setActive(hit.range);
        layer.host.dataset.shown = hit.note.id;
        ctx.setTimeout(() => {
          if (!layer.editorOpen) painter.setActive(null);
        }, 4000);
      } else if (settled && notes.some((n) => n.id === requested)) {
        requested = null;
        layer.toast(t('这条笔记在页面现在的文字里找不到了；它仍保存在笔记页。', 'This note’s passage is no longer in the page as it is now; the note is kept on the notes page.'), undefined, 8000);
      }
    };
    const warnDetached = (count: number) => {
      if (warnedDetached || !settled || count === 0 || requested) return;
      warnedDetached = true;
      layer.toast(
        t(`本页有 ${count} 条笔记找不到原文位置（页面已改变），笔记仍保存在笔记页。`, `${count} note(s) on this page could not be re-attached (the page changed); they are kept on the notes page.`),
        undefined,
        6000,
      );
    };
    ctx.addEventListener(window, 'hashchange', () => {
      requested = noteIdInAddress(location.hash);
      showRequested();
    });

    const load = async () => {
      try {
        notes = await client.request({ type: 'notes/forUrl', url: location.href });
      } catch {
        notes = [];
      }
      if (notes.length) {
        reanchor();
        watch();
      }
      ctx.setTimeout(() => {
        settled = true;
        if (notes.length) reanchor();
        else status(0);
      }, SETTLE_MS);
    };

    // ------------------------------------------------------------ making and editing notes

    const selectionRange = (): Range | null => {
      const sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
      const range = sel.getRangeAt(0);
      if (layer.contains(range.commonAncestorContainer)) return null;
      if (!range.toString().trim()) return null;
      return range;
    };

    const openForSelection = () => {
      const range = selectionRange();
      if (!range) {
        layer.toast(t('请先选中要做笔记的文字', 'Select some text to note first'), undefined, 4000);
        return;
      }
      if (!openForRange(range)) layer.toast(t('所选内容不含页面文字', 'The selection holds no page text'), undefined, 4000);
    };

    /** Opens the editor for a new note on `range`; false when it holds no page text. */
    const openForRange = (range: Range, figure?: { reportId: string; figureIndex: number }): boolean => {
      // Selectors are taken now, from the text as the reader sees it, not when Save is pressed.
      const current = TextIndex.fromElement(document.body ?? document.documentElement);
      const described = describeSelection(range, current);
      if (!described) return false;
      sheet.ensure();
      painter.setActive(range.cloneRange());
      layer.openEditor({
        quote: described.quote,
        editing: false,
        body: '',
        tags: [],
        anchorRect: range.getBoundingClientRect(),
        onSave: async ({ body, tags }) => {
          const saved = await client.request({
            type: 'notes/create',
            note: {
              url: location.href,
              pageTitle: document.title,
              selectors: described.selectors as Selector[],
              quote: described.quote,
              body,
              tags,
              ...(figure ? { reportId: figure.reportId, figureId: figureId(figure.reportId, figure.figureIndex) } : {}),
            },
          });
          notes.push(saved);
          window.getSelection()?.removeAllRanges();
          reanchor();
          watch();
          layer.toast(t('笔记已保存', 'Note saved'), undefined, 3000);
        },
        onClose: () => painter.setActive(null),
      });
      return true;
    };

    // The figure card (another content script of ours, same isolated world) opens the editor here.
    const hook: InPageNotes = { noteOnRange: (range, figure) => !layer.editorOpen && openForRange(range, figure) };
    (globalThis as Record<string, unknown>)[IN_PAGE_NOTES_KEY] = hook;

    const openForNote = (a: AttachedNote) => {
      painter.setActive(a.range);
      const before = { body: a.note.body, tags: a.note.tags };
      layer.openEditor({
        quote: a.note.quote,
        editing: true,
        body: a.note.body,
        tags: a.note.tags,
        anchorRect: a.range.getBoundingClientRect(),
        onSave: async ({ body, tags }) => {
          const saved = await client.request({ type: 'notes/update', id: a.note.id, patch: { body, tags } });
          replace(saved);
          layer.toast(t('已更新', 'Note updated'), {
            label: t('撤销', 'Undo'),
            run: async () => replace(await client.request({ type: 'notes/update', id: a.note.id, patch: before })),
          });
        },
        onDelete: async () => {
          const deleted = await client.request({ type: 'notes/delete', id: a.note.id });
          notes = notes.filter((n) => n.id !== deleted.id);
          reanchor();
          layer.toast(t('笔记已删除', 'Note deleted'), {
            label: t('撤销', 'Undo'),
            run: async () => {
              notes.push(await client.request({ type: 'notes/undoDelete', token: deleted.undoToken }));
              reanchor();
            },
          });
        },
        onClose: () => painter.setActive(null),
      });
    };

    const replace = (row: NoteRow) => {
      notes = notes.map((n) => (n.id === row.id ? row : n));
      for (const a of attached) if (a.note.id === row.id) a.note = row;
    };

    // ------------------------------------------------------------ page events

    const onPointerUp = (e: MouseEvent) => {
      if (layer.contains(e.target as Node)) return;
      // After the browser has updated the selection for this click.
      ctx.setTimeout(() => {
        const range = selectionRange();
        if (range && !layer.editorOpen) {
          const rects = range.getClientRects();
          const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
          layer.showButton(last, openForSelection);
          return;
        }
        layer.hideButton();
        if (!range && attached.length && index && !layer.editorOpen) {
          const hit = noteAtPoint(attached, document, e.clientX, e.clientY, index);
          if (hit) openForNote(hit);
        }
      }, 0);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      // Fallback for the browser command (Chrome may leave the shortcut unassigned if taken).
      if (isDefaultKey(e, 'note') && pageAnswersDefault(NOTE_COMMAND, shortcuts)) {
        e.preventDefault();
        if (!layer.editorOpen) openForSelection();
      }
    };
    let shortcuts: Shortcuts = {};
    ctx.onInvalidated(
      followShortcuts((s) => {
        shortcuts = s;
        layer.setNoteKey(shortcutLabel('note', s));
      }),
    );
    const onSelectionChange = () => {
      if (!selectionRange()) layer.hideButton();
    };
    // Only the reader's own mouse and keys (`isTrusted`): a page script dispatching a mouseup on a
    // noted passage must not open that note's editor and read it.
    ctx.addEventListener(document, 'mouseup', (e) => e.isTrusted && onPointerUp(e), { capture: true });
    ctx.addEventListener(document, 'keydown', (e) => e.isTrusted && onKeyDown(e), { capture: true });
    ctx.addEventListener(document, 'selectionchange', onSelectionChange);

    const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
      // Other content scripts of ours listen too: answer only our own message, stay silent otherwise.
      if ((message as { type?: unknown } | null)?.type !== ANNOTATE_MESSAGE) return false;
      if (!layer.editorOpen) openForSelection();
      sendResponse(true);
      return false;
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      if ((globalThis as Record<string, unknown>)[IN_PAGE_NOTES_KEY] === hook) delete (globalThis as Record<string, unknown>)[IN_PAGE_NOTES_KEY];
      browser.runtime.onMessage.removeListener(onMessage);
      observer?.disconnect();
      painter.clear();
      layer.destroy();
      sheet.remove();
    });

    void load();
  },
});
