/**
 * Debian's Chromium as the end-to-end tests and the browser benches start it: the path, and the
 * flags that keep a headless profile quiet (no GPU, no first-run pages, no background fetches or
 * updates) with the built extension loaded, or with extensions off for a page without Zhibiao.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const QUIET = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch flags with the extension built at `extension` loaded alone, or none when it is null. */
export function chromiumArgs(extension: string | null): string[] {
  return [...QUIET, ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : ['--disable-extensions'])];
}
