/**
 * Interface language: Chinese or English, following the browser unless the reader chose one.
 *
 * Strings are written in pairs where they are used (`tr('目标', 'Target')`) rather than in one
 * key table: each component keeps its own wording, and a missing translation cannot happen.
 */
import { signal } from '@preact/signals';

export type Lang = 'zh' | 'en';

function browserLang(): Lang {
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'zh-CN';
  return /^zh/i.test(nav) ? 'zh' : 'en';
}

/** The current language; components that read it re-render when it changes. */
export const lang = signal<Lang>(browserLang());

export function setLang(next: Lang): void {
  lang.value = next;
}

/** The string for the current language. */
export function tr(zh: string, en: string): string {
  return lang.value === 'zh' ? zh : en;
}
