/**
 * `import/text`: an extension page (the library's import, the popup's "Analyse this PDF") hands the
 * background a document's text and where it came from; the background analyses and indexes it
 * (index-text.ts) and says what became of it. Extension pages only: a web page has no business
 * adding reports under a name of its choosing (lib/messages/validate.ts allows the prefix to
 * extension senders alone).
 */
import type { ZhibiaoDB } from '../storage';
import type { ImportTextRequest } from '../messages';
import { importText, type ImportOutcome } from './index-text';

export type { ImportTextRequest };

declare module '../messages/types' {
  interface BackgroundMessages {
    'import/text': { request: ImportTextRequest; response: ImportOutcome };
  }
}

export function handleImportRequest(db: ZhibiaoDB, req: ImportTextRequest): Promise<ImportOutcome> {
  return importText(db, { source: req.source, text: req.text, title: req.title, url: req.url });
}
