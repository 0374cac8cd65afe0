#!/usr/bin/env node
/**
 * Bundles the `zhibiao` command with esbuild into cli/dist/ (git-ignored), so `npx zhibiao`
 * starts in plain Node without compiling TypeScript on every run (tsx stays for development:
 * `npm run -s cli …`). Run by `postinstall` and `npm run build:cli`; `node scripts/build-cli.mjs DIR`
 * writes the bundles to DIR instead (the tests do).
 *
 * To bundle another entry (a worker thread's file, say), add it to ENTRIES: `in` is the source,
 * `out` the name of the bundle in cli/dist/ (`out: 'panel-worker'` → cli/dist/panel-worker.mjs).
 * Code running from a bundle finds its siblings with `new URL('./panel-worker.mjs', import.meta.url)`.
 */
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENTRIES = [
  { in: 'cli/main.ts', out: 'main' },
  // The panel's worker threads (cli/panel/pool.ts workerEntry finds it beside main.mjs).
  { in: 'cli/panel/worker.ts', out: 'panel-worker' },
];

/**
 * Left to Node to load at run time: jsdom reads its own files from disk (and is loaded only for
 * HTML input), DuckDB is a native module, pdf.js loads its worker by file name.
 */
const EXTERNAL = ['jsdom', '@duckdb/node-api', 'pdfjs-dist'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUTDIR = resolve(root, 'cli/dist');

export async function buildCli({ outdir = DEFAULT_OUTDIR, entries = ENTRIES } = {}) {
  await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS dependencies bundled into an ES module still call `require` for Node's built-ins.
    banner: { js: "import { createRequire as __zhibiaoRequire } from 'node:module'; const require = __zhibiaoRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli(process.argv[2] ? { outdir: resolve(process.argv[2]) } : {});
}
