/**
 * One file picked or dropped on the library page → its text (read here, in the page: pdf.js and
 * mammoth run beside the page, not in the background's service worker) → the background, which
 * analyses and indexes it as a visited page (lib/import: `import/text`). The answer is one
 * result per file, never an exception: one unreadable file must not stop an import of fifty.
 */
import type { BackgroundClient } from '../lib/messages';
import { documentText, readFailure, type DocumentReaders } from '../lib/import/document';
import { MAX_INPUT_BYTES } from '../lib/import/limits';
import type { ImportOutcome } from '../lib/import/index-text';
// The `import/text` message's types (a type import: at run time it would pull the engine in).
import type {} from '../lib/import/messages';

export type ImportStatus = ImportOutcome['status'] | 'unreadable' | 'failed';

export interface ImportResult {
  name: string;
  status: ImportStatus;
  /** Why a file was unreadable or failed, in words. */
  reason?: string;
  reportId?: string;
  figureCount?: number;
}

/** The bytes of a picked file (a Blob in tests has arrayBuffer too). */
export type PickedFile = Pick<File, 'name' | 'size' | 'arrayBuffer'>;

export function fileImporter(client: BackgroundClient, readers: DocumentReaders): (file: PickedFile) => Promise<ImportResult> {
  return async (file) => {
    const name = file.name;
    if (file.size > MAX_INPUT_BYTES) {
      return {
        name,
        status: 'unreadable',
        reason: `the file is too large (${Math.round(file.size / 1048576)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)`,
      };
    }
    let doc;
    try {
      doc = await documentText(name, new Uint8Array(await file.arrayBuffer()), readers);
    } catch (err) {
      return { name, status: 'unreadable', reason: readFailure(err) ?? (err instanceof Error ? err.message : String(err)) };
    }
    try {
      const outcome = await client.request({ type: 'import/text', source: name, text: doc.text, title: doc.title, url: doc.url });
      return { name, ...outcome };
    } catch (err) {
      // Storage full, a text over the size limit: nothing of this file was added (one transaction).
      return { name, status: 'failed', reason: err instanceof Error ? err.message : String(err) };
    }
  };
}
