/**
 * One CLI input (a file path or `-` for stdin) → the text the engine analyses (.txt, .html, .pdf,
 * .docx: lib/import/document.ts).
 *
 * Everything that can go wrong with an input becomes an InputError carrying a one-line reason
 * ("file is empty", "is a directory"), so the CLI can print `zhibiao: FILE: reason` and stop
 * before writing anything to stdout.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DecodingError } from '../lib/decoding';
import { documentText, readFailure, type DocumentReaders, type MammothLike, type PdfJsLike } from '../lib/import/document';
import { MAX_INPUT_BYTES } from '../lib/import/limits';
import { readableText } from '../lib/page';

export class InputError extends Error {
  /** The input as the user named it ("-" for stdin). */
  readonly input: string;
  constructor(input: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.input = input;
  }
}

export interface InputText {
  /** As the user named it: a path, or "-". */
  name: string;
  /** The analysed text: the decoded file without its BOM, or an HTML page's readable text. */
  text: string;
  encoding: string;
  bom: boolean;
  html: boolean;
  /** The HTML page's title and address, as hints for detection and metadata. */
  title?: string;
  url?: string;
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return (err as Error)?.message?.split('\n')[0] ?? String(err);
  }
}

async function readBytes(name: string, cwd: string, readStdin: () => Promise<Uint8Array>): Promise<Uint8Array> {
  if (name === '-') return readStdin();
  const path = resolve(cwd, name);
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new InputError(name, describeFsError(err));
  }
  if (info.isDirectory()) throw new InputError(name, 'is a directory');
  if (!info.isFile()) throw new InputError(name, 'is not a regular file');
  if (info.size > MAX_INPUT_BYTES)
    throw new InputError(name, `file is too large (${(info.size / 1048576).toFixed(0)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)`);
  try {
    return await readFile(path);
  } catch (err) {
    throw new InputError(name, describeFsError(err));
  }
}

/** Turns an HTML page into its readable text (jsdom is loaded only when an HTML input appears). */
async function htmlToText(html: string): Promise<{ text: string; title: string; url: string | null }> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  // A silent console: page scripts never run, but jsdom reports CSS it cannot parse, which
  // would otherwise end up on our stderr as noise.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    return readableText(dom.window.document);
  } finally {
    dom.window.close();
  }
}

/** The Node side of lib/import: jsdom for HTML, pdf.js's legacy build (for Node), mammoth. */
export const NODE_READERS: DocumentReaders = {
  htmlToText,
  pdfjs: async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJsLike,
  mammoth: async () => ((await import('mammoth')) as unknown as { default: MammothLike }).default,
};

export async function readInput(name: string, options: { cwd: string; readStdin: () => Promise<Uint8Array> }): Promise<InputText> {
  const bytes = await readBytes(name, options.cwd, options.readStdin);
  let doc;
  try {
    doc = await documentText(name === '-' ? '' : name, bytes, NODE_READERS);
  } catch (err) {
    if (err instanceof DecodingError && name === '-' && err.reason === 'empty') throw new InputError(name, 'input is empty');
    const reason = readFailure(err);
    if (reason !== null) throw new InputError(name, reason);
    throw err;
  }
  return { name, text: doc.text, encoding: doc.encoding, bom: doc.bom, html: doc.format === 'html', title: doc.title, url: doc.url };
}
