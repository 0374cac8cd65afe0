/**
 * "Analyse this PDF": the PDF a tab shows, fetched once on the reader's click and read with pdf.js
 * in the popup, then indexed by the background (`import/text`) under the PDF's own address.
 *
 * This fetch is the only network request Zhibiao ever makes, and only when the reader asks: the
 * extension holds no host permissions; `activeTab`, granted by the click on the toolbar button,
 * lets the popup read the address of the tab and fetch it. The response is read as bytes, never
 * run, and refused when it is not a PDF or larger than a report can be.
 */
import type { BackgroundClient } from '../lib/messages';
import { documentText, readFailure, type DocumentReaders } from '../lib/import/document';
import type { ImportOutcome } from '../lib/import/index-text';
import { MAX_INPUT_BYTES } from '../lib/import/limits';
// The `import/text` message's types (a type import: at run time it would pull the engine in).
import type {} from '../lib/import/messages';

class PdfTabError extends Error {}

export async function analysePdfTab(url: string, deps: { fetch: typeof fetch; readers: DocumentReaders; client: BackgroundClient }): Promise<ImportOutcome> {
  let bytes: Uint8Array;
  try {
    const response = await deps.fetch(url, { credentials: 'include', cache: 'force-cache' });
    if (!response.ok) throw new PdfTabError(`the server answered ${response.status} ${response.statusText}`.trim());
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_INPUT_BYTES) throw new PdfTabError(`the PDF is too large (${Math.round(length / 1048576)} MB)`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    if (err instanceof PdfTabError) throw err;
    throw new PdfTabError(`could not fetch the PDF (${err instanceof Error ? err.message : String(err)})`);
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new PdfTabError(`the PDF is too large (${Math.round(bytes.length / 1048576)} MB)`);
  let doc;
  try {
    // Named .pdf whatever the address says: a PDF served as /download?id=3 still starts with %PDF-.
    doc = await documentText('tab.pdf', bytes, deps.readers);
  } catch (err) {
    throw new PdfTabError(readFailure(err) ?? (err instanceof Error ? err.message : String(err)));
  }
  return deps.client.request({ type: 'import/text', source: url, text: doc.text, title: doc.title });
}
