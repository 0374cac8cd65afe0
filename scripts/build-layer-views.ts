/**
 * Builds the in-page layer's views (entrypoints/inpage.content/views.tsx) as one ES module beside
 * the in-page script, which imports it when a page first has something to draw. WXT bundles each
 * content script into one classic script and has no way to split one (its docs: "WXT does not yet
 * include built-in support for bundling content scripts as ESM"), so this runs after WXT's build
 * (wxt.config.ts, hook `build:done`) and adds the file to the manifest as a web-accessible
 * resource, which a content script's import() needs.
 *
 * In Chrome the file is reachable only at the extension's per-session address (`use_dynamic_url`),
 * so a page cannot probe for it to learn that Zhibiao is installed; Firefox gives every
 * installation its own address already, and its manifest has no such key.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where the in-page script finds it (VIEWS_FILE in entrypoints/inpage.content/index.ts). */
const LAYER_VIEWS_FILE = 'content-scripts/inpage-views.js';

const SOURCE = fileURLToPath(new URL('../entrypoints/inpage.content/views.tsx', import.meta.url));

/** Pages the in-page script runs on (its `matches`): the pages that may load the views. */
const PAGES = ['http://*/*', 'https://*/*'];

export async function buildLayerViews(outDir: string): Promise<void> {
  await build({
    entryPoints: [SOURCE],
    outfile: join(outDir, LAYER_VIEWS_FILE),
    bundle: true,
    format: 'esm',
    minify: true,
    // The browsers the manifest admits (Chrome's Highlight API, Firefox 142).
    target: ['chrome105', 'firefox142'],
    // JSX for Preact, as tsconfig.json says; the loader only is told the file's name.
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

interface ManifestWithResources {
  web_accessible_resources?: unknown[];
}

/** Adds the views file to the manifest's web-accessible resources (MV3 form; WXT writes MV2's). */
export function addLayerViewsResource(manifest: ManifestWithResources, browser: string): void {
  const entry: Record<string, unknown> = { resources: [LAYER_VIEWS_FILE], matches: PAGES };
  if (browser === 'chrome') entry.use_dynamic_url = true;
  manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), entry];
}
