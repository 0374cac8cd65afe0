/**
 * Keyboard for figures: next / previous figure (opening its card), open or close the card of the
 * current figure, Escape to close.
 *
 * The keys are the extension's commands (wxt.config.ts), so the reader sees and changes them at
 * chrome://extensions/shortcuts (about:addons in Firefox). Defaults: Alt+J / Alt+K / Alt+O (and
 * Alt+N for a note), Ctrl+Shift+J/K/O/N on macOS. Why: Alt+Shift switches the input language on
 * Windows, and Ctrl+Space / Cmd+Space switch input sources on macOS (and turn Chinese input
 * methods on and off on Windows), so no default uses those; Ctrl+Alt is refused for commands; Alt
 * with J, K, O or N opens no browser menu.
 *
 * The browser delivers an assigned command to the background, which tells the tab; the page never
 * sees the key. A command the browser left unassigned (another extension holds the key, or a
 * fresh headless profile) is answered here in the page on its default key, unless the reader gave
 * it another one. `code` (the physical key) is read rather than `key`, because on macOS Option
 * turns letters into other characters. Nothing fires while focus is in a field the reader types into.
 */
export type FigureKeyAction = 'next' | 'previous' | 'toggle' | 'close';
export type FigureCommand = Exclude<FigureKeyAction, 'close'>;

/** Command names in the manifest, and their default keys. */
export const FIGURE_COMMANDS: Readonly<Record<FigureCommand, string>> = { next: 'next-figure', previous: 'previous-figure', toggle: 'toggle-card' };
export const NOTE_COMMAND = 'annotate-selection';
export const DEFAULT_KEYS: Readonly<Record<FigureCommand | 'note', { code: string; label: string; mac: string }>> = {
  next: { code: 'KeyJ', label: 'Alt+J', mac: 'MacCtrl+Shift+J' },
  previous: { code: 'KeyK', label: 'Alt+K', mac: 'MacCtrl+Shift+K' },
  toggle: { code: 'KeyO', label: 'Alt+O', mac: 'MacCtrl+Shift+O' },
  note: { code: 'KeyN', label: 'Alt+N', mac: 'MacCtrl+Shift+N' },
};

/** The message the background sends a tab when a figure command fires. */
export const FIGURE_COMMAND_MESSAGE = 'figures/command';

/** Shortcuts as the browser has them, by command name ('' when unassigned); kept in extension storage. */
export type Shortcuts = Record<string, string>;
export const SHORTCUTS_KEY = 'shortcuts';

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
  target: EventTarget | null;
}

/** Whether the element takes typed text (inputs, text areas, selects, editable content). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as (Element & { isContentEditable?: boolean }) | null;
  if (!el || typeof (el as Element).localName !== 'string') return false;
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = ((el as HTMLInputElement).type ?? 'text').toLowerCase();
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'range', 'color', 'file'].includes(type);
  }
  if (el.isContentEditable) return true;
  const editable = el.getAttribute?.('contenteditable');
  return editable !== null && editable !== undefined && editable !== 'false';
}

/** Whether the page answers this command's default key: the browser has no other key for it. */
export function pageAnswersDefault(command: string, shortcuts: Shortcuts): boolean {
  const which = commandKey(command);
  const assigned = (shortcuts[command] ?? '').replace(/\s/g, '');
  return !assigned || (which !== undefined && assigned === DEFAULT_KEYS[which].label);
}

function commandKey(command: string): FigureCommand | 'note' | undefined {
  if (command === NOTE_COMMAND) return 'note';
  return (Object.keys(FIGURE_COMMANDS) as FigureCommand[]).find((k) => FIGURE_COMMANDS[k] === command);
}

/** Whether the event is the default key (Alt + letter) of this command. */
export function isDefaultKey(e: KeyLike, which: FigureCommand | 'note'): boolean {
  return e.altKey && !e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === DEFAULT_KEYS[which].code;
}

export function figureKeyAction(e: KeyLike, shortcuts: Shortcuts = {}): FigureKeyAction | null {
  if (e.isComposing || isTypingTarget(e.target)) return null;
  if (e.key === 'Escape' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) return 'close';
  for (const action of Object.keys(FIGURE_COMMANDS) as FigureCommand[]) {
    if (isDefaultKey(e, action) && pageAnswersDefault(FIGURE_COMMANDS[action], shortcuts)) return action;
  }
  return null;
}

/** What to show for a command's key: the browser's shortcut, else the default the page answers. */
export function shortcutLabel(command: FigureCommand | 'note', shortcuts: Shortcuts): string {
  const name = command === 'note' ? NOTE_COMMAND : FIGURE_COMMANDS[command];
  return shortcuts[name] || DEFAULT_KEYS[command].label;
}
