/**
 * Hand-written validators for messages reaching the background. A content script runs inside a
 * visited page, so anything it sends may have been shaped by that page: every field is checked
 * for type, size and range, unknown fields are dropped (validators return a clean copy), and a
 * message of an unknown type is refused. The caps are generous for real reports (a national
 * report is ~40k characters, Guangdong's ~100k) and small enough that one message cannot fill the
 * index. A page sends text, never analyses: the engine runs in the background (`index/analyse`).
 */
import type { PreviousPage } from '../report';
import { withoutControls } from './fields';
import { MAX_PAGE_HTML, type AnalysePageRequest, HistoryRequest, IndexRequest, ReportForUrlRequest } from './types';

export class InvalidMessageError extends Error {
  constructor(message: string) {
    super(`Invalid message: ${message}`);
    this.name = 'InvalidMessageError';
  }
}

export const LIMITS = {
  typeLength: 64,
  urlLength: 4096,
  titleLength: 1000,
  /** Characters of report text: ~10× the longest report read so far (Guangdong 2025, ~100k characters). */
  textLength: 1_000_000,
  /** A page's HTML sent for finding its report's span (the page sends none above this). */
  htmlLength: MAX_PAGE_HTML,
  /** Figure indexes a history request may name: ~15× the most a real report has (327). */
  figures: 5_000,
  /** A region's name as the engine reads it (广西壮族自治区 is 7 characters). */
  regionLength: 64,
  /** Generic bounds for messages whose payload its owner validates (notes/*, view/*). */
  depth: 8,
  nodes: 50_000,
  stringLength: 200_000,
} as const;

type Obj = Record<string, unknown>;

function fail(path: string, what: string): never {
  throw new InvalidMessageError(`${path} ${what}`);
}

function obj(x: unknown, path: string): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) fail(path, 'must be an object');
  return x as Obj;
}

function str(x: unknown, path: string, max: number): string {
  if (typeof x !== 'string') fail(path, 'must be a string');
  if (x.length > max) fail(path, `is longer than ${max} characters`);
  return x;
}

function int(x: unknown, path: string, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isInteger(x)) fail(path, 'must be an integer');
  if (x < min || x > max) fail(path, `must be between ${min} and ${max}`);
  return x;
}

/** A page address: http(s) or file, parsed, fragment dropped (notes and the index key pages without it). */
export function validateUrl(x: unknown, path = 'url'): string {
  const raw = str(x, path, LIMITS.urlLength);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    fail(path, 'is not an address');
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) fail(path, 'must be an http, https or file address');
  url.hash = '';
  return url.href;
}

/**
 * The previous page's identity, as the page recalled it from the background's memory of its tab
 * (lib/page/continuation.ts): what the engine takes from it is a region, a plan year and a section,
 * the same facts a page could state in its own text, so checking their shape is enough.
 */
function validateContinues(x: unknown, path: string): PreviousPage | undefined {
  if (x === undefined || x === null) return undefined;
  const o = obj(x, path);
  const section = o.section ?? null;
  if (section !== null && section !== 'review' && section !== 'plan') fail(`${path}.section`, 'must be review, plan or null');
  return {
    url: validateUrl(o.url, `${path}.url`),
    region: o.region === null || o.region === undefined ? null : str(o.region, `${path}.region`, LIMITS.regionLength),
    planYear: o.planYear === null || o.planYear === undefined ? null : int(o.planYear, `${path}.planYear`, 1949, 2100),
    section,
  };
}

/**
 * A page's main text to analyse: the text (capped), its title, its stated publication date and the
 * report it continues. Nothing the engine computes is accepted from a page; unknown fields are dropped.
 * `url` is kept for extension pages; the router replaces it with the sender's for content scripts.
 */
export function validateAnalysePage(o: Obj): AnalysePageRequest {
  const req: AnalysePageRequest = {
    type: 'index/analyse',
    text: str(o.text, 'text', LIMITS.textLength),
    title: str(o.title ?? '', 'title', LIMITS.titleLength),
  };
  // Only a string, capped: the background parses it into an inert document and keeps nothing of it.
  if (o.html !== undefined) req.html = str(o.html, 'html', LIMITS.htmlLength);
  if (o.published !== undefined && o.published !== null) {
    const published = str(o.published, 'published', 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(published)) fail('published', 'must be YYYY-MM-DD');
    req.published = published;
  }
  const continues = validateContinues(o.continues, 'continues');
  if (continues) req.continues = continues;
  if (o.force !== undefined) {
    if (typeof o.force !== 'boolean') fail('force', 'must be true or false');
    if (o.force) req.force = true;
  }
  if (o.url !== undefined) req.url = validateUrl(o.url);
  return req;
}

