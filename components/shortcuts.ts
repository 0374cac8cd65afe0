/**
 * The browser's shortcuts for our commands, as the background last read them (commands.getAll is
 * not available to content scripts): kept in extension storage, so the card shows the keys the
 * reader actually has, and the page answers a default key only while the browser does not.
 */
import { browser } from 'wxt/browser';
import { SHORTCUTS_KEY, type Shortcuts } from '../lib/page';

function valid(value: unknown): Shortcuts {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && v.length <= 40)) as Shortcuts;
}

async function getShortcuts(): Promise<Shortcuts> {
  try {
    return valid((await browser.storage.local.get(SHORTCUTS_KEY))[SHORTCUTS_KEY]);
  } catch {
    return {};
  }
}

/** Calls `listener` now and with every change; returns a function that stops it. */
export function followShortcuts(listener: (s: Shortcuts) => void): () => void {
  const l = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SHORTCUTS_KEY]) listener(valid(changes[SHORTCUTS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(l);
  void getShortcuts().then(listener);
  return () => browser.storage.onChanged.removeListener(l);
}
