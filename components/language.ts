/**
 * The language setting (lib/settings/language.ts) bound to browser.storage.local: the one module
 * every surface reads it from. `followLanguage` puts the choice into the interface's `lang`
 * signal and keeps it there as the reader changes it anywhere; exports and the background read
 * it with `getLanguage` and `onLanguageChange`.
 */
import { browser } from 'wxt/browser';
import { browserLanguage, languageSetting, type Lang, type LanguageSetting } from '../lib/settings';
import { setLang } from './i18n';

let setting: LanguageSetting | null = null;

function languageStore(): LanguageSetting {
  setting ??= languageSetting(browser.storage.local, browser.storage.onChanged, () =>
    browserLanguage(typeof navigator !== 'undefined' ? navigator.language : browser.i18n.getUILanguage()),
  );
  return setting;
}

export const getLanguage = (): Promise<Lang> => languageStore().get();
export const setLanguage = (lang: Lang): Promise<void> => languageStore().set(lang);
export const onLanguageChange = (listener: (lang: Lang) => void): (() => void) => languageStore().onChange(listener);

/** Applies the saved language now and every later change; returns a function that stops following. */
export async function followLanguage(): Promise<() => void> {
  const stop = onLanguageChange(setLang);
  setLang(await getLanguage());
  return stop;
}
