/**
 * The file import and "Analyse this PDF", loaded when first used. The text decoders, Readability
 * and the PDF and Word readers weigh more than the library and the popup themselves, and their
 * tables must not wait for code that runs only once the reader picks a file or asks for a PDF.
 *
 * Three dynamic imports, not one module re-exporting all three: Rollup placed the statically
 * imported dependencies of such a module (Readability, 90 kB of source) in the chunk that both
 * pages load at once. Each page imported on its own stays in its own chunk; only the small
 * decoders both importers share (lib/decoding, lib/import) still land in the pages' common chunk.
 */
import type { BackgroundClient } from '../lib/messages';
import type { ImportOutcome } from '../lib/import/index-text';
import type { ImportResult, PickedFile } from './import-file';

const readers = () => import('./document-readers').then((m) => m.BROWSER_READERS);

/** As `fileImporter` (import-file.ts), with the browser's readers, loaded on the first file. */
export function lazyFileImporter(client: BackgroundClient): (file: PickedFile) => Promise<ImportResult> {
  let importer: Promise<(file: PickedFile) => Promise<ImportResult>> | null = null;
  return async (file) => {
    importer ??= Promise.all([import('./import-file'), readers()]).then(([{ fileImporter }, browserReaders]) => fileImporter(client, browserReaders));
    let importFile: (file: PickedFile) => Promise<ImportResult>;
    try {
      importFile = await importer;
    } catch (err) {
      // The extension's own file failed to load (it was updated meanwhile): the next file tries again.
      importer = null;
      return { name: file.name, status: 'failed', reason: err instanceof Error ? err.message : String(err) };
    }
    return importFile(file);
  };
}

/** As `analysePdfTab` (pdf-tab.ts), with the page's fetch and the browser's readers, loaded on the click. */
export async function analysePdfTabLazily(url: string, client: BackgroundClient): Promise<ImportOutcome> {
  const [{ analysePdfTab }, browserReaders] = await Promise.all([import('./pdf-tab'), readers()]);
  return analysePdfTab(url, { fetch: (...a) => fetch(...a), readers: browserReaders, client });
}
