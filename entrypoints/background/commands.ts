/**
 * The figure keys (lib/page/keys.ts): the browser fires our commands here, and we tell the tab,
 * whose content script steps or toggles the card (every frame hears it; only a frame
 * showing figures acts). And the shortcuts as the browser has them, written to extension storage
 * for the card to show: on every start of the background, since Chrome tells no one when the
 * reader changes them at chrome://extensions/shortcuts.
 */
import { browser } from 'wxt/browser';
import { FIGURE_COMMANDS, FIGURE_COMMAND_MESSAGE, SHORTCUTS_KEY, type FigureCommand } from '../../lib/page/keys';

export async function publishShortcuts(): Promise<void> {
  try {
    const all = await browser.commands.getAll();
    const shortcuts = Object.fromEntries(all.filter((c) => c.name).map((c) => [c.name!, c.shortcut ?? '']));
    await browser.storage.local.set({ [SHORTCUTS_KEY]: shortcuts });
  } catch {
    // No commands API (an old browser): the card shows the defaults.
  }
}

export function setUpFigureCommands(): void {
  void publishShortcuts();
  browser.commands.onCommand.addListener((command, tab) => {
    const action = (Object.keys(FIGURE_COMMANDS) as FigureCommand[]).find((a) => FIGURE_COMMANDS[a] === command);
    if (!action || tab?.id === undefined || tab.id < 0) return;
    // A command firing means its key works: refresh what the card shows.
    void publishShortcuts();
    browser.tabs.sendMessage(tab.id, { type: FIGURE_COMMAND_MESSAGE, action }).catch(() => {});
  });
}
