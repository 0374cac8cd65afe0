/**
 * What import-lazy.ts loads on first use, as one module: the importers and the browser's readers.
 * One dynamic import keeps the decoders and readers they share in the chunk loaded on use; two
 * would leave the shared part to the bundler, which placed it in a chunk every page loads.
 */
export { fileImporter } from './import-file';
export { analysePdfTab } from './pdf-tab';
export { BROWSER_READERS } from './document-readers';