const REPORT_ID = /^[0-9a-f]{16,64}$/;

function reportId(x: unknown, path: string): string {
  const id = str(x, path, 64);
  if (!REPORT_ID.test(id)) fail(path, 'is not a report id');
  return id;
}

/** Validates an `index/*` request; refuses unknown `index/*` types. */
export function validateIndexRequest(x: unknown): IndexRequest {
  const o = obj(x, 'message');
  switch (o.type) {
    case 'index/analyse':
      return validateAnalysePage(o);
    case 'index/reportForUrl':
      return { type: 'index/reportForUrl', url: validateUrl(o.url) } satisfies ReportForUrlRequest;
    case 'index/history':
      return {
        type: 'index/history',
        reportId: reportId(o.reportId, 'reportId'),
        index: int(o.index, 'index', 0, LIMITS.figures - 1),
      } satisfies HistoryRequest;
    default:
      fail('type', `"${String(o.type).slice(0, LIMITS.typeLength)}" is not a known index request`);
  }
}

/**
 * Generic bounds for a payload whose owner checks its meaning (notes/*, view/*): plain data only
 * (no functions, no class instances other than arrays), bounded depth, node count and string size,
 * so a hostile page cannot make the background walk or store something huge.
 */
export function checkPlainData(x: unknown, path = 'message'): void {
  let nodes = 0;
  const walk = (v: unknown, p: string, depth: number): void => {
    if (++nodes > LIMITS.nodes) fail(path, `has more than ${LIMITS.nodes} values`);
    if (v === null || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) fail(p, 'must be a finite number');
      return;
    }
    if (typeof v === 'string') {
      if (v.length > LIMITS.stringLength) fail(p, `is longer than ${LIMITS.stringLength} characters`);
      return;
    }
    if (typeof v !== 'object') fail(p, 'must be plain data');
    if (depth >= LIMITS.depth) fail(p, `is nested deeper than ${LIMITS.depth} levels`);
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${p}[${i}]`, depth + 1));
      return;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) fail(p, 'must be plain data');
    for (const [k, item] of Object.entries(v as Obj)) walk(item, `${p}.${k}`, depth + 1);
  };
  walk(x, path, 0);
}

/** Who sent a message: a content script in a web page, or one of the extension's own pages. */
export type SenderKind = 'content' | 'extension';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * `extensionOrigin` is e.g. `chrome-extension://<id>/` (runtime.getURL('/')). A sender is an
 * extension page only when its address is under that origin: extension pages opened in a tab
 * carry `sender.tab` too, so the address, not the tab, decides. Null: not from this extension.
 */
export function classifySender(sender: SenderLike, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== undefined && sender.id !== extensionId) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) return 'extension';
  return 'content';
}

/** Which prefixes each sender may use. page/* goes to tabs, never to the background. */
const ALLOWED_PREFIXES: Record<SenderKind, readonly string[]> = {
  content: ['index/', 'notes/'],
  extension: ['index/', 'notes/', 'view/', 'import/'],
};

const TYPE_SHAPE = /^[a-z]+\/[A-Za-z][A-Za-z0-9]*$/;

/**
 * Checks a message before routing: shape of `type`, the sender's right to use it, and the payload
 * (fully for index/*, generic bounds for notes/* and view/*, whose handlers check meaning).
 * Returns the message to route (a clean copy for index/*).
 */
export function checkMessage(x: unknown, sender: SenderKind): { type: string } & Obj {
  // One policy for control characters on every way in (lib/messages/fields.ts): a space for each.
  const o = withoutControls(obj(x, 'message'));
  const type = str(o.type, 'type', LIMITS.typeLength);
  if (!TYPE_SHAPE.test(type)) fail('type', `"${type}" is not a message type`);
  const prefix = type.slice(0, type.indexOf('/') + 1);
  if (!ALLOWED_PREFIXES[sender].includes(prefix)) {
    throw new InvalidMessageError(`"${type}" may not be sent from ${sender === 'content' ? 'a web page' : 'an extension page'}`);
  }
  if (prefix === 'index/') return validateIndexRequest(o) as unknown as { type: string } & Obj;
  if (prefix === 'import/') return validateImportRequest(o) as unknown as { type: string } & Obj;
  checkPlainData(o);
  return o as { type: string } & Obj;
}

// ---------------------------------------------------------------- import/* (extension pages only; lib/import handles it)

/** A document's text from the library's import or the popup's PDF reader. */
export interface ImportTextRequest {
  type: 'import/text';
  /** The file's name, or the http(s) address of a PDF read from a tab. */
  source: string;
  text: string;
  title?: string;
  url?: string;
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
