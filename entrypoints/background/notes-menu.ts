/**
 * Two more ways to start a note besides the in-page button: the context menu on a selection and
 * the keyboard command. Both only tell the tab's content script to open its note editor on the
 * current selection; the content script reads the selection itself (the menu's `selectionText`
 * has lost the DOM position that anchoring needs).
 */
import { browser } from 'wxt/browser';
import { ANNOTATE_MESSAGE } from '../../lib/notes/requests';
import { NOTE_COMMAND } from '../../lib/page/keys';
import type { Lang } from '../../lib/settings/language';
import { getLanguage, onLanguageChange } from '../../components/language';

export const NOTE_MENU_ID = 'zhibiao-note-selection';
/** On the toolbar button's own menu: the notes page, reachable from any tab. */
export const NOTES_PAGE_MENU_ID = 'zhibiao-open-notes';

/**
 * The menu knows the frame the selection is in and asks that frame (`direct`); the command does
 * not, so it asks every frame and the one the reader is in answers (entrypoints/inpage.content).
 */
function askTab(tabId: number | undefined, frameId?: number): void {
  if (tabId === undefined || tabId < 0) return;
  browser.tabs
    .sendMessage(tabId, { type: ANNOTATE_MESSAGE, direct: frameId !== undefined }, frameId !== undefined ? { frameId } : undefined)
    // No content script there (browser pages, a tab opened before install): nothing to do.
    .catch(() => {});
}

/** The menu items' titles in the reader's language (the one setting every surface follows). */
function titles(lang: Lang): Record<string, string> {
  const zh = lang === 'zh';
  return {
    [NOTE_MENU_ID]: zh ? '指标：划线并写笔记' : 'Zhibiao: highlight with note',
    [NOTES_PAGE_MENU_ID]: zh ? '我的笔记' : 'My notes',
  };
}

export function setUpNoteMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    // onInstalled also fires on update, and creating an existing id is an error: remove ours
    // first (only ours: other parts of the extension may have menu items too).
    Promise.allSettled([browser.contextMenus.remove(NOTE_MENU_ID), browser.contextMenus.remove(NOTES_PAGE_MENU_ID), getLanguage()]).then(([, , lang]) => {
      const title = titles(lang.status === 'fulfilled' ? lang.value : 'en');
      browser.contextMenus.create({
        id: NOTE_MENU_ID,
        title: title[NOTE_MENU_ID],
        contexts: ['selection'],
      });
      browser.contextMenus.create({
        id: NOTES_PAGE_MENU_ID,
        title: title[NOTES_PAGE_MENU_ID],
        // The toolbar button is an `action` in MV3 and a `browser_action` in Firefox's MV2.
        contexts: [import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action'],
      });
    });
  });
  // The reader chose another language on any surface: the menu follows.
  onLanguageChange((lang) => {
    for (const [id, title] of Object.entries(titles(lang))) browser.contextMenus.update(id, { title }).catch(() => {});
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === NOTE_MENU_ID) askTab(tab?.id, info.frameId);
    else if (info.menuItemId === NOTES_PAGE_MENU_ID) void browser.tabs.create({ url: browser.runtime.getURL('/notes.html') });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === NOTE_COMMAND) askTab(tab?.id);
  });
}
