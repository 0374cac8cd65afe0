/**
 * Builds the in-page modules beside the content script: `content-scripts/inpage/start.js`
 * (entrypoints/inpage.content/start.ts, the figures and notes of a page), which the content
 * script imports and starts, and `views.js` (views.tsx, what the layer draws with Preact), which
 * start.js imports the first time a page has something to draw.
 *
 * Why modules: the browser parses a module off the page's main thread, while a content script is
 * compiled in the page's own task (20–40 ms of a long task on a browser just started); and most
 * pages never draw anything, so the views need not be loaded at all. WXT bundles each content
 * script into one classic script and cannot split one (its docs: "WXT does not yet include
 * built-in support for bundling content scripts as ESM"), so this runs after WXT's build
 * (wxt.config.ts, hook `build:done`) and lists the files in the manifest as web-accessible
 * resources, which a content script's import() needs.
 *
 * `npm run dev` (WXT's dev server) builds them when it starts and not again: WXT's watcher rebuilds
 * what its entrypoints import, and the content script imports these by address only. After
 * changing them, start it again (or run `npm run build`).
 *
 * In Chrome the files are reachable only at the extension's per-session address
 * (`use_dynamic_url`), so a page cannot probe for them to learn that Zhibiao is installed; Firefox
 * gives every installation its own address already, and its manifest has no such key.
 */
import preact from '@preact/preset-vite';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Where the content script finds them (START_FILE in entrypoints/inpage.content/index.ts). */
const FOLDER = 'content-scripts/inpage';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCES = join(ROOT, 'entrypoints/inpage.content');

/** Pages the content script runs on (its `matches`): the pages that may load the modules. */
const PAGES = ['http://*/*', 'https://*/*'];

/** With Vite, as WXT builds the rest: the same Preact JSX, `?inline` stylesheets and tree-shaking. */
export async function buildInpage(outDir: string): Promise<void> {
  // One build per module, each whole: a chunk they shared would be imported by a relative
  // address, which Chrome resolves to the extension's fixed address, not the per-session one.
  for (const entry of ['start.ts', 'views.tsx']) await buildModule(outDir, entry);
}

async function buildModule(outDir: string, entry: string): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [preact()],
    publicDir: false,
    build: {
      outDir: join(outDir, FOLDER),
      emptyOutDir: false,
      // The browsers the manifest admits (Chrome's Highlight API, Firefox 142).
      target: ['chrome105', 'firefox142'],
      modulePreload: false,
      rollupOptions: {
        input: { [entry.replace(/\.tsx?$/, '')]: join(SOURCES, entry) },
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true },
      },
    },
  });
}

interface ManifestWithResources {
  web_accessible_resources?: unknown[];
}

/** Lists the modules as web-accessible resources (MV3 form; WXT writes MV2's for Firefox). */
export function addInpageResources(manifest: ManifestWithResources, browser: string): void {
  const entry: Record<string, unknown> = { resources: [`${FOLDER}/*`], matches: PAGES };
  if (browser === 'chrome') entry.use_dynamic_url = true;
  manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), entry];
}
