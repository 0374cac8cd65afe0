/** lib/settings: what the rest of the project uses of it. */
export { LANGUAGE_KEY, browserLanguage, isLang, languageSetting } from './language';
export type { Lang, LanguageSetting } from './language';
