/**
 * Real Chromium with the built extension loaded, for end-to-end tests.
 * Build first (`npm run test:e2e` does); each call gets a profile directory of its own unless
 * one is passed (to test that the index survives a restart on the same profile).
 */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { inject } from 'vitest';
import { mkdtempSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, chromiumArgs } from '../chromium';

export const EXTENSION_DIR = resolve(__dirname, '../..', process.env.ZHIBIAO_OUT_DIR ?? '.output', 'chrome-mv3');
export const ARTIFACTS_DIR = resolve(__dirname, '../../test-artifacts');
export { CHROMIUM };

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  profileDir: string;
  close(): Promise<void>;
}

/** A fresh profile inside the run's profile folder, which tests/e2e/profiles-setup.ts removes at the end. */
export function newProfileDir(): string {
  return mkdtempSync(join(inject('profilesRoot') ?? tmpdir(), 'zhibiao-profile-'));
}

export async function launchWithExtension(profileDir = newProfileDir()): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(EXTENSION_DIR),
  });
  // Highlight names carry a per-installation suffix (lib/highlights/install-names.ts): tests find
  // them in the page by their kind, as `zbName('target')`.
  await context.addInitScript(() => {
    (window as unknown as { zbName(kind: string): string }).zbName = (kind: string) =>
      [...((CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.keys() ?? [])].find((k) => new RegExp(`^zb[a-z0-9]+-${kind}$`).test(k)) ??
      `none-${kind}`;
  });
  let [serviceWorker] = context.serviceWorkers();
  if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker');
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, profileDir, close: () => context.close() };
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
