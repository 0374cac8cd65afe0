/**
 * One CLI input (a file path or `-` for stdin) → the text the engine analyses.
 *
 * Everything that can go wrong with an input becomes an InputError carrying a one-line reason
 * ("file is empty", "is a directory"), so the CLI can print `zhibiao: FILE: reason` and stop
 * before writing anything to stdout.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { decodeBytes, declaredHtmlCharset, DecodingError, looksLikeHtml } from '../lib/decoding';
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

/** Report files are well under a megabyte; anything this large is not one, and would only be slow. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);

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
  if (info.size > MAX_INPUT_BYTES) throw new InputError(name, `file is too large (${(info.size / 1048576).toFixed(0)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)`);
  try {
    return await readFile(path);
  } catch (err) {
    throw new InputError(name, describeFsError(err));
  }
}

/** Turns an HTML page into its readable text (jsdom is loaded only when an HTML input appears). */
async function htmlToText(name: string, html: string): Promise<{ text: string; title: string; url: string | null }> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  // A silent console: page scripts never run, but jsdom reports CSS it cannot parse, which
  // would otherwise end up on our stderr as noise.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    const page = readableText(dom.window.document);
    if (page.text.trim() === '') throw new InputError(name, 'the HTML page holds no readable text');
    return { text: page.text, title: page.title, url: page.url };
  } finally {
    dom.window.close();
  }
}

export async function readInput(name: string, options: { cwd: string; readStdin: () => Promise<Uint8Array> }): Promise<InputText> {
  const bytes = await readBytes(name, options.cwd, options.readStdin);
  const ext = name === '-' ? '' : extname(name).toLowerCase();
  const html = HTML_EXTENSIONS.has(ext) || (!TEXT_EXTENSIONS.has(ext) && looksLikeHtml(bytes));
  let decoded;
  try {
    decoded = decodeBytes(bytes, { declared: html ? declaredHtmlCharset(bytes) : null });
  } catch (err) {
    if (err instanceof DecodingError) throw new InputError(name, name === '-' && err.reason === 'empty' ? 'input is empty' : err.message);
    throw err;
  }
  const base = { name, encoding: decoded.encoding, bom: decoded.bom };
  if (!html) return { ...base, text: decoded.text, html: false };
  const page = await htmlToText(name, decoded.text);
  return { ...base, text: page.text, html: true, title: page.title || undefined, url: page.url ?? undefined };
}
