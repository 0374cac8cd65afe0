/**
 * Highlight names that differ per installation. The highlight registry and the page's styles
 * belong to the document, so a page could ask `getComputedStyle(el, '::highlight(zhibiao-target)')`
 * or `CSS.highlights.has(…)` whether Zhibiao is installed. So nothing is added to a page until
 * there is something to paint, and then under names made of a random suffix drawn once per
 * installation and kept in the extension's storage (which pages cannot read).
 */
export const SUFFIX_KEY = 'highlightSuffix';

/** The part of `browser.storage.local` used here. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function randomSuffix(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 10);
}

/** This installation's suffix, drawn and stored the first time it is asked for. */
export async function installSuffix(area: KeyValueArea, draw = randomSuffix): Promise<string> {
  const stored = (await area.get(SUFFIX_KEY))[SUFFIX_KEY];
  if (typeof stored === 'string' && /^[a-z0-9]{6,32}$/.test(stored)) return stored;
  const suffix = draw();
  await area.set({ [SUFFIX_KEY]: suffix });
  return suffix;
}

/** `zhibiao-target` under this installation's name (`zb<suffix>-target`). */
export function installName(name: string, suffix: string): string {
  return name.replace(/^zhibiao-/, `zb${suffix}-`);
}
