/**
 * The reader's interface language, one setting for every surface: extension pages, the card, the
 * note editor, the context menu and exports. Kept in the extension's storage (shared by pages,
 * content scripts and the background, and told to all of them when it changes), under one key.
 * Without a choice, the browser's language decides.
 *
 * Pure: the storage area and its change event are passed in (browser.storage.local in the
 * extension, a map in tests).
 */
export type Lang = 'zh' | 'en';

export const LANGUAGE_KEY = 'language';

export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export type SettingsChanges = Record<string, { newValue?: unknown }>;

export interface SettingsChangeEvent {
  addListener(listener: (changes: SettingsChanges, areaName: string) => void): void;
  removeListener(listener: (changes: SettingsChanges, areaName: string) => void): void;
}

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** Chinese for any zh-* browser language, English otherwise. */
export function browserLanguage(language: string | undefined): Lang {
  return /^zh/i.test(language ?? '') ? 'zh' : 'en';
}

export interface LanguageSetting {
  /** The saved choice, or the browser's language. */
  get(): Promise<Lang>;
  set(lang: Lang): Promise<void>;
  /** Calls `listener` with every new choice (from any surface); returns a function that stops it. */
  onChange(listener: (lang: Lang) => void): () => void;
}

export function languageSetting(area: SettingsArea, changes: SettingsChangeEvent, fallback: () => Lang, areaName = 'local'): LanguageSetting {
  return {
    async get() {
      try {
        const saved = (await area.get(LANGUAGE_KEY))[LANGUAGE_KEY];
        return isLang(saved) ? saved : fallback();
      } catch {
        // Storage unavailable (a content script whose extension was reloaded): the browser's language.
        return fallback();
      }
    },
    set: (lang) => area.set({ [LANGUAGE_KEY]: lang }),
    onChange(listener) {
      const l = (c: SettingsChanges, name: string) => {
        const next = c[LANGUAGE_KEY]?.newValue;
        if (name === areaName && isLang(next)) listener(next);
      };
      changes.addListener(l);
      return () => changes.removeListener(l);
    },
  };
}
