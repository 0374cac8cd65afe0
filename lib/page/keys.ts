/**
 * Keyboard for figures: Alt+Shift+J / Alt+Shift+K step to the next / previous figure and open its
 * card (J/K: next/previous in many readers; Alt+Shift+N is the note command), Alt+Shift+O opens or closes the card of the current figure, Escape closes it.
 *
 * Why these keys: plain letters or arrows would fire while the reader types or scrolls; Ctrl and
 * Meta combinations belong to the browser. Alt+Shift with a letter is free in Chrome and Firefox
 * on every platform, and `code` (the physical key) is read rather than `key`, because on macOS
 * Alt turns some letters into dead keys. Nothing fires while focus is in a field the reader types into.
 */
export type FigureKeyAction = 'next' | 'previous' | 'toggle' | 'close';

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

export function figureKeyAction(e: KeyLike): FigureKeyAction | null {
  if (e.isComposing || isTypingTarget(e.target)) return null;
  if (e.key === 'Escape' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) return 'close';
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  switch (e.code) {
    case 'KeyJ':
      return 'next';
    case 'KeyK':
      return 'previous';
    case 'KeyO':
      return 'toggle';
    default:
      return null;
  }
}
