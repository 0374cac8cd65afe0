/**
 * The Chinese / English switch. The choice is kept in the extension's localStorage (shared by every
 * extension page, synchronous, so the first render is already in the chosen language).
 */
import { useEffect } from 'preact/hooks';
import { lang, setLang, tr, type Lang } from './i18n';

const KEY = 'zhibiao.lang';

/** Applies a saved choice, if any; call before the first render. */
export function restoreLangChoice(): void {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (saved === 'zh' || saved === 'en') setLang(saved);
  } catch {
    // Storage can be unavailable (blocked, or in tests): the browser's language stays.
  }
}

export function chooseLang(next: Lang): void {
  setLang(next);
  try {
    globalThis.localStorage?.setItem(KEY, next);
  } catch {
    // Not saved; the choice still holds for this page.
  }
}

export function LanguageSwitch() {
  const current = lang.value;
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  }, [current]);
  return (
    <div class="lang-switch" role="group" aria-label={tr('界面语言', 'Interface language')}>
      <button type="button" lang="zh-CN" aria-pressed={current === 'zh'} onClick={() => chooseLang('zh')}>
        中文
      </button>
      <button type="button" lang="en" aria-pressed={current === 'en'} onClick={() => chooseLang('en')}>
        English
      </button>
    </div>
  );
}
