/**
 * The Chinese / English switch. The choice is saved by whatever the page registered with
 * `saveLangChoiceWith` (extension pages: the language setting in extension storage, which every
 * surface follows: the card, the note editor, the context menu and exports).
 */
import { useEffect } from 'preact/hooks';
import { currentLang, setLang, tr, type Lang } from './i18n';

let save: ((next: Lang) => Promise<void>) | null = null;

/** Where a choice goes besides this page (set once by the page's setup). */
export function saveLangChoiceWith(saver: (next: Lang) => Promise<void>): void {
  save = saver;
}

export function chooseLang(next: Lang): void {
  setLang(next);
  // Not saved (storage unavailable): the choice still holds for this page.
  save?.(next).catch(() => {});
}

export function LanguageSwitch() {
  const current = currentLang();
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
