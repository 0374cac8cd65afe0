/**
 * A report file's bytes → the text the engine analyses, for every format Zhibiao reads: plain text
 * (any encoding lib/decoding detects), HTML (reduced to its readable text), PDF and Word .docx.
 * Used by the CLI (Node) and by the library page's import (browser); what differs between them —
 * the HTML parser, the pdf.js build, the mammoth build — is passed in, loaded only when a file of
 * that kind turns up.
 */
import { decodeBytes, declaredHtmlCharset, DecodingError, looksLikeHtml } from '../decoding';
import { docxText, type MammothLike } from './docx';
import { DocumentReadError, pdfText, type PdfJsLike } from './pdf';

export { DocumentReadError } from './pdf';
export type { PdfJsLike } from './pdf';
export type { MammothLike } from './docx';

export type DocumentFormat = 'text' | 'html' | 'pdf' | 'docx';

export interface DocumentText {
  text: string;
  format: DocumentFormat;
  /** How a text or HTML file was decoded ('utf-8', 'gb18030' …); 'pdf' / 'docx' for those. */
  encoding: string;
  bom: boolean;
  title?: string;
  url?: string;
}

export interface DocumentReaders {
  /** Parses HTML and returns its readable text (lib/page readableText on a DOM). */
  htmlToText(html: string): Promise<{ text: string; title: string; url: string | null }> | { text: string; title: string; url: string | null };
  pdfjs(): Promise<PdfJsLike>;
  mammoth(): Promise<MammothLike>;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);

/** Every file name ending the import and `panel` take when walking a folder. */
export const DOCUMENT_EXTENSIONS: readonly string[] = [...TEXT_EXTENSIONS, ...HTML_EXTENSIONS, '.pdf', '.docx'];

export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** %PDF- within the first bytes (some writers put junk before it). */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * Throws DocumentReadError (PDF, Word, an HTML page without text) or DecodingError (text that is
 * empty, binary or in no known encoding), each with a reason meant for the reader.
 */
export async function documentText(name: string, bytes: Uint8Array, readers: DocumentReaders): Promise<DocumentText> {
  const ext = extensionOf(name);
  if (ext === '.pdf' || (!ext && looksLikePdf(bytes))) {
    if (!looksLikePdf(bytes)) throw new DocumentReadError('not a PDF file (no %PDF- header)');
    const pdf = await pdfText(await readers.pdfjs(), bytes);
    return { text: pdf.text, format: 'pdf', encoding: 'pdf', bom: false, title: pdf.title };
  }
  if (ext === '.docx') {
    return { text: await docxText(await readers.mammoth(), bytes), format: 'docx', encoding: 'docx', bom: false };
  }
  if (ext === '.doc') throw new DocumentReadError('an old Word .doc file; save it as .docx or .txt');
  const html = HTML_EXTENSIONS.has(ext) || (!TEXT_EXTENSIONS.has(ext) && looksLikeHtml(bytes));
  const decoded = decodeBytes(bytes, { declared: html ? declaredHtmlCharset(bytes) : null });
  const base = { encoding: decoded.encoding, bom: decoded.bom };
  if (!html) return { ...base, text: decoded.text, format: 'text' };
  const page = await readers.htmlToText(decoded.text);
  if (page.text.trim() === '') throw new DocumentReadError('the HTML page holds no readable text');
  return { ...base, text: page.text, format: 'html', title: page.title || undefined, url: page.url ?? undefined };
}

/** The reason a file could not be read, in one line, or null when `err` is not a reading failure. */
export function readFailure(err: unknown): string | null {
  if (err instanceof DocumentReadError || err instanceof DecodingError) return err.message.split('\n')[0];
  return null;
}
