/**
 * Import rules (`npm run deps`), the layers ARCHITECTURE.md draws:
 * - no cycles between the folders of lib/ (nor between modules anywhere);
 * - the engine imports only the engine: no extension APIs (wxt, browser, Dexie, Preact), no
 *   storage, no page code, no Node built-ins, so it runs alike in Node, workers and content scripts.
 * A new engine module goes into ENGINE.
 */
const ENGINE = ['^lib/(text|detection|report|extraction|linking|lexicon|catalogue)/', '^lib/(model|analysis|kinds)\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles-in-lib',
      comment: 'A folder of lib/ imports another only if that one does not import it back, through any path.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^lib/[^/]+' },
      to: { circular: true, path: '^lib/[^/]+' },
    },
    {
      name: 'no-module-cycles',
      comment: 'Modules that load each other at run time. A type imported back (erased at build) is allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'engine-imports-only-engine',
      comment: 'The engine (ENGINE above) is pure TypeScript: it imports nothing outside itself.',
      severity: 'error',
      from: { path: ENGINE },
      to: { pathNot: ENGINE },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|cli/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
