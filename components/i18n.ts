/**
 * Interface language: Chinese or English, following the browser unless the reader chose one.
 *
 * Strings are written in pairs where they are used (`tr('目标', 'Target')`) rather than in one
 * key table: each component keeps its own wording, and a missing translation cannot happen.
 *
 * The current language is a plain value with listeners, not a reactive signal: whoever draws an
 * interface draws it again when the language changes (extension pages through `renderPage`, the
 * in-page card, legend and editor through their own redraw). The signals library and its hooks
 * into Preact were a third of the in-page script's start-up work on every page.
 */
export type Lang = 'zh' | 'en';

function browserLang(): Lang {
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'zh-CN';
  return /^zh/i.test(nav) ? 'zh' : 'en';
}

/** Unset until first read or set: most pages never show a word of ours. */
let current: Lang | null = null;
const listeners = new Set<(lang: Lang) => void>();

/** The current language. */
export function currentLang(): Lang {
  return (current ??= browserLang());
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  for (const listener of [...listeners]) listener(next);
}

/** Calls `listener` after each change of language; returns a function that stops. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The string for the current language. */
export function tr(zh: string, en: string): string {
  return currentLang() === 'zh' ? zh : en;
}
