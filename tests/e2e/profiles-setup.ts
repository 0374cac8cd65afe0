/**
 * Global setup of the e2e project: every Chromium profile of the run is made inside one temporary
 * folder (tests/e2e/browser.ts asks for it with `inject`), removed when the run ends, so runs
 * leave no profiles (3–7 MB each) in the temp folder, also when a test fails half-way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    profilesRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'zhibiao-e2e-'));
  project.provide('profilesRoot', root);
  return () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
