/**
 * The one language setting: the browser's language until the reader chooses, the choice read back
 * by every surface, changes told to listeners (only for our key and area), junk in storage ignored.
 */
import { describe, expect, it, vi } from 'vitest';
import { browserLanguage, languageSetting, LANGUAGE_KEY, type SettingsChanges } from '../../lib/settings/language';

function memoryStorage() {
  const data: Record<string, unknown> = {};
  const listeners = new Set<(c: SettingsChanges, area: string) => void>();
  return {
    data,
    area: {
      get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
      set: async (items: Record<string, unknown>) => {
        Object.assign(data, items);
        const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]));
        for (const l of listeners) l(changes, 'local');
      },
    },
    events: {
      addListener: (l: (c: SettingsChanges, a: string) => void) => listeners.add(l),
      removeListener: (l: (c: SettingsChanges, a: string) => void) => listeners.delete(l),
    },
    listeners,
  };
}

describe('the language setting', () => {
  it('follows the browser until the reader chooses, then the choice everywhere', async () => {
    const s = memoryStorage();
    const pageA = languageSetting(s.area, s.events, () => browserLanguage('zh-CN'));
    const pageB = languageSetting(s.area, s.events, () => browserLanguage('en-US'));
    expect(await pageA.get()).toBe('zh');
    expect(await pageB.get()).toBe('en');
    const heard = vi.fn();
    const stop = pageB.onChange(heard);
    await pageA.set('en');
    expect(heard).toHaveBeenCalledWith('en');
    expect(await pageA.get()).toBe('en');
    stop();
    await pageA.set('zh');
    expect(heard).toHaveBeenCalledTimes(1);
    expect(await pageB.get()).toBe('zh');
  });

  it('ignores other keys, other areas and values that are not a language', async () => {
    const s = memoryStorage();
    const setting = languageSetting(s.area, s.events, () => 'en');
    const heard = vi.fn();
    setting.onChange(heard);
    for (const l of s.listeners) {
      l({ other: { newValue: 'zh' } }, 'local');
      l({ [LANGUAGE_KEY]: { newValue: 'zh' } }, 'sync');
      l({ [LANGUAGE_KEY]: { newValue: 'fr' } }, 'local');
    }
    expect(heard).not.toHaveBeenCalled();
    s.data[LANGUAGE_KEY] = '<script>';
    expect(await setting.get()).toBe('en');
  });

  it('falls back to the browser language when storage fails', async () => {
    const setting = languageSetting(
      { get: () => Promise.reject(new Error('gone')), set: async () => {} },
      { addListener() {}, removeListener() {} },
      () => 'zh',
    );
    expect(await setting.get()).toBe('zh');
    expect(browserLanguage(undefined)).toBe('en');
    expect(browserLanguage('zh-TW')).toBe('zh');
  });
});
