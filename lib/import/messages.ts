/**
 * `import/text`: an extension page (the library's import, the popup's "Analyse this PDF") hands the
 * background a document's text and where it came from; the background analyses and indexes it
 * (index-text.ts) and says what became of it. Extension pages only: a web page has no business
 * adding reports under a name of its choosing (lib/messages/validate.ts allows the prefix to
 * extension senders alone).
 */
import type { ZhibiaoDB } from '../storage/db';
import { InvalidMessageError, LIMITS } from '../messages/validate';
import { importText, type ImportOutcome } from './index-text';

export interface ImportTextRequest {
  type: 'import/text';
  /** The file's name, or the http(s) address of a PDF read from a tab. */
  source: string;
  text: string;
  title?: string;
  url?: string;
}

declare module '../messages/types' {
  interface BackgroundMessages {
    'import/text': { request: ImportTextRequest; response: ImportOutcome };
  }
}

function optionalString(x: unknown, path: string, max: number): string | undefined {
  if (x === undefined || x === null) return undefined;
  if (typeof x !== 'string') throw new InvalidMessageError(`${path} must be a string`);
  if (x.length > max) throw new InvalidMessageError(`${path} is longer than ${max} characters`);
  return x;
}

/** A clean copy of an `import/*` request, or InvalidMessageError. */
export function validateImportRequest(o: Record<string, unknown>): ImportTextRequest {
  if (o.type !== 'import/text') throw new InvalidMessageError(`type "${String(o.type).slice(0, LIMITS.typeLength)}" is not a known import request`);
  const source = optionalString(o.source, 'source', LIMITS.urlLength);
  if (!source || !source.trim()) throw new InvalidMessageError('source must name the file or address');
  const text = optionalString(o.text, 'text', LIMITS.textLength);
  if (text === undefined) throw new InvalidMessageError('text must be a string');
  if (text.trim() === '') throw new InvalidMessageError('text is empty');
  const url = optionalString(o.url, 'url', LIMITS.urlLength);
  return {
    type: 'import/text',
    source,
    text,
    title: optionalString(o.title, 'title', LIMITS.titleLength),
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
  };
}

export function handleImportRequest(db: ZhibiaoDB, req: ImportTextRequest): Promise<ImportOutcome> {
  return importText(db, { source: req.source, text: req.text, title: req.title, url: req.url });
}
