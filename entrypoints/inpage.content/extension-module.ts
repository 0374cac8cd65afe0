/**
 * Imports one of the extension's own modules (scripts/build-inpage.ts builds them) by its full
 * address, which in Chrome is the extension's per-session one.
 *
 * Written with the extension API's global: Mozilla's add-on linter accepts a dynamic import of
 * `chrome.runtime.getURL(…)` (or `browser.…`) as written, and WXT's `browser`, once bundled, is a
 * renamed variable.
 */
declare const chrome: { runtime: { getURL(path: string): string } };

export function importExtensionModule<T>(path: string): Promise<T> {
  return import(/* @vite-ignore */ chrome.runtime.getURL(path)) as Promise<T>;
}
