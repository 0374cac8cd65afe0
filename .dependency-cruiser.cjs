/**
 * Import rules (`npm run deps`), the layers ARCHITECTURE.md draws:
 * - each layer imports only the layers below it (LAYERS, lowest first);
 * - no cycles between the folders of lib/ (nor between modules anywhere at run time);
 * - the engine imports only the engine: no extension APIs (wxt, browser, Dexie, Preact), no
 *   storage, no page code, no Node built-ins, so it runs alike in Node, workers and content scripts;
 * - every module of lib/ belongs to a layer: a new folder is placed in LAYERS (and ARCHITECTURE.md).
 */
const ENGINE = ['^lib/(text|detection|report|extraction|linking|lexicon|catalogue|meaning)/', '^lib/(model|analysis|kinds)\\.ts$'];

/**
 * The layers of ARCHITECTURE.md, lowest first. A folder imports any lower layer, never a higher
 * one; within a layer, folders may import each other one way (the cycle rule decides).
 */
const LAYERS = [
  { name: 'engine', path: ENGINE },
  { name: 'pure helpers', path: ['^lib/(address|decoding|settings)/', '^lib/import/(document|pdf|docx|source|limits)[.]ts$'] },
  { name: 'messages and anchoring', path: ['^lib/(messages|anchoring)/'] },
  { name: 'store and painting', path: ['^lib/(storage|highlights)/'] },
  { name: 'notes, views and the page', path: ['^lib/(notes|views|page)/'] },
  { name: 'backup and export', path: ['^lib/(backup|export)/'] },
  { name: 'request handlers', path: ['^lib/notes-handler/', '^lib/import/(index-text|messages)[.]ts$'] },
  { name: 'components', path: ['^components/'] },
  { name: 'surfaces', path: ['^entrypoints/', '^cli/'] },
];

/** One rule per layer: nothing in it imports a layer above it. */
const upwards = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-import-above-${layer.name.replace(/\W+/g, '-')}`,
  comment: `${layer.name} imports only layers below it (ARCHITECTURE.md)`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(i + 1).flatMap((above) => above.path) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upwards,
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
      // OpenCC's conversion tables are plain data and code, pure like the engine.
      to: { pathNot: [...ENGINE, '^node_modules/opencc-js/'] },
    },
    {
      name: 'content-scripts-without-the-store',
      comment: "A content script runs in the page: the database, backups and the notes handler are the background's (their types may be imported).",
      severity: 'error',
      from: { path: '^entrypoints/[^/]+[.]content/' },
      to: { path: '^lib/(storage|backup|notes-handler)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'through-the-folder-index',
      comment:
        "A lib folder's index.ts is its public face: code outside the folder imports the folder, not its files. " +
        'Tests and benches may reach inside; a lazy import() of a heavy module may too. lib/import is the exception: its files sit in two layers.',
      severity: 'error',
      from: { path: '^(lib/[^/]+/|entrypoints/|components/|cli/)' },
      to: { path: '^lib/[^/]+/(?!index[.]ts$)', pathNot: ['^$1', '^lib/import/'], dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'lib-module-in-a-layer',
      comment: 'Every module of lib/ is placed in a layer (LAYERS above), so the layer rules see it.',
      severity: 'error',
      from: { path: '^lib/', pathNot: LAYERS.flatMap((layer) => layer.path) },
      to: {},
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
