/**
 * What every extension page does before its first render: the kind table's colours, and the
 * reader's language from the one setting in extension storage, followed as it changes.
 */
import { render, type VNode } from 'preact';
import { browser } from 'wxt/browser';
import { addKindStyle } from './kind-style';
import { saveLangChoiceWith } from './LanguageSwitch';
import { followLanguage, setLanguage } from './language';
import { isLang, LANGUAGE_KEY } from '../lib/settings';
import { onLangChange } from './i18n';

/** Before the setting moved to extension storage, pages kept the choice in their localStorage. */
const OLD_KEY = 'zhibiao.lang';

async function moveOldChoice(): Promise<void> {
  try {
    const old = globalThis.localStorage?.getItem(OLD_KEY);
    if (!isLang(old)) return;
    globalThis.localStorage.removeItem(OLD_KEY);
    if ((await browser.storage.local.get(LANGUAGE_KEY))[LANGUAGE_KEY] === undefined) await setLanguage(old);
  } catch {
    // Nothing to move, or storage unavailable: the browser's language stays.
  }
}

export async function setUpPage(doc: Document = document): Promise<void> {
  addKindStyle(doc);
  saveLangChoiceWith(setLanguage);
  await moveOldChoice();
  await followLanguage();
}

/**
 * Draws a page's view into `el`, and draws it again whenever the language changes (the switch on
 * this page, or the setting changed on another surface): every component reads its words with
 * `tr` as it renders, and the view keeps its state across the redraw. Returns a function that
 * stops following the language.
 */
export function renderPage(view: () => VNode, el: Element): () => void {
  render(view(), el);
  return onLangChange(() => render(view(), el));
}
